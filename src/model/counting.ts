/**
 * @module Counting toward a program's target: which projects count in which policy year, per the
 * program's own numbers. A project counts when it is flagged counted, is not a pilot and falls
 * inside the program's years; a locality counts at most once a year.
 */
import type { Program } from './program.ts'
import type { Project } from './project.ts'
import { programYears } from './program.ts'

export function countsTowardTarget(project: Pick<Project, 'counted' | 'pilot' | 'year'>, program: Pick<Program, 'start_year' | 'years'>): boolean {
  return (
    project.counted &&
    !project.pilot &&
    project.year !== null &&
    project.year >= program.start_year &&
    project.year < program.start_year + program.years
  )
}

export interface YearTally<P> {
  year: number
  target: number
  counted: P[]
  extra: P[]
}

/** Per policy year: the counted projects (one per locality) and the extra, uncounted ones. */
export function tallyYears<P extends Pick<Project, 'counted' | 'pilot' | 'year' | 'locality_id'>>(
  projects: readonly P[],
  program: Pick<Program, 'start_year' | 'years' | 'target_per_year'>,
): YearTally<P>[] {
  return programYears(program).map((year) => {
    const ofYear = projects.filter((p) => p.year === year && !p.pilot)
    const seen = new Set<string>()
    const counted: P[] = []
    const extra: P[] = []
    for (const p of ofYear) {
      if (countsTowardTarget(p, program) && !seen.has(p.locality_id)) {
        seen.add(p.locality_id)
        counted.push(p)
      } else extra.push(p)
    }
    return { year, target: program.target_per_year, counted, extra }
  })
}

/** Localities flagged counted more than once in the same year of the same program. */
export function countedTwice(projects: ReadonlyArray<Pick<Project, 'id' | 'program_id' | 'counted' | 'year' | 'locality_id'>>): string[][] {
  const groups = new Map<string, string[]>()
  for (const p of projects) {
    if (!p.counted || p.year === null) continue
    const key = `${p.program_id}|${p.year}|${p.locality_id}`
    groups.set(key, [...(groups.get(key) ?? []), p.id])
  }
  return [...groups.values()].filter((ids) => ids.length > 1)
}
