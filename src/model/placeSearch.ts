/**
 * @module Place search for the list endpoints (`/api/projects?q=`, `/api/localities?q=`, so the
 * explorer and the map): the text goes through the same resolver as `tracker resolve` first, so
 * whatever the CLI accepts finds the same places — province hints ("Unsan County, South Pyongan",
 * "은산군 평안남도") narrow the answer, a typo finds its locality with a "did you mean", a
 * province-level name finds the localities of that unit. Only when the resolver finds nothing
 * does plain substring search over every name form take over, for partial input typed into a
 * search box ("Song").
 *
 * Built once per snapshot (the resolver and the folded names); resolutions are cached per
 * snapshot and query, a bounded number of them.
 */
import { foldText } from './names/normalize.ts'
import { createResolver, type MatchLevel, type NoMatchReason, type PlaceCandidate, type PlaceMatch, type Resolver } from './names/resolve.ts'
import { localityLabel } from './localityLabel.ts'
import type { Snapshot } from './snapshot.ts'

/** How the search text was read: by the resolver, or (when it found nothing) as a substring. */
export type SearchMethod = 'exact' | 'normalised' | 'fuzzy' | 'ambiguous' | 'substring'

export interface ResolvedPlace {
  level: MatchLevel
  id: string
  /** "Unsan County", "South Pyongan". */
  name: string
  hangul: string
  /** The province-level unit: the place itself, or the one a locality belongs to. */
  province: { id: string; name: string }
}

export interface Resolution {
  /** The text as given. */
  query: string
  method: SearchMethod
  /** The place the text resolved to (exact, normalised or fuzzy); null for ambiguous and substring. */
  place: ResolvedPlace | null
  /** For a fuzzy match: what the text was taken for, e.g. "Kimhwa County, Kangwon (김화군)". */
  did_you_mean: string | null
  /** For ambiguous: the places the text may mean, each searched. */
  candidates: ResolvedPlace[]
  /** For substring: why the resolver chose nothing (e.g. the name and its province disagree). */
  reason: NoMatchReason | null
  /** Localities the search covers (before the other filters). */
  localities: number
}

export interface PlaceSearch {
  resolution: Resolution
  /** Whether a locality is among those the text finds. */
  matches(localityId: string): boolean
}

/** The name matcher's folding (no diacritics, apostrophes or case), without spaces and punctuation either. */
export function fold(text: string): string {
  return foldText(text).replace(/[\s\-_.,()]/g, '')
}

interface Index {
  resolver: Resolver
  /** Folded haystack per locality id: every name form of the locality and of its province. */
  haystacks: Map<string, string>
  byProvince: Map<string, string[]>
  cache: Map<string, { resolution: Resolution; ids: Set<string> | null; key: string }>
}

/** Distinct queries remembered per snapshot; beyond it the oldest are dropped. */
const MAX_CACHED = 2000
const indexes = new WeakMap<Snapshot, Index>()

function indexOf(snapshot: Snapshot): Index {
  let index = indexes.get(snapshot)
  if (index) return index
  const haystacks = new Map<string, string>()
  const byProvince = new Map<string, string[]>()
  for (const l of snapshot.dataset.localities) {
    const p = snapshot.provinces.get(l.province)
    const forms = [l.hangul, l.mr, l.plain, l.rr, ...l.aliases, ...l.former_names, l.id, p?.plain ?? '', p?.hangul ?? '', p?.mr ?? '', p?.rr ?? '', ...(p?.aliases ?? [])]
    haystacks.set(l.id, `|${forms.map(fold).join('|')}|`)
    const list = byProvince.get(l.province) ?? []
    list.push(l.id)
    byProvince.set(l.province, list)
  }
  index = { resolver: resolverFor(snapshot), haystacks, byProvince, cache: new Map() }
  indexes.set(snapshot, index)
  return index
}

const resolvers = new WeakMap<Snapshot, Resolver>()
/** The last gazetteer a resolver was built for: most writes touch projects, not names. */
let last: { fingerprint: string; resolver: Resolver } | null = null

/** The ids and record versions of the gazetteer, or null when the snapshot has no record versions. */
function gazetteerFingerprint(snapshot: Snapshot): string | null {
  const parts: string[] = []
  for (const [type, list] of [['province', snapshot.dataset.provinces], ['locality', snapshot.dataset.localities]] as const) {
    for (const r of list) {
      const m = snapshot.meta.get(`${type}:${r.id}`)
      if (!m) return null
      parts.push(`${r.id}@${m.version}`)
    }
  }
  return parts.join('|')
}

/** The resolver over a snapshot's gazetteer, built once per snapshot and reused while the gazetteer is unchanged. */
export function resolverFor(snapshot: Snapshot): Resolver {
  let r = resolvers.get(snapshot)
  if (r) return r
  const fingerprint = gazetteerFingerprint(snapshot)
  if (fingerprint !== null && last?.fingerprint === fingerprint) r = last.resolver
  else {
    r = createResolver({ localities: snapshot.dataset.localities, provinces: snapshot.dataset.provinces })
    if (fingerprint !== null) last = { fingerprint, resolver: r }
  }
  resolvers.set(snapshot, r)
  return r
}

/** A place of either level, described for people. */
export function describePlace(snapshot: Snapshot, level: MatchLevel, id: string): ResolvedPlace {
  if (level === 'province') {
    const p = snapshot.provinces.get(id)
    return { level, id, name: p?.plain ?? id, hangul: p?.hangul ?? '', province: { id, name: p?.plain ?? id } }
  }
  const l = snapshot.localities.get(id)
  const p = l ? snapshot.provinces.get(l.province) : undefined
  return { level, id, name: l ? localityLabel(l) : id, hangul: l?.hangul ?? '', province: { id: l?.province ?? '', name: p?.plain ?? l?.province ?? '' } }
}

/** The locality ids a resolved place stands for: itself, or every locality of a province-level unit. */
function localitiesOf(index: Index, c: Pick<PlaceCandidate, 'level' | 'id'>): string[] {
  return c.level === 'province' ? (index.byProvince.get(c.id) ?? []) : [c.id]
}

function searchFromMatch(snapshot: Snapshot, index: Index, q: string, m: PlaceMatch): { resolution: Resolution; ids: Set<string> } | null {
  if (m.status === 'match') {
    const ids = new Set(localitiesOf(index, m))
    const place = describePlace(snapshot, m.level, m.id)
    const didYouMean = m.method === 'fuzzy' ? `${place.name}${place.level === 'locality' ? `, ${place.province.name}` : ''}${place.hangul ? ` (${place.hangul})` : ''}` : null
    return { ids, resolution: { query: q, method: m.method, place, did_you_mean: didYouMean, candidates: [], reason: null, localities: ids.size } }
  }
  if (m.status === 'ambiguous') {
    const ids = new Set(m.candidates.flatMap((c) => localitiesOf(index, c)))
    const candidates = m.candidates.map((c) => describePlace(snapshot, c.level, c.id))
    return { ids, resolution: { query: q, method: 'ambiguous', place: null, did_you_mean: null, candidates, reason: null, localities: ids.size } }
  }
  return null
}

/** What a search text finds: see the module comment. `q` is bounded by the caller (200 characters). */
export function placeSearch(snapshot: Snapshot, q: string): PlaceSearch {
  const index = indexOf(snapshot)
  let entry = index.cache.get(q)
  if (!entry) {
    const match = q.trim() === '' ? null : index.resolver.resolve(q)
    const resolved = match ? searchFromMatch(snapshot, index, q, match) : null
    const key = fold(q)
    if (resolved) entry = { ...resolved, key }
    else {
      let n = 0
      for (const h of index.haystacks.values()) if (key === '' || h.includes(key)) n++
      const reason = match?.status === 'none' ? match.reason : null
      entry = { resolution: { query: q, method: 'substring', place: null, did_you_mean: null, candidates: [], reason, localities: n }, ids: null, key }
    }
    if (index.cache.size >= MAX_CACHED) index.cache.delete(index.cache.keys().next().value!)
    index.cache.set(q, entry)
  }
  const { ids, key, resolution } = entry
  if (ids) return { resolution, matches: (id) => ids.has(id) }
  if (key === '') return { resolution, matches: () => true }
  return { resolution, matches: (id) => index.haystacks.get(id)?.includes(key) ?? false }
}
