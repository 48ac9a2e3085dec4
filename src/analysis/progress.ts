/**
 * @module Progress of a program: per policy year, the counted localities against the target, by
 * status; cumulative against the whole program; localities reached. As of a date, a project
 * counts once anything about it had happened or been reported by then.
 */
import { tallyYears } from '../model/counting.ts'
import { programTotalTarget, type Program } from '../model/program.ts'
import type { Snapshot } from '../model/snapshot.ts'
import type { Status } from '../model/vocab.ts'
import { projectStatus } from './projectStatus.ts'

export type StatusCounts = Record<Status, number>

export interface YearProgress {
  year: number
  target: number
  counted: number
  by_status: StatusCounts
  /** Projects of the year that do not count toward its target, with the reason. */
  extra: { project_id: string; locality_id: string; reason: string | null; status: Status | null }[]
}

export interface Progress {
  program_id: string
  as_of: string | null
  target_per_year: number
  total_target: number
  years: YearProgress[]
  cumulative: {
    counted: number
    total_target: number
    /** Target of the policy years begun by the as-of date (or today). */
    target_to_date: number
    share_of_total: number
    by_status: StatusCounts
  }
  /** Distinct localities with at least one counted project. */
  localities_reached: number
  provinces_reached: number
}

export function emptyStatusCounts(): StatusCounts {
  return { planned: 0, under_construction: 0, operational: 0, suspended: 0 }
}

export function progress(snapshot: Snapshot, program: Program, asOf: string | undefined, today: string): Progress {
  const projects = snapshot.dataset.projects.filter((p) => p.program_id === program.id)
  const statusOf = new Map(projects.map((p) => [p.id, projectStatus(snapshot, p, asOf).status]))
  const known = projects.filter((p) => statusOf.get(p.id) !== null)
  const years: YearProgress[] = tallyYears(known, program).map((t) => {
    const by_status = emptyStatusCounts()
    for (const p of t.counted) by_status[statusOf.get(p.id)!]++
    return {
      year: t.year,
      target: t.target,
      counted: t.counted.length,
      by_status,
      extra: t.extra.map((p) => ({ project_id: p.id, locality_id: p.locality_id, reason: p.counted_reason, status: statusOf.get(p.id) ?? null })),
    }
  })
  const cumulativeStatus = emptyStatusCounts()
  for (const y of years) for (const s of Object.keys(cumulativeStatus) as Status[]) cumulativeStatus[s] += y.by_status[s]
  const counted = years.reduce((n, y) => n + y.counted, 0)
  const reference = asOf ?? today
  const yearNow = Number(reference.slice(0, 4))
  const begun = Math.max(0, Math.min(program.years, yearNow - program.start_year + 1))
  const countedLocalities = new Set(
    tallyYears(known, program)
      .flatMap((t) => t.counted)
      .map((p) => p.locality_id),
  )
  const provinces = new Set([...countedLocalities].map((id) => snapshot.localities.get(id)?.province ?? id.split('.')[0]!))
  return {
    program_id: program.id,
    as_of: asOf ?? null,
    target_per_year: program.target_per_year,
    total_target: programTotalTarget(program),
    years,
    cumulative: {
      counted,
      total_target: programTotalTarget(program),
      target_to_date: Math.min(programTotalTarget(program), begun * program.target_per_year),
      share_of_total: Math.round((counted / programTotalTarget(program)) * 1000) / 1000,
      by_status: cumulativeStatus,
    },
    localities_reached: countedLocalities.size,
    provinces_reached: provinces.size,
  }
}
