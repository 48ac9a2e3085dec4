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

/** Lineage steps kept: a cache older than this many patches rebuilds instead. */
const maxDepth = 64

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

/** `list` (in id order) with the changed records put in, replaced or taken out. */
function patchList<T extends { id: string }>(list: readonly T[], changes: ReadonlyMap<string, T | null>): T[] {
  const added = [...changes.values()].filter((r): r is T => r !== null).sort(byId)
  const out: T[] = []
  let j = 0
  for (const item of list) {
    if (changes.has(item.id)) continue
    while (j < added.length && compareIds(added[j]!.id, item.id) < 0) out.push(added[j++]!)
    out.push(item)
  }
  while (j < added.length) out.push(added[j++]!)
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
  for (const [id, now] of changed) {
    const old = before(id)
    const k0 = old ? key(old) : null
    const k1 = now ? key(now) : null
    if (k0 !== null) keys.add(k0)
    if (k1 !== null) keys.add(k1)
  }
  const updates = new Map<string, T[] | undefined>()
  for (const k of keys) {
    const list = (groups.get(k) ?? []).filter((t) => !changed.has(t.id))
    for (const now of changed.values()) if (now && key(now) === k) list.push(now)
    list.sort(order)
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
  const lineage: Lineage = {
    from: prev.serial,
    projects: touched.has('programs') || touched.has('provinces') ? 'all' : concernedProjects(prev, next, touched),
    prior: prev.lineage && prev.lineage.depth < maxDepth ? prev.lineage : null,
    depth: (prev.lineage && prev.lineage.depth < maxDepth ? prev.lineage.depth : 0) + 1,
  }
  return { ...next, lineage }
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
