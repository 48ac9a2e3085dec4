/**
 * @module Patching a snapshot with the records one or more writes touched: the record lists,
 * the maps by id, the groups (events per project, claims per subject and per source, projects per
 * locality, program events) and the record metadata are updated for those records only, sharing
 * everything else with the snapshot before. The result equals buildSnapshot over the whole data
 * as it now stands, provided the record lists are in id order by code point (how loadDataset
 * reads them) — the property test checks that after every step of random write sequences.
 */
import type { Claim } from './claim.ts'
import { entityTypeOf, type Dataset, type EntityName } from './dataset.ts'
import type { Event } from './event.ts'
import { LayeredMap } from './layeredMap.ts'
import type { Project } from './project.ts'
import { byDate, nextSerial, type Lineage, type RecordMeta, type Snapshot } from './snapshot.ts'

/** One touched record as it now stands: null when it is deleted (or never came to be). */
export interface RecordChange {
  entity: EntityName
  id: string
  record: Record<string, unknown> | null
  meta: RecordMeta | null
}

/**
 * Lineage steps kept one by one; a longer chain is folded into one step from its oldest snapshot
 * (folded()), so that a cache made before a burst of writes (the list index, when hundreds of
 * edits came with no list read between) still patches instead of rebuilding (0.8 s at 100×).
 */
const maxDepth = 64
/** A folded step naming more projects than this says 'all' (a rebuild is then as cheap). */
const maxFolded = 100_000

/** Code point order of two strings (PostgreSQL's "C" collation over UTF-8), not UTF-16 unit order. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    // Surrogates (code points above U+FFFF) sort after U+E000–U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000
    }
    return x - y
  }
  return a.length - b.length
}

const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id)

/** The first index of `list` (in id order), from `lo` on, whose id does not sort before `id`. */
function lowerBound(list: readonly { id: string }[], id: string, lo: number): number {
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareIds(list[mid]!.id, id) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * `list` (in id order) with the changed records put in, replaced or taken out. Positions are found
 * by binary search and the runs between them copied whole, so only a native copy is proportional
 * to the list (347k claims at 100× the data), not the comparisons.
 */
function patchList<T extends { id: string }>(list: readonly T[], changes: ReadonlyMap<string, T | null>): T[] {
  const pieces: (readonly T[])[] = []
  let from = 0
  for (const id of [...changes.keys()].sort(compareIds)) {
    const at = lowerBound(list, id, from)
    if (at > from) pieces.push(list.slice(from, at))
    // The record as it stood is left out; the one it now is (if any) goes in its place.
    from = at < list.length && list[at]!.id === id ? at + 1 : at
    const now = changes.get(id)
    if (now) pieces.push([now])
  }
  pieces.push(list.slice(from))
  let out: T[] = []
  // In bounded spreads: a patch may have tens of thousands of pieces.
  for (let i = 0; i < pieces.length; i += 8192) out = out.concat(...pieces.slice(i, i + 8192))
  return out
}

/** Two lists sorted by `order` merged into one. */
function merge<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  if (b.length === 0) return [...a]
  const out: T[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(order(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!)
  while (i < a.length) out.push(a[i++]!)
  while (j < b.length) out.push(b[j++]!)
  return out
}

/**
 * A group map patched for the changed members: each affected key's list is the old one without
 * the changed members plus those that now belong to it, in `order`; an empty group is dropped.
 */
function patchGroups<T extends { id: string }>(
  groups: ReadonlyMap<string, T[]>,
  changed: ReadonlyMap<string, T | null>,
  before: (id: string) => T | undefined,
  key: (t: T) => string | null,
  order: (a: T, b: T) => number,
): ReadonlyMap<string, T[]> {
  const keys = new Set<string>()
  const incoming = new Map<string, T[]>()
  for (const [id, now] of changed) {
    const old = before(id)
    const k0 = old ? key(old) : null
    const k1 = now ? key(now) : null
    if (k0 !== null) keys.add(k0)
    if (k1 !== null) {
      keys.add(k1)
      const list = incoming.get(k1)
      if (list) list.push(now!)
      else incoming.set(k1, [now!])
    }
  }
  const updates = new Map<string, T[] | undefined>()
  for (const k of keys) {
    const kept = (groups.get(k) ?? []).filter((t) => !changed.has(t.id))
    // The old list is in `order` already (an equal pair keeps the old member first, as a stable sort of both would).
    const list = merge(kept, (incoming.get(k) ?? []).sort(order), order)
    updates.set(k, list.length ? list : undefined)
  }
  return LayeredMap.patch(groups, updates)
}

export function patchSnapshot(prev: Snapshot, changes: readonly RecordChange[], version: number): Snapshot {
  const touched = new Map<EntityName, Map<string, Record<string, unknown> | null>>()
  const metaChanges = new Map<string, RecordMeta | undefined>()
  for (const c of changes) {
    let m = touched.get(c.entity)
    if (!m) touched.set(c.entity, (m = new Map()))
    m.set(c.id, c.record)
    metaChanges.set(`${entityTypeOf[c.entity]}:${c.id}`, c.record && c.meta ? c.meta : undefined)
  }
  const dataset: Dataset = { ...prev.dataset }
  const maps: Record<EntityName, ReadonlyMap<string, unknown>> = {
    programs: prev.programs,
    provinces: prev.provinces,
    localities: prev.localities,
    sources: prev.sources,
    projects: prev.projects,
    events: prev.events,
    claims: prev.claims,
  }
  for (const [entity, m] of touched) {
    const list = prev.dataset[entity] as unknown as { id: string }[]
    ;(dataset as unknown as Record<EntityName, unknown[]>)[entity] = patchList(list, m as Map<string, { id: string } | null>)
    maps[entity] = LayeredMap.patch(maps[entity], new Map([...m].map(([id, r]) => [id, r ?? undefined])))
  }
  const none = new Map<string, never>()
  const events = (touched.get('events') ?? none) as Map<string, Event | null>
  const claims = (touched.get('claims') ?? none) as Map<string, Claim | null>
  const projects = (touched.get('projects') ?? none) as Map<string, Project | null>
  const eventMap = maps.events as ReadonlyMap<string, Event>
  const claimMap = maps.claims as ReadonlyMap<string, Claim>

  let programEvents = prev.programEvents
  if ([...events].some(([id, e]) => e?.project_id === null || prev.events.get(id)?.project_id === null)) {
    programEvents = [...prev.programEvents.filter((e) => !events.has(e.id)), ...[...events.values()].filter((e): e is Event => e !== null && e.project_id === null)].sort(byDate)
  }

  const next: Snapshot = {
    version,
    dataset,
    programs: maps.programs as Snapshot['programs'],
    provinces: maps.provinces as Snapshot['provinces'],
    localities: maps.localities as Snapshot['localities'],
    sources: maps.sources as Snapshot['sources'],
    projects: maps.projects as Snapshot['projects'],
    events: eventMap,
    claims: claimMap,
    eventsByProject: events.size ? patchGroups(prev.eventsByProject, events, (id) => prev.events.get(id), (e) => e.project_id, byDate) : prev.eventsByProject,
    programEvents,
    claimsBySubject: claims.size ? patchGroups(prev.claimsBySubject, claims, (id) => prev.claims.get(id), (c) => `${c.subject_type}:${c.subject_id}`, byId) : prev.claimsBySubject,
    claimsBySource: claims.size ? patchGroups(prev.claimsBySource, claims, (id) => prev.claims.get(id), (c) => c.source_id, byId) : prev.claimsBySource,
    projectsByLocality: projects.size ? patchGroups(prev.projectsByLocality, projects, (id) => prev.projects.get(id), (p) => p.locality_id, byId) : prev.projectsByLocality,
    meta: LayeredMap.patch(prev.meta, metaChanges),
    serial: nextSerial(),
    lineage: null,
  }
  const prior = prev.lineage && prev.lineage.depth >= maxDepth ? folded(prev.lineage) : prev.lineage
  const lineage: Lineage = {
    from: prev.serial,
    projects: touched.has('programs') || touched.has('provinces') ? 'all' : concernedProjects(prev, next, touched),
    prior,
    depth: (prior?.depth ?? 0) + 1,
  }
  return { ...next, lineage }
}

/**
 * A lineage chain as one step from the oldest snapshot it reaches, naming every project its steps
 * name: a cache of that oldest snapshot still patches; those of the snapshots in between rebuild.
 * A step saying 'all' ends the chain (nothing older can be patched past it).
 */
function folded(chain: Lineage): Lineage {
  const projects = new Set<string>()
  let from = chain.from
  for (let step: Lineage | null = chain; step && step.projects !== 'all'; step = step.prior) {
    for (const id of step.projects) projects.add(id)
    from = step.from
  }
  if (chain.projects === 'all' || projects.size > maxFolded) return { from: chain.from, projects: 'all', prior: null, depth: 1 }
  return { from, projects, prior: null, depth: 1 }
}

/** The projects whose views may differ between the two snapshots, given the records touched. */
function concernedProjects(prev: Snapshot, next: Snapshot, touched: ReadonlyMap<EntityName, ReadonlyMap<string, unknown>>): Set<string> {
  const out = new Set<string>()
  const ofEvent = (id: string) => {
    for (const s of [prev, next]) {
      const p = s.events.get(id)?.project_id
      if (p) out.add(p)
    }
  }
  const ofClaim = (c: Claim | undefined) => {
    if (!c) return
    if (c.subject_type === 'project') out.add(c.subject_id)
    else if (c.subject_type === 'event') ofEvent(c.subject_id)
  }
  for (const id of touched.get('projects')?.keys() ?? []) out.add(id)
  for (const id of touched.get('events')?.keys() ?? []) ofEvent(id)
  for (const id of touched.get('claims')?.keys() ?? []) for (const s of [prev, next]) ofClaim(s.claims.get(id))
  for (const id of touched.get('localities')?.keys() ?? []) for (const s of [prev, next]) for (const p of s.projectsByLocality.get(id) ?? []) out.add(p.id)
  for (const id of touched.get('sources')?.keys() ?? []) for (const s of [prev, next]) for (const c of s.claimsBySource.get(id) ?? []) ofClaim(c)
  return out
}
