/**
 * @module Text search over every name form of a locality (hangul, McCune–Reischauer, plain,
 * Revised Romanization, aliases, former names) and its province, built once per snapshot.
 * Matching is on a folded form: no diacritics, apostrophes, hyphens, spaces or case.
 */
import { foldText } from '../model/names/normalize.ts'
import type { Snapshot } from '../model/snapshot.ts'

/** The name matcher's folding (no diacritics, apostrophes or case), without spaces and punctuation either. */
export function fold(text: string): string {
  return foldText(text).replace(/[\s\-_.,()]/g, '')
}

const indexes = new WeakMap<Snapshot, Map<string, string>>()

/** Folded haystack per locality id. */
export function localityHaystacks(snapshot: Snapshot): Map<string, string> {
  let index = indexes.get(snapshot)
  if (index) return index
  index = new Map()
  for (const l of snapshot.dataset.localities) {
    const p = snapshot.provinces.get(l.province)
    const forms = [l.hangul, l.mr, l.plain, l.rr, ...l.aliases, ...l.former_names, l.id, p?.plain ?? '', p?.hangul ?? '', p?.mr ?? '', p?.rr ?? '', ...(p?.aliases ?? [])]
    index.set(l.id, `|${forms.map(fold).join('|')}|`)
  }
  indexes.set(snapshot, index)
  return index
}

/** A test for "does this locality match the query", with the query folded once. */
export function localityMatcher(snapshot: Snapshot, q: string): (localityId: string) => boolean {
  const key = fold(q)
  if (key === '') return () => true
  const haystacks = localityHaystacks(snapshot)
  const memo = new Map<string, boolean>()
  return (id) => {
    let hit = memo.get(id)
    if (hit === undefined) memo.set(id, (hit = haystacks.get(id)?.includes(key) ?? false))
    return hit
  }
}
