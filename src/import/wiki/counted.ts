/**
 * @module Whether a project of the wiki list counts toward its year's target, by rules that
 * reproduce how the list (and state media) count the 20 localities a year:
 * 1. not counted when every kind is an offshore farm, housing or a paper mill — these are built
 *    beside the year's 20 (Sinpo 2024, Ragwon 2025, Unsan 2025, Riwon 2026);
 * 2. not counted when the notes say the project is excluded ("Excluded from the 20 factories…");
 * 3. not counted when the notes call it an add-on and it has no regional-industry factory
 *    (Kusong's 2025 hospital, an add-on to its 2024 factories) — an add-on that brings
 *    factories (Sinpo 2025) is a locality of its own year;
 * otherwise counted. Only these rules read the notes; their prose is never copied.
 */
import type { FacilityKind } from '../../model/vocab.ts'

const outsideKinds: ReadonlySet<FacilityKind> = new Set(['offshore_farm', 'housing', 'paper_mill'])
const factoryKinds: ReadonlySet<FacilityKind> = new Set(['foodstuff_factory', 'garment_factory', 'daily_necessities_factory'])

export const countedReasons = {
  offshoreFarm: "Offshore farm, outside the year's target",
  paperMill: "Paper mill, outside the year's target",
  housing: "Housing, outside the year's target",
  excluded: "Excluded from the year's target",
  addOn: "Add-on to an earlier year's project in the same locality",
} as const

export interface Counted {
  counted: boolean
  counted_reason: string | null
}

/** The reason named after the facility that puts a project outside the target. */
function outsideReason(kinds: readonly FacilityKind[]): string | null {
  if (kinds.includes('offshore_farm')) return countedReasons.offshoreFarm
  if (kinds.includes('paper_mill')) return countedReasons.paperMill
  if (kinds.includes('housing')) return countedReasons.housing
  return null
}

export function countedByRules(kinds: readonly FacilityKind[], notes: string): Counted {
  if (kinds.length > 0 && kinds.every((k) => outsideKinds.has(k))) return { counted: false, counted_reason: outsideReason(kinds) }
  if (/\bexcluded from\b/i.test(notes)) return { counted: false, counted_reason: outsideReason(kinds) ?? countedReasons.excluded }
  if (/\badd-on\b/i.test(notes) && !kinds.some((k) => factoryKinds.has(k))) return { counted: false, counted_reason: countedReasons.addOn }
  return { counted: true, counted_reason: null }
}
