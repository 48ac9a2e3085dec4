/**
 * @module Dates as reports write them, in every intake language, resolved against a reference
 * date (the dateline's, else the published date) and kept at the precision written: "on Feb. 28"
 * is a day, "last month" a month, "this year" a year — never padded to a day.
 *
 * Our own rules read the forms state media and the press use (absolute dates, month–day without a
 * year, "on the 3rd", "the previous day", weekdays, "last month", "this year"; Korean 지난 3일,
 * 전날, 28일; CJK 28日, 前日; Russian "накануне"…). chrono-node is asked only about a sentence
 * the rules found nothing in, for the languages it covers (see `chronoDates`).
 */
import * as chrono from 'chrono-node'
import type { DatePrecision, PartialDate } from '../model/partialDate.ts'
import type { IntakeLanguage } from './types.ts'

export interface DateMention {
  date: PartialDate
  precision: DatePrecision
  start: number
  end: number
  text: string
  /** Resolved against the reference date rather than written in full. */
  relative: boolean
}

/** A day known for certain (YYYY-MM-DD) that relative dates are counted from. */
export type ReferenceDate = string

/** Placeholder for "the next day": resolved against the date written before it in the same text. */
const NEXT_DAY = 'next-day'
// "The same month, the 6th" (같은 달 6일, 同月6日): the day of the month written before it.
const SAME_MONTH = 'same-month:'

const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

export function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

const refParts = (ref: string) => ({ y: Number(ref.slice(0, 4)), m: Number(ref.slice(5, 7)), d: Number(ref.slice(8, 10)) })

/**
 * The year of a month–day written without one: the reference year, unless that puts it well after
 * the reference (reports tell what happened, so "Dec. 28" in a January report is last December).
 */
export function yearFor(month: number, day: number | null, ref: ReferenceDate): number {
  const r = refParts(ref)
  const candidate = `${r.y}-${pad(month)}-${pad(day ?? 1)}`
  return candidate > addDays(ref, 31) ? r.y - 1 : r.y
}

/** A day of the month written alone ("on the 3rd", 3일): this month, or the last if it is still to come. */
function dayOnly(day: number, ref: ReferenceDate): string | null {
  const r = refParts(ref)
  if (day <= r.d + 1) return isoDay(r.y, r.m, day)
  const m = r.m === 1 ? 12 : r.m - 1
  const y = r.m === 1 ? r.y - 1 : r.y
  return isoDay(y, m, day)
}

function monthShift(ref: ReferenceDate, by: number): string {
  const r = refParts(ref)
  const idx = r.y * 12 + (r.m - 1) + by
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`
}

// ---- month names ---------------------------------------------------------------------------

const monthStems: [RegExp, number][] = [
  [/^(?:jan|ene|janv|jän|янв)/, 1],
  [/^(?:feb|fév|fev|февр|фев)/, 2],
  [/^(?:mar(?!t[eé]s)|mär|maer|март|марта|марте)/, 3],
  [/^(?:apr|abr|avr|апр)/, 4],
  [/^(?:may|mai|mayo|ма[яйе]$)/, 5],
  [/^(?:jun|juin|июн)/, 6],
  [/^(?:jul|juil|июл)/, 7],
  [/^(?:aug|ago|août|aout|авг)/, 8],
  [/^(?:sep|set|сен)/, 9],
  [/^(?:oct|okt|окт)/, 10],
  [/^(?:nov|ноя)/, 11],
  [/^(?:dec|dez|dic|déc|дек)/, 12],
]

const monthWords =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|avr|juil|déc|' +
  'januar|jänner|februar|märz|maerz|april|juni|juli|oktober|dezember|' +
  'январ[яьею]|феврал[яьею]|марта?|марте|апрел[яьею]|ма[яйе]|июн[яье]|июл[яье]|август[аеу]?|сентябр[яье]|октябр[яье]|ноябр[яье]|декабр[яье]'

export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w === 'march' || w === 'mars' || w === 'märz' || w === 'marzo' || w === 'mar') return 3
  if (w === 'may' || w === 'mai' || w === 'mayo') return 5
  for (const [re, n] of monthStems) if (re.test(w)) return n
  return null
}

const M = `(${monthWords})\\.?`
const D = '(\\d{1,2})(?:st|nd|rd|th|er|º|°)?'
const Y = '((?:19|20)\\d\\d)'

interface Rule {
  re: RegExp
  read: (m: RegExpExecArray, ref: ReferenceDate | null) => { date: string | null; precision: DatePrecision; relative: boolean } | null
}

const day = (date: string | null, relative: boolean) => (date ? { date, precision: 'day' as const, relative } : null)
const month = (date: string | null, relative: boolean) => (date ? { date, precision: 'month' as const, relative } : null)
const year = (y: number | null, relative: boolean) => (y && y >= 1990 && y <= 2100 ? { date: String(y), precision: 'year' as const, relative } : null)
const md = (mo: number | null, d: number, ref: ReferenceDate | null) => (mo && ref ? day(isoDay(yearFor(mo, d, ref), mo, d), true) : null)
const refYear = (ref: ReferenceDate | null, by = 0) => (ref ? refParts(ref).y + by : null)

const weekdays: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  domingo: 0, lunes: 1, martes: 2, miércoles: 3, miercoles: 3, jueves: 4, viernes: 5, sábado: 6, sabado: 6,
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6,
  воскресенье: 0, понедельник: 1, вторник: 2, среду: 3, среда: 3, четверг: 4, пятницу: 5, пятница: 5, субботу: 6, суббота: 6,
}

/** The latest day on or before the reference that falls on `weekday` (0 = Sunday). */
function lastWeekday(weekday: number, ref: ReferenceDate): string {
  const dow = new Date(`${ref}T00:00:00Z`).getUTCDay()
  return addDays(ref, -((dow - weekday + 7) % 7))
}

const rel = (n: number) => (_m: RegExpExecArray, ref: ReferenceDate | null) => (ref ? day(addDays(ref, n), true) : null)

/** Latin-script languages (en, fr, de, es) share the number forms; the words differ. */
const latinRules: Rule[] = [
  // 2025-01-20, 20.01.2025, 20/01/2025
  { re: /\b(20\d\d)-(\d\d)-(\d\d)\b/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b/g, read: (m) => day(isoDay(+m[3]!, +m[2]!, +m[1]!), false) },
  // February 28, 2024 · Feb. 28 2024
  { re: new RegExp(`\\b${M}\\s+${D},?\\s+${Y}(?!\\d)`, 'giu'), read: (m) => day(isoDay(+m[3]!, monthNumber(m[1]!) ?? 0, +m[2]!), false) },
  // 28 February 2024 · 28 de febrero de 2024 · 28 février 2024 · 28. Februar 2024
  { re: new RegExp(`\\b${D}\\.?\\s+(?:de\\s+)?${M}(?:\\s+de|,)?\\s+${Y}\\b`, 'giu'), read: (m) => day(isoDay(+m[3]!, monthNumber(m[2]!) ?? 0, +m[1]!), false) },
  // February 2024 · février 2024 · febrero de 2024
  { re: new RegExp(`\\b${M}\\s+(?:de\\s+|of\\s+)?${Y}\\b`, 'giu'), read: (m) => month(monthNumber(m[1]!) ? `${m[2]}-${pad(monthNumber(m[1]!)!)}` : null, false) },
  // February 28 · Feb. 28
  { re: new RegExp(`\\b${M}\\s+${D}\\b(?!\\s*(?:,\\s*)?(?:19|20)\\d\\d)(?![:\\d])`, 'giu'), read: (m, ref) => md(monthNumber(m[1]!), +m[2]!, ref) },
  // 28 February · 28 de febrero · 28 février · 28. Februar
  { re: new RegExp(`\\b${D}\\.?\\s+(?:de\\s+)?${M}\\b(?!\\s*(?:de\\s+)?(?:19|20)\\d\\d)`, 'giu'), read: (m, ref) => md(monthNumber(m[2]!), +m[1]!, ref) },
  // the 3rd · le 3 · el día 3 · am 3.
  { re: /\b(?:on|of)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b/giu, read: (m, ref) => (ref ? day(dayOnly(+m[1]!, ref), true) : null) },
  { re: /\b(?:el\s+)?d[ií]a\s+(\d{1,2})\b(?!\s+de)/giu, read: (m, ref) => (ref ? day(dayOnly(+m[1]!, ref), true) : null) },
  { re: /\ble\s+(\d{1,2})(?:er)?\b(?!\s*(?:[\p{L}]+\s+)?(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec))/giu, read: (m, ref) => (ref ? day(dayOnly(+m[1]!, ref), true) : null) },
  { re: /\bam\s+(\d{1,2})\.(?!\s*(?:\d|[A-ZÄÖÜ][a-zäöü]+))/gu, read: (m, ref) => (ref ? day(dayOnly(+m[1]!, ref), true) : null) },
  // the previous day · yesterday · la veille · am Vortag · el día anterior
  { re: /\b(?:the\s+(?:previous|preceding)\s+day|the\s+day\s+before|yesterday|la\s+veille|hier|am\s+Vortag|gestern|el\s+d[ií]a\s+anterior|ayer)\b/giu, read: rel(-1) },
  { re: /\b(?:today|aujourd'hui|heute|hoy)\b/giu, read: rel(0) },
  // on Wednesday · mercredi · am Mittwoch · el miércoles
  {
    re: /\b(?:on\s+|last\s+|el\s+|le\s+|am\s+|ce\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday|domingo|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b/giu,
    read: (m, ref) => (ref ? day(lastWeekday(weekdays[m[1]!.toLowerCase().replace('é', 'e')] ?? weekdays[m[1]!.toLowerCase()]!, ref), true) : null),
  },
  // last month · le mois dernier · letzten Monat · el mes pasado
  { re: /\b(?:last\s+month|the\s+previous\s+month|le\s+mois\s+(?:dernier|pr[ée]c[ée]dent)|(?:im\s+)?letzten\s+Monat|(?:im\s+)?Vormonat|el\s+mes\s+pasado)\b/giu, read: (_m, ref) => (ref ? month(monthShift(ref, -1), true) : null) },
  { re: /\b(?:this\s+month|ce\s+mois|diesen\s+Monat|este\s+mes)\b/giu, read: (_m, ref) => (ref ? month(monthShift(ref, 0), true) : null) },
  // last October: the latest October before the reference month
  { re: new RegExp(`\\blast\\s+${M}\\b(?!\\s*\\d)`, 'giu'), read: (m, ref) => { const mo = monthNumber(m[1]!); if (!mo || !ref) return null; const r = refParts(ref); return month(`${mo >= r.m ? r.y - 1 : r.y}-${pad(mo)}`, true) } },
  // in February (no year): the month of the reference year, or last year's when still to come
  { re: new RegExp(`\\b(?:in|early|late|mid|(?:early|late)\\s+in|en|au\\s+d[ée]but\\s+de|fin|im|Anfang|Ende|Mitte|a\\s+(?:principios|finales)\\s+de)[- ]+(?:de\\s+|d')?${M}\\b(?!\\s*(?:de\\s+)?\\d)`, 'giu'), read: (m, ref) => { const mo = monthNumber(m[1]!); return mo && ref ? month(`${yearFor(mo, null, ref)}-${pad(mo)}`, true) : null } },
  // this year · last year · cette année · dieses Jahr · este año
  { re: /\b(?:this\s+year|cette\s+ann[ée]e|(?:in\s+)?diesem\s+Jahr|dieses\s+Jahr|este\s+a[ñn]o|en\s+curso)\b/giu, read: (_m, ref) => year(refYear(ref), true) },
  { re: /\b(?:last\s+year|l'ann[ée]e\s+derni[èe]re|(?:im\s+)?letzten\s+Jahr|(?:im\s+)?Vorjahr|el\s+a[ñn]o\s+pasado)\b/giu, read: (_m, ref) => year(refYear(ref, -1), true) },
  // in 2024 (a bare year after a preposition, so "20×10" or "2,024" are not years)
  { re: /\b(?:in|of|en|im|Jahr|year|ann[ée]e|a[ñn]o)\s+((?:19|20)\d\d)\b/giu, read: (m) => year(+m[1]!, false) },
]

const russianRules: Rule[] = [
  { re: /\b(20\d\d)-(\d\d)-(\d\d)\b/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /(\d{1,2})\.(\d{1,2})\.(20\d\d)/g, read: (m) => day(isoDay(+m[3]!, +m[2]!, +m[1]!), false) },
  { re: new RegExp(`(\\d{1,2})\\s+${M}\\s+${Y}`, 'giu'), read: (m) => day(isoDay(+m[3]!, monthNumber(m[2]!) ?? 0, +m[1]!), false) },
  { re: new RegExp(`(?<!\\d\\s)${M}\\s+${Y}`, 'giu'), read: (m) => month(monthNumber(m[1]!) ? `${m[2]}-${pad(monthNumber(m[1]!)!)}` : null, false) },
  { re: new RegExp(`(\\d{1,2})\\s+${M}(?!\\s+(?:19|20)\\d\\d)`, 'giu'), read: (m, ref) => md(monthNumber(m[2]!), +m[1]!, ref) },
  { re: /(?:накануне|вчера)/giu, read: rel(-1) },
  { re: /(?:сегодня)/giu, read: rel(0) },
  { re: /в\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)/giu, read: (m, ref) => (ref ? day(lastWeekday(weekdays[m[1]!.toLowerCase()]!, ref), true) : null) },
  { re: /в\s+прошлом\s+месяце/giu, read: (_m, ref) => (ref ? month(monthShift(ref, -1), true) : null) },
  { re: new RegExp(`в\\s+(?:начале\\s+|конце\\s+|середине\\s+)?${M}(?!\\s*\\d)`, 'giu'), read: (m, ref) => { const mo = monthNumber(m[1]!); return mo && ref ? month(`${yearFor(mo, null, ref)}-${pad(mo)}`, true) : null } },
  { re: /в\s+этом\s+году|этого\s+года|текущего\s+года/giu, read: (_m, ref) => year(refYear(ref), true) },
  { re: /в\s+прошлом\s+году|прошлого\s+года/giu, read: (_m, ref) => year(refYear(ref, -1), true) },
  { re: /(?:^|[^\d])((?:19|20)\d\d)\s+(?:год|г\.)/giu, read: (m) => year(+m[1]!, false) },
]

// CJK: 2024年2月28日, 2月28日, 28日, 2024年2月, 前日, 昨日/昨天, 今年, 去年/昨年
const cjkRules: Rule[] = [
  { re: /(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?!\s*\d)/g, read: (m) => month(`${m[1]}-${pad(+m[2]!)}`, false) },
  { re: /(?<![年\d])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, read: (m, ref) => md(+m[1]!, +m[2]!, ref) },
  { re: /(?:同月|当月)\s*(\d{1,2})\s*[日号]/g, read: (m, ref) => (ref ? { date: `${SAME_MONTH}${m[1]}`, precision: 'day', relative: true } : null) },
  { re: /(?<![月\d])(\d{1,2})\s*[日号](?![本元])/g, read: (m, ref) => (ref ? day(dayOnly(+m[1]!, ref), true) : null) },
  { re: /前日|前一天|昨日|昨天|前天(?!下)/g, read: (m, ref) => (ref ? day(addDays(ref, m[0] === '前天' ? -2 : -1), true) : null) },
  { re: /(?:先月|上个月|上月)/g, read: (_m, ref) => (ref ? month(monthShift(ref, -1), true) : null) },
  { re: /(?<![年\d])(?:今年|本年)\s*(\d{1,2})\s*月(?!\s*\d)/g, read: (m, ref) => (ref ? month(`${refParts(ref).y}-${pad(+m[1]!)}`, true) : null) },
  { re: /(?<![年\d])(?:去年|昨年)\s*(\d{1,2})\s*月(?!\s*\d)/g, read: (m, ref) => (ref ? month(`${refParts(ref).y - 1}-${pad(+m[1]!)}`, true) : null) },
  // 2月に · 2月初旬 · 2月份: the month of the reference year, or last year's when still to come
  { re: /(?<![年\d.．])(\d{1,2})\s*月(?![\s\d]*[日号])(?:份|初旬|上旬|中旬|下旬|末|初|中)?/g, read: (m, ref) => { const mo = +m[1]!; return mo >= 1 && mo <= 12 && ref ? month(`${yearFor(mo, null, ref)}-${pad(mo)}`, true) : null } },
  { re: /今年|本年/g, read: (_m, ref) => year(refYear(ref), true) },
  { re: /去年|昨年/g, read: (_m, ref) => year(refYear(ref, -1), true) },
  { re: /((?:19|20)\d\d)\s*年(?!\s*\d)/g, read: (m) => year(+m[1]!, false) },
]

const koreanRules: Rule[] = [
  { re: /\b(20\d\d)-(\d\d)-(\d\d)\b/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /((?:19|20)\d\d)\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /((?:19|20)\d\d)\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?/g, read: (m) => day(isoDay(+m[1]!, +m[2]!, +m[3]!), false) },
  { re: /((?:19|20)\d\d)\s*년\s*(\d{1,2})\s*월(?!\s*\d)/g, read: (m) => month(`${m[1]}-${pad(+m[2]!)}`, false) },
  // 지난해 12월 · 작년 12월 · 올해 3월
  { re: /(?:지난해|작년|전년)\s*(\d{1,2})\s*월(?!\s*\d)/g, read: (m, ref) => (ref ? month(`${refParts(ref).y - 1}-${pad(+m[1]!)}`, true) : null) },
  { re: /(?:올해|금년)\s*(\d{1,2})\s*월(?!\s*\d)/g, read: (m, ref) => (ref ? month(`${refParts(ref).y}-${pad(+m[1]!)}`, true) : null) },
  { re: /(?<![년\d])(\d{1,2})\s*월\s*(\d{1,2})\s*일/g, read: (m, ref) => md(+m[1]!, +m[2]!, ref) },
  // 같은 달 6일 · 그 달 6일
  { re: /(?:같은|그)\s?달\s*(\d{1,2})\s*일/g, read: (m, ref) => (ref ? { date: `${SAME_MONTH}${m[1]}`, precision: 'day', relative: true } : null) },
  // 지난달 · 지난 달
  { re: /지난\s?달/g, read: (_m, ref) => (ref ? month(monthShift(ref, -1), true) : null) },
  // 지난 3일 · 3일 · 28일에
  { re: /(?<![월\d])(?:지난\s*)?(\d{1,2})\s*일(?![간째])/g, read: (m, ref) => (ref ? day(dayOnly(+m[1]!, ref), true) : null) },
  { re: /(?<![월\d])(\d{1,2})\s*월(?!\s*\d)(?:\s*(?:초|중순|말|하순|상순))?/g, read: (m, ref) => { const mo = +m[1]!; return mo >= 1 && mo <= 12 && ref ? month(`${yearFor(mo, null, ref)}-${pad(mo)}`, true) : null } },
  { re: /전날|어제|전일/g, read: rel(-1) },
  { re: /이튿날|다음날|다음 날/g, read: (_m, ref) => (ref ? { date: NEXT_DAY, precision: 'day', relative: true } : null) },
  { re: /오늘/g, read: rel(0) },
  { re: /올해|금년/g, read: (_m, ref) => year(refYear(ref), true) },
  { re: /지난해|작년/g, read: (_m, ref) => year(refYear(ref, -1), true) },
  { re: /((?:19|20)\d\d)\s*년(?!\s*\d)/g, read: (m) => year(+m[1]!, false) },
]

function rulesFor(language: IntakeLanguage): Rule[] {
  if (language === 'ko') return koreanRules
  if (language === 'ja' || language === 'zh') return cjkRules
  if (language === 'ru') return russianRules
  return latinRules
}

/**
 * Every date written in `text` (offsets relative to `text`), earlier rules first taking precedence
 * where two overlap: "February 28, 2024" is one date, not also "February 28" and "2024".
 */
export function findDates(text: string, language: IntakeLanguage, ref: ReferenceDate | null): DateMention[] {
  const taken: DateMention[] = []
  const overlaps = (s: number, e: number) => taken.some((t) => s < t.end && e > t.start)
  for (const rule of rulesFor(language)) {
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++
        continue
      }
      const start = m.index
      const end = start + m[0].length
      if (overlaps(start, end)) continue
      const read = rule.read(m, ref)
      if (!read?.date) continue
      taken.push({ date: read.date, precision: read.precision, start, end, text: m[0].trim(), relative: read.relative })
    }
  }
  taken.sort((a, b) => a.start - b.start)
  // "On the 7th …, the next day …": counted from the day before it, not from the report.
  for (let i = 0; i < taken.length; i++) {
    if (taken[i]!.date !== NEXT_DAY) continue
    const prev = taken.slice(0, i).reverse().find((t) => t.precision === 'day' && t.date !== NEXT_DAY)
    taken[i] = { ...taken[i]!, date: prev ? addDays(prev.date, 1) : '' }
  }
  for (let i = 0; i < taken.length; i++) {
    const t = taken[i]!
    if (!t.date.startsWith(SAME_MONTH)) continue
    const d = Number(t.date.slice(SAME_MONTH.length))
    const prev = taken.slice(0, i).reverse().find((x) => (x.precision === 'day' || x.precision === 'month') && /^\d{4}-\d\d/.test(x.date))
    const date = prev ? isoDay(Number(prev.date.slice(0, 4)), Number(prev.date.slice(5, 7)), d) : ref ? dayOnly(d, ref) : null
    taken[i] = { ...t, date: date ?? '' }
  }
  // "KCNA said on the 21st that … the day before": the previous day of the day written before it.
  for (let i = 0; i < taken.length; i++) {
    if (!previousDay.test(taken[i]!.text)) continue
    const prev = taken.slice(0, i).reverse().find((t) => t.precision === 'day' && !previousDay.test(t.text))
    if (prev) taken[i] = { ...taken[i]!, date: addDays(prev.date, -1) }
  }
  return taken.filter((t) => t.date !== '')
}

/** Words for "the day before" (never "yesterday", which counts from the report itself). */
const previousDay = /^(?:the\s+(?:previous|preceding)\s+day|the\s+day\s+before|la\s+veille|am\s+Vortag|el\s+d[ií]a\s+anterior|накануне|前日|前一天|전날|전일)$/iu

/**
 * Dates read against a page that gives only a month or a year ("2025-11", "2024"): a date that
 * names its month ("10월 30일", "late in February", "this year") can be placed; a day counted from
 * the report ("on Monday", "the previous day", "on the 3rd") cannot, so it is left out.
 */
export function findDatesCoarse(text: string, language: IntakeLanguage, period: string): DateMention[] {
  const y = Number(period.slice(0, 4))
  const ref = period.length === 7 ? `${period}-${pad(daysIn(y, Number(period.slice(5, 7))))}` : `${y}-12-31`
  const namesMonth = (t: string) => /\d\s*[月월]/.test(t) || t.split(/[^\p{L}]+/u).some((w) => w.length >= 3 && monthNumber(w) !== null)
  return findDates(text, language, ref).filter((d) => {
    if (!d.relative) return true
    if (d.precision === 'year') return true
    if (namesMonth(d.text)) return true
    // "last month" needs the month the page gives.
    return d.precision === 'month' && period.length === 7
  })
}

const chronoParsers: Partial<Record<IntakeLanguage, chrono.Chrono>> = {
  en: chrono.en.casual, fr: chrono.fr.casual, de: chrono.de.casual, es: chrono.es.casual, ru: chrono.ru.casual, ja: chrono.ja.casual, zh: chrono.zh.casual,
}

/**
 * chrono-node's reading of one sentence, for what our rules do not cover. Only the values chrono
 * says it knows are kept, so precision stays as written (a month without a day stays a month).
 */
export function chronoDates(text: string, language: IntakeLanguage, ref: ReferenceDate | null): DateMention[] {
  const parser = chronoParsers[language]
  if (!parser || !ref) return []
  const r = refParts(ref)
  const out: DateMention[] = []
  for (const p of parser.parse(text, new Date(Date.UTC(r.y, r.m - 1, r.d, 12)), { forwardDate: false })) {
    const c = p.start
    const mo = c.isCertain('month') ? c.get('month') : null
    const d = c.isCertain('day') ? c.get('day') : null
    const certainYear = c.isCertain('year') ? c.get('year') : null
    const implied = c.get('year')
    let mention: { date: string | null; precision: DatePrecision } | null = null
    if (c.isCertain('weekday') && !mo) mention = { date: isoDay(c.get('year')!, c.get('month')!, c.get('day')!), precision: 'day' }
    else if (mo && d) mention = { date: isoDay(certainYear ?? yearFor(mo, d, ref), mo, d), precision: 'day' }
    else if (mo) mention = { date: `${certainYear ?? yearFor(mo, null, ref)}-${pad(mo)}`, precision: 'month' }
    else if (certainYear || (implied && /year|année|jahr|año|год|年/i.test(p.text))) mention = { date: String(certainYear ?? implied), precision: 'year' }
    if (!mention?.date) continue
    out.push({ date: mention.date, precision: mention.precision, start: p.index, end: p.index + p.text.length, text: p.text, relative: !certainYear })
  }
  return out
}
