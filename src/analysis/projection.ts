/**
 * @module Projection: at the pace observed so far, when the program's total is reached, and
 * whether its last year holds.
 *
 * Method: the pace is the mean number of counted localities per policy year over the policy
 * years begun by the as-of date (a year is begun once its first counted project is known, or
 * once the calendar reaches it). The remaining localities are divided by that pace, rounded up
 * to whole policy years, and added after the last begun year. The same is done for counted
 * localities that are operational, using the years in which they opened.
 * Assumptions: the yearly rhythm continues (one batch of groundbreakings early each year); no
 * project is abandoned; localities counted in a year stay counted.
 */
import { tallyYears } from '../model/counting.ts'
import { programEndYear, programTotalTarget, type Program } from '../model/program.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { durations } from './durations.ts'
import { projectStatus } from './projectStatus.ts'

export interface ProjectionLine {
  done: number
  pace_per_year: number | null
  years_observed: number
  projected_year: number | null
  on_track: boolean | null
  median_days_to_open?: number | null
}

export interface Projection {
  program_id: string
  as_of: string | null
  total_target: number
  end_year: number
  started: ProjectionLine
  operational: ProjectionLine
  method: string
  assumptions: string[]
}

function line(done: number, years: number, lastYear: number, total: number, endYear: number): ProjectionLine {
  if (years === 0) return { done, pace_per_year: null, years_observed: 0, projected_year: null, on_track: null }
  const pace = done / years
  if (done >= total) return { done, pace_per_year: pace, years_observed: years, projected_year: lastYear, on_track: lastYear <= endYear }
  if (pace === 0) return { done, pace_per_year: 0, years_observed: years, projected_year: null, on_track: false }
  const projected = lastYear + Math.ceil((total - done) / pace)
  return { done, pace_per_year: Math.round(pace * 10) / 10, years_observed: years, projected_year: projected, on_track: projected <= endYear }
}

export function projection(snapshot: Snapshot, program: Program, asOf: string | undefined, today: string): Projection {
  const reference = asOf ?? today
  const refYear = Number(reference.slice(0, 4))
  const total = programTotalTarget(program)
  const end = programEndYear(program)
  const known = snapshot.dataset.projects.filter((p) => p.program_id === program.id && projectStatus(snapshot, p, asOf).status !== null)
  const tallies = tallyYears(known, program)
  const begun = tallies.filter((t) => t.counted.length > 0 || t.year <= refYear)
  const lastBegun = begun.length ? Math.max(...begun.map((t) => t.year)) : program.start_year - 1
  const started = tallies.reduce((n, t) => n + t.counted.length, 0)

  const counted = tallies.flatMap((t) => t.counted)
  const operational = counted.filter((p) => projectStatus(snapshot, p, asOf).status === 'operational').length
  const lag = durations(snapshot, program, asOf).overall.median
  const lagYears = lag === null ? null : Math.floor(lag / 365)
  const startedLine = line(started, begun.length, lastBegun, total, end)
  const operationalYear = startedLine.projected_year === null || lagYears === null ? null : startedLine.projected_year + lagYears
  return {
    program_id: program.id,
    as_of: asOf ?? null,
    total_target: total,
    end_year: end,
    started: startedLine,
    operational: {
      done: operational,
      pace_per_year: startedLine.pace_per_year,
      years_observed: startedLine.years_observed,
      projected_year: operationalYear,
      on_track: operationalYear === null ? null : operationalYear <= end,
      median_days_to_open: lag,
    },
    method:
      'Started: pace = counted localities per policy year begun so far; the remaining localities ÷ pace, rounded up to whole years, are added after the last year begun. Operational: the last batch opens the median groundbreaking-to-opening time (day-precise pairs) after it starts.',
    assumptions: [
      'The yearly rhythm continues: one batch of projects started early in each policy year.',
      'No project is abandoned and no counted locality is dropped.',
      'Years are whole policy years; the projection says in which year the total would be reached, not the day.',
    ],
  }
}
