/**
 * @module Coverage: per province, the localities reached by a counted project of the program
 * against all localities in the gazetteer; the localities never reached; and how evenly the
 * reached localities are spread over the provinces.
 *
 * Balance measure: the index of dissimilarity D = ½ Σ |rᵢ/R − nᵢ/N| between the provinces'
 * shares of the reached localities (rᵢ/R) and their shares of all localities (nᵢ/N). It reads
 * directly as "the share of reached localities that would have to be in another province for
 * the rollout to be proportional to each province's size": 0 is perfectly proportional, 1 is
 * everything in provinces with no localities. It fits because the policy promises every
 * county in the end, so "proportional so far" is the fair yardstick, and it is insensitive to
 * how many localities have been reached overall.
 */
import { tallyYears } from '../model/counting.ts'
import type { Locality } from '../model/locality.ts'
import type { Program } from '../model/program.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { projectStatus } from './projectStatus.ts'

export interface ProvinceCoverage {
  province_id: string
  name: string
  localities: number
  reached: number
  share: number
  waiting: string[]
}

export interface Coverage {
  program_id: string
  as_of: string | null
  localities: number
  reached: number
  provinces: ProvinceCoverage[]
  never_reached: { id: string; province_id: string; name: string }[]
  balance: { measure: 'dissimilarity_index'; value: number; explanation: string }
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export function reachedLocalities(snapshot: Snapshot, program: Program, asOf?: string): Set<string> {
  const known = snapshot.dataset.projects.filter((p) => p.program_id === program.id && projectStatus(snapshot, p, asOf).status !== null)
  return new Set(tallyYears(known, program).flatMap((t) => t.counted.map((p) => p.locality_id)))
}

export function coverage(snapshot: Snapshot, program: Program, asOf?: string): Coverage {
  const reached = reachedLocalities(snapshot, program, asOf)
  const byProvince = new Map<string, Locality[]>()
  for (const l of snapshot.dataset.localities) byProvince.set(l.province, [...(byProvince.get(l.province) ?? []), l])
  const totalLocalities = snapshot.dataset.localities.length
  const totalReached = [...reached].filter((id) => snapshot.localities.has(id)).length
  const provinces: ProvinceCoverage[] = snapshot.dataset.provinces.map((p) => {
    const list = byProvince.get(p.id) ?? []
    const r = list.filter((l) => reached.has(l.id)).length
    return {
      province_id: p.id,
      name: p.plain,
      localities: list.length,
      reached: r,
      share: list.length ? round(r / list.length) : 0,
      waiting: list.filter((l) => !reached.has(l.id)).map((l) => l.id),
    }
  })
  const d =
    totalReached === 0 || totalLocalities === 0
      ? 0
      : 0.5 * provinces.reduce((sum, p) => sum + Math.abs(p.reached / totalReached - p.localities / totalLocalities), 0)
  return {
    program_id: program.id,
    as_of: asOf ?? null,
    localities: totalLocalities,
    reached: totalReached,
    provinces,
    never_reached: snapshot.dataset.localities.filter((l) => !reached.has(l.id)).map((l) => ({ id: l.id, province_id: l.province, name: l.plain })),
    balance: {
      measure: 'dissimilarity_index',
      value: round(d),
      explanation:
        "Share of reached localities that would have to be in another province for the rollout to be proportional to each province's number of localities (0 = proportional).",
    },
  }
}
