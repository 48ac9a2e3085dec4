/**
 * @module Dates and key dates as the wiki list writes them: "28 Feb 2024", "28 February 2024",
 * "Feb 2024", "2024", and Key Date(s) cells such as "Groundbreaking: 14 Feb 2025; Completion:
 * 26 Aug 2025" or "Groundbreaking of hospital and leisure complex: 6 Feb 2025".
 */
import { slugify } from '../../model/ids.ts'
import { partialDateProblem } from '../../model/partialDate.ts'
import type { EventType } from '../../model/vocab.ts'

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

const months: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
}

const two = (n: number) => String(n).padStart(2, '0')

/** A wiki date as a partial date (YYYY, YYYY-MM or YYYY-MM-DD), keeping its precision. */
export function parseWikiDate(text: string): Parsed<string> {
  const t = text.trim().replace(/\s+/g, ' ')
  let year: string
  let monthName: string | undefined
  let day: number | undefined
  let m: RegExpExecArray | null
  if ((m = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(t))) [day, monthName, year] = [Number(m[1]), m[2], m[3]!]
  else if ((m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t))) [monthName, day, year] = [m[1], Number(m[2]), m[3]!]
  // "Early 2025" is the year 2025, never its first day (docs/data-format.md).
  else if ((m = /^(?:(?:early|mid|late)[- ])?(\d{4})$/i.exec(t))) year = m[1]!
  else if ((m = /^([A-Za-z]+)\.?,? (\d{4})$/.exec(t))) [monthName, year] = [m[1], m[2]!]
  else return { ok: false, problem: `"${t}" is not a date (expected e.g. "28 Feb 2024", "Feb 2024" or "2024")` }
  let iso = year
  if (monthName !== undefined) {
    const month = months[monthName.toLowerCase()]
    if (month === undefined) return { ok: false, problem: `"${t}" is not a date: unknown month "${monthName}"` }
    iso += `-${two(month)}`
    if (day !== undefined) iso += `-${two(day)}`
  }
  const problem = partialDateProblem(iso)
  return problem ? { ok: false, problem } : { ok: true, value: iso }
}

/** The words that name an event in a Key Date(s) cell, lower case, hyphens read as spaces. */
const eventWords: Record<string, EventType> = {
  groundbreaking: 'groundbreaking',
  'ground breaking': 'groundbreaking',
  completion: 'completion',
  completed: 'completion',
  inauguration: 'inauguration',
  inaugurated: 'inauguration',
  opening: 'inauguration',
  inspection: 'leader_visit',
  visit: 'leader_visit',
  announced: 'announced',
  'production start': 'production_start',
}
const knownWords = 'Groundbreaking, Completion, Completed, Inauguration, Inaugurated, Opening, Inspection, Visit, Announced, Production start'

const normalizeWord = (s: string) => s.toLowerCase().replace(/[-\s]+/g, ' ').trim()

/** "Groundbreaking" → groundbreaking; "Groundbreaking of hospital and leisure complex" → groundbreaking labelled "hospital-and-leisure-complex". */
export function parseKeyDateLabel(text: string): Parsed<{ type: EventType; label: string | null }> {
  const whole = eventWords[normalizeWord(text)]
  if (whole) return { ok: true, value: { type: whole, label: null } }
  const of = /^(.+?)\s+of\s+(.+)$/i.exec(text.trim())
  const type = of ? eventWords[normalizeWord(of[1]!)] : undefined
  if (of && type) {
    const label = slugify(of[2]!)
    if (label) return { ok: true, value: { type, label } }
  }
  return { ok: false, problem: `unknown key-date label "${text.trim()}" (known: ${knownWords}, each optionally "… of <thing>")` }
}

export interface KeyDate {
  type: EventType
  label: string | null
  date: string
  /** The fragment of the cell this date was read from. */
  text: string
}

// A label is a run of letters, spaces, hyphens and apostrophes ending in ":". Digits cannot be
// part of it, so a label right after a date with no separator ("… 25 Feb 2025 Inspection: …")
// still starts at its own first word. Its length is bounded (the longest real ones, "… of
// <thing>", are about 50 characters): unbounded, a long run of letters with no ":" was scanned
// to its end from each of its letters — quadratic time on a cell of hostile input.
const labelPattern = /([A-Za-z][A-Za-z'’ -]{0,150}?)\s{0,20}:/g
// The trailing run is matched only from its first character (the lookbehind), not from each
// character of a long ";;;;…" run in the middle of the cell: linear, as above.
const separators = /^[\s;,]+|(?<![\s;,])[\s;,]+$/g
const emptyCell = /^[\s—–-]*$/

/** Every dated fragment of a Key Date(s) cell, in the order written; problems name the fragment. */
export function parseKeyDates(cell: string): { dates: KeyDate[]; problems: string[] } {
  const dates: KeyDate[] = []
  const problems: string[] = []
  if (emptyCell.test(cell)) return { dates, problems }
  const marks = [...cell.matchAll(labelPattern)]
  const lead = cell.slice(0, marks[0]?.index ?? cell.length).replace(separators, '')
  if (lead) problems.push(`key date "${lead}" has no label (expected e.g. "Groundbreaking: 28 Feb 2024")`)
  marks.forEach((mark, i) => {
    const start = mark.index
    const end = marks[i + 1]?.index ?? cell.length
    const text = cell.slice(start, end).replace(separators, '')
    const dateText = cell.slice(start + mark[0].length, end).replace(separators, '')
    const label = parseKeyDateLabel(mark[1]!)
    if (!label.ok) return void problems.push(label.problem)
    if (!dateText) return void problems.push(`no date after "${mark[0].trim()}"`)
    const date = parseWikiDate(dateText)
    if (!date.ok) return void problems.push(`key date "${text}": ${date.problem}`)
    dates.push({ ...label.value, date: date.value, text })
  })
  return { dates, problems }
}
