/**
 * @module How values read on the page in the reader's language: dates with their precision
 * ("14 Feb 2025" / "2025년 2월 14일"), labels of the vocabularies, numbers, place names.
 */
import { formatPartialDate, precisionOf } from '../model/partialDate.ts'
import { facilityKinds, statuses } from '../model/vocab.ts'
import { hasMessage, language, locale, t } from './i18n/i18n.ts'

const koDate = {
  day: new Intl.DateTimeFormat('ko-KR', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('ko-KR', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat('ko-KR', { year: 'numeric', timeZone: 'UTC' }),
}

/** A partial date in Korean: "2026년 2월 21일", "2026년 2월", "2026년". */
export function koreanDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return koDate[precisionOf(date)].format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)))
}

/** "Feb 2025" for 2025-02, "14 Feb 2025" for a day (Korean: "2025년 2월 14일"), "—" when unknown. */
export function fmtDate(date: string | null | undefined): string {
  if (!date) return '—'
  return language() === 'ko' ? koreanDate(date) : formatPartialDate(date)
}

function label(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—'
  const key = `${prefix}.${value}`
  return hasMessage(key) ? t(key) : value.replace(/_/g, ' ')
}

export const kindLabel = (k: string) => label('kind', k)
export const statusLabel = (s: string | null | undefined) => (s === null || s === undefined || s === 'null' || s === 'none' ? t('status.none') : label('status', s))
export const eventLabel = (type: string) => label('event', type)
export const sourceKindLabel = (k: string) => label('sourceKind', k)
export const fieldLabel = (f: string) => label('field', f)
export const localityTypeLabel = (type: string) => label('localityType', type)
export const provinceKindLabel = (k: string) => label('provinceKind', k)
export const coordPrecisionLabel = (p: string) => label('coordPrecision', p)
export const rankLabel = (r: string) => label('rank', r)

export const kindValues: readonly string[] = facilityKinds.values
export const statusValues: readonly string[] = statuses.values

/** A number in the reader's language (1,234). */
export function num(n: number): string {
  return n.toLocaleString(locale())
}

export function pct(share: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** A policy year, or the pilot before it. */
export function yearName(year: number | null | undefined): string {
  return year === null || year === undefined ? t('common.pilot') : String(year)
}

/** A language code as its name in the reader's language: "ko" → "Korean" / "한국어". */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** A timestamp (ISO) as "25 Nov 2026, 10:49" (Korean: "2026년 11월 25일 오전 10:49") in the reader's time zone. */
export function fmtTimestamp(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(locale(), { day: 'numeric', month: language() === 'ko' ? 'long' : 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** A place's name as the reader reads it first: hangul in Korean, the common spelling in English. */
export function placeName(name: string, hangul?: string | null): string {
  return language() === 'ko' && hangul ? hangul : name
}

/** Both forms, the reader's first: "Songchon 성천군" / "성천군 Songchon" (accessible names, titles). */
export function placeBoth(name: string, hangul?: string | null): string {
  if (!hangul) return name
  return language() === 'ko' ? `${hangul} ${name}` : `${name} ${hangul}`
}

/** A claim's value as words: dates with precision, vocabulary labels, yes/no. */
export function fmtValue(field: string, value: unknown, names: (id: string) => string = (id) => id): string {
  if (value === null || value === undefined) return '—'
  if (field === 'date' && typeof value === 'string') return fmtDate(value)
  if (field === 'status' && typeof value === 'string') return statusLabel(value)
  if (field === 'kinds' && Array.isArray(value)) return value.map((k) => kindLabel(String(k))).join(', ')
  if ((field === 'province' || field === 'locality') && typeof value === 'string') return names(value)
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (typeof value === 'number') return num(value)
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
