/**
 * @module The numbers each chart draws, taken from the API's answers (pure, no I/O): cumulative
 * localities against the yearly target with the projection, openings per month, days from
 * groundbreaking to opening per project, coverage by province; the facts their one-line
 * takeaways state; and the CSV of each, spreadsheet-safe. The chart, its table and its CSV all
 * read these rows, so they cannot disagree.
 */
import type { z } from 'zod'
import type { Durations as DurationsSchema } from '../../api/routes/stats.ts'
import { neutralizeCell } from '../../model/formulaCells.ts'
import type { Coverage, EventItem, Progress, Project, Projection } from '../types.ts'

export type Durations = z.infer<typeof DurationsSchema>

/** One policy year of the cumulative chart. `counted` is null for years not begun; `projected` null where no projection is drawn. */
export interface CumulativeRow {
  year: number
  target: number
  counted: number | null
  projected: number | null
}

/**
 * Cumulative counted localities per policy year against the target line (target per year × years),
 * and the projection at the observed pace from the last year begun up to the total or the last year.
 */
export function cumulativeRows(progress: Progress, projection: Projection): CumulativeRow[] {
  const observed = projection.started.years_observed
  const pace = projection.started.pace_per_year
  const rows: CumulativeRow[] = []
  let sum = 0
  let target = 0
  let last: number | null = null
  progress.years.forEach((y, i) => {
    target += y.target
    const begun = i < observed
    if (begun) sum += y.counted
    if (begun) last = sum
    let projected: number | null = null
    if (pace !== null && pace > 0 && observed > 0) {
      if (i === observed - 1) projected = sum
      else if (i >= observed && last !== null) projected = Math.min(progress.total_target, Math.round((last + pace * (i - observed + 1)) * 10) / 10)
    }
    rows.push({ year: y.year, target, counted: begun ? sum : null, projected })
  })
  return rows
}

export interface CumulativeFacts {
  counted: number
  year: number
  targetThen: number
  total: number
  pace: number | null
  projectedYear: number | null
  onTrack: boolean | null
  endYear: number
}

export function cumulativeFacts(rows: CumulativeRow[], projection: Projection): CumulativeFacts | null {
  const last = rows.filter((r) => r.counted !== null).at(-1)
  if (!last) return null
  return {
    counted: last.counted!,
    year: last.year,
    targetThen: last.target,
    total: projection.total_target,
    pace: projection.started.pace_per_year,
    projectedYear: projection.started.projected_year,
    onTrack: projection.started.on_track,
    endYear: projection.end_year,
  }
}

/** Opening events, first choice first (as the analysis picks a project's finishing date). */
export const openingTypes = ['inauguration', 'completion', 'production_start'] as const

export interface MonthRow {
  /** YYYY-MM */
  month: string
  openings: number
}

export interface OpeningsByMonth {
  rows: MonthRow[]
  /** Openings known only to the year, which no month can show. */
  yearOnly: number
  total: number
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/**
 * Projects of the policy years opened per calendar month (the pilot before the policy is left
 * out): each project's opening is its first inauguration, else its first completion, else its
 * first production start. Months without openings between the first
 * and the last are kept as zeros (a chart of months must not skip quiet ones).
 */
export function openingsByMonth(events: readonly EventItem[]): OpeningsByMonth {
  const best = new Map<string, EventItem>()
  const rank = (type: string) => openingTypes.indexOf(type as (typeof openingTypes)[number])
  for (const e of events) {
    if (!e.project_id || e.project_year === null || rank(e.type) < 0) continue
    const seen = best.get(e.project_id)
    if (!seen || rank(e.type) < rank(seen.type) || (rank(e.type) === rank(seen.type) && e.date < seen.date)) best.set(e.project_id, e)
  }
  const counts = new Map<string, number>()
  let yearOnly = 0
  for (const e of best.values()) {
    if (e.date.length < 7) {
      yearOnly++
      continue
    }
    const month = e.date.slice(0, 7)
    counts.set(month, (counts.get(month) ?? 0) + 1)
  }
  const months = [...counts.keys()].sort()
  const rows: MonthRow[] = []
  if (months.length > 0) for (let m = months[0]!; m <= months.at(-1)!; m = nextMonth(m)) rows.push({ month: m, openings: counts.get(m) ?? 0 })
  return { rows, yearOnly, total: best.size }
}

export function busiestMonth(rows: readonly MonthRow[]): MonthRow | null {
  return rows.reduce<MonthRow | null>((top, r) => (r.openings > (top?.openings ?? 0) ? r : top), null)
}

export interface DurationRow {
  project_id: string
  /** The locality's name (and the policy year when a locality has several projects). */
  name: string
  hangul: string | null
  year: number | null
  groundbreaking: string
  opened: string
  days: number
}

/**
 * Day-precise durations per project, shortest first, named by locality (from the project list).
 * Pairs known only to the month are left out of the days and counted apart.
 */
export function durationRows(durations: Durations, projects: readonly Project[]): { rows: DurationRow[]; monthOnly: number } {
  const byId = new Map(projects.map((p) => [p.id, p]))
  const rows: DurationRow[] = durations.projects
    .filter((d) => d.days !== null)
    .map((d) => {
      const p = byId.get(d.project_id)
      return {
        project_id: d.project_id,
        name: p?.locality.name ?? d.project_id,
        hangul: p?.locality.hangul ?? null,
        year: d.year,
        groundbreaking: d.groundbreaking,
        opened: d.finished,
        days: d.days!,
      }
    })
    .sort((a, b) => a.days - b.days || a.name.localeCompare(b.name))
  // A bar is named by its locality; where two bars would read the same (a locality with projects in
  // two years, or two localities spelt alike, like the two Unsans) the policy year tells them apart.
  const count = (names: (string | null)[]) => names.reduce((m, n) => (n === null ? m : m.set(n, (m.get(n) ?? 0) + 1)), new Map<string, number>())
  const plain = count(rows.map((r) => r.name))
  const hangul = count(rows.map((r) => r.hangul))
  for (const r of rows) {
    const year = r.year === null ? '' : ` ${r.year}`
    if ((plain.get(r.name) ?? 0) > 1) r.name = `${r.name}${year}`
    if (r.hangul !== null && (hangul.get(r.hangul) ?? 0) > 1) r.hangul = `${r.hangul}${year}`
  }
  return { rows, monthOnly: durations.projects.filter((d) => d.days === null).length }
}

export interface CoverageRow {
  province_id: string
  name: string
  localities: number
  reached: number
  waiting: number
  share: number
}

/** Provinces by the share of their localities reached, highest first. */
export function coverageRows(coverage: Coverage): CoverageRow[] {
  return coverage.provinces
    .map((p) => ({ province_id: p.province_id, name: p.name, localities: p.localities, reached: p.reached, waiting: p.localities - p.reached, share: p.share }))
    .sort((a, b) => b.share - a.share || b.reached - a.reached || a.name.localeCompare(b.name))
}

/** The median of day counts (the middle one, or the mean of the two middle ones). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** One CSV cell: quoted when needed, never starting a formula (src/model/formulaCells.ts). */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = neutralizeCell(String(value))
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A CSV document: the header row, then the rows, CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
