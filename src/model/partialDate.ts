/**
 * @module Dates known to the day, the month or only the year ("2025-02-14", "2025-02", "2025"),
 * and what they mean as ranges: "early 2025" is the year 2025, never 2025-01-01.
 */
import { z } from 'zod'

export type DatePrecision = 'day' | 'month' | 'year'
export const datePrecisions: readonly DatePrecision[] = ['day', 'month', 'year']

const shape = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Why `text` is not a valid partial date, or null when it is one. */
export function partialDateProblem(text: string): string | null {
  const m = shape.exec(text)
  if (!m) return `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`
  const year = Number(m[1])
  if (year < 1900 || year > 2200) return `year ${year} is out of range (1900–2200)`
  if (m[2] === undefined) return null
  const month = Number(m[2])
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`
  if (m[3] === undefined) return null
  const day = Number(m[3])
  if (day < 1 || day > daysInMonth(year, month)) return `${text} does not exist (${monthNames[month - 1]} ${year} has ${daysInMonth(year, month)} days)`
  return null
}

export const PartialDate = z
  .string()
  .superRefine((text, ctx) => {
    const problem = partialDateProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .describe('A date known to the day (YYYY-MM-DD), the month (YYYY-MM) or the year (YYYY).')
export type PartialDate = string

export const FullDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .superRefine((text, ctx) => {
    const problem = partialDateProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export function precisionOf(date: PartialDate): DatePrecision {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year'
}

/** First and last day a partial date may mean, as YYYY-MM-DD. */
export function rangeOf(date: PartialDate): { start: string; end: string } {
  const [y, m, d] = date.split('-')
  const year = Number(y)
  if (d !== undefined) return { start: date, end: date }
  if (m !== undefined) {
    const last = String(daysInMonth(year, Number(m))).padStart(2, '0')
    return { start: `${date}-01`, end: `${date}-${last}` }
  }
  return { start: `${date}-01-01`, end: `${date}-12-31` }
}

/** True when the date has certainly happened by `asOf` (its whole range lies on or before it). */
export function happenedBy(date: PartialDate, asOf: string): boolean {
  return rangeOf(date).end <= asOf
}

/** Orders partial dates by their first possible day, then by precision (day before month before year). */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const ra = rangeOf(a)
  const rb = rangeOf(b)
  if (ra.start !== rb.start) return ra.start < rb.start ? -1 : 1
  if (ra.end !== rb.end) return ra.end < rb.end ? -1 : 1
  return 0
}

/** Human form that keeps the precision: "14 Feb 2025", "Feb 2025", "2025". */
export function formatPartialDate(date: PartialDate): string {
  const [y, m, d] = date.split('-')
  if (m === undefined) return y ?? date
  const month = monthNames[Number(m) - 1]
  if (d === undefined) return `${month} ${y}`
  return `${Number(d)} ${month} ${y}`
}

/** Whole days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
