/**
 * @module Durations from groundbreaking to completion or inauguration. Only pairs of dates known
 * to the day give a number of days; pairs where either date is known only to the month are
 * reported separately, in whole months, so imprecise dates never pass for exact ones.
 */
import { daysBetween, precisionOf } from '../model/partialDate.ts'
import type { Program } from '../model/program.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { keyDates } from './keyDates.ts'

export interface ProjectDuration {
  project_id: string
  year: number | null
  kinds: string[]
  groundbreaking: string
  finished: string
  days: number | null
  months: number | null
}

export interface DurationSummary {
  n: number
  median: number | null
  min: number | null
  max: number | null
}

export interface Durations {
  program_id: string
  as_of: string | null
  unit: 'days'
  projects: ProjectDuration[]
  /** Day-precise durations summarized. */
  overall: DurationSummary
  by_year: Record<string, DurationSummary>
  by_kind: Record<string, DurationSummary>
  /** Durations where a date is only known to the month, in whole months. */
  month_precision: { n: number; median_months: number | null; projects: string[] }
}

export function summarize(values: number[]): DurationSummary {
  if (values.length === 0) return { n: 0, median: null, min: null, max: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { n: sorted.length, median, min: sorted[0]!, max: sorted.at(-1)! }
}

function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number)
  const [by, bm] = b.split('-').map(Number)
  return (by! - ay!) * 12 + ((bm ?? 1) - (am ?? 1))
}

export function durations(snapshot: Snapshot, program: Program, asOf?: string): Durations {
  const projects: ProjectDuration[] = []
  for (const p of snapshot.dataset.projects) {
    if (p.program_id !== program.id) continue
    const k = keyDates(snapshot.eventsByProject.get(p.id) ?? [], asOf)
    if (!k.groundbreaking || !k.finished) continue
    const exact = precisionOf(k.groundbreaking) === 'day' && precisionOf(k.finished) === 'day'
    const monthly = !exact && precisionOf(k.groundbreaking) !== 'year' && precisionOf(k.finished) !== 'year'
    projects.push({
      project_id: p.id,
      year: p.year,
      kinds: p.kinds,
      groundbreaking: k.groundbreaking,
      finished: k.finished,
      days: exact ? daysBetween(k.groundbreaking, k.finished) : null,
      months: monthly ? monthsBetween(k.groundbreaking, k.finished) : null,
    })
  }
  const exact = projects.filter((d) => d.days !== null)
  const group = (key: (d: ProjectDuration) => string[]) => {
    const out: Record<string, number[]> = {}
    for (const d of exact) for (const k of key(d)) (out[k] ??= []).push(d.days!)
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, summarize(v)]))
  }
  const monthly = projects.filter((d) => d.days === null && d.months !== null)
  return {
    program_id: program.id,
    as_of: asOf ?? null,
    unit: 'days',
    projects,
    overall: summarize(exact.map((d) => d.days!)),
    by_year: group((d) => [String(d.year ?? 'pilot')]),
    by_kind: group((d) => d.kinds),
    month_precision: { n: monthly.length, median_months: summarize(monthly.map((d) => d.months!)).median, projects: monthly.map((d) => d.project_id) },
  }
}
