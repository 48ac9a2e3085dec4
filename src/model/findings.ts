/**
 * @module The findings of `tracker validate` kept by scope — one record's references, one
 * project's rules, one event's, one claim's spelling, one group of competing claims, one
 * locality's count in a year, one programme's year totals, one URL shared by sources — so that a
 * write re-checks only the scopes the records it touched can change (the projects, events and
 * claims referencing or referenced by them) instead of the whole dataset. A write touching a
 * programme, province or locality (the name resolver and every reference may change) is checked
 * in full. The property tests check that the scopes after any write equal a full computation.
 */
import type { Claim } from './claim.ts'
import type { EntityName } from './dataset.ts'
import { missingMessage, recordReferences, type Exists } from './integrity.ts'
import { LayeredMap } from './layeredMap.ts'
import type { Resolver } from './names/resolve.ts'
import type { Project } from './project.ts'
import type { Snapshot } from './snapshot.ts'
import {
  collector,
  conflictFindings,
  countedTwiceFinding,
  duplicateSourceFindings,
  eventFindings,
  projectFindings,
  sourceUrlKey,
  spellingFindings,
  yearTotalFindings,
  type Finding,
} from './validate.ts'

/** The findings of one data version, by scope; scopes without findings are absent. */
export interface FindingsState {
  readonly today: string
  readonly scopes: ReadonlyMap<string, readonly Finding[]>
}

/** The record ids a write touched, per entity. */
export type Touched = ReadonlyMap<EntityName, ReadonlySet<string>>

type Compute = () => Finding[]

function existsIn(s: Snapshot): { exists: Exists; claimExists: Exists } {
  const maps: Record<string, ReadonlyMap<string, unknown>> = {
    program: s.programs,
    province: s.provinces,
    locality: s.localities,
    source: s.sources,
    project: s.projects,
    event: s.events,
  }
  const exists: Exists = (type, id) => maps[type]?.has(id) ?? false
  return { exists, claimExists: (type, id) => type !== 'province' && exists(type, id) }
}

/**
 * The scopes of a snapshot and how to compute each: what both the full and the incremental check
 * run. Each returns the scope's findings (one shared empty list when there are none: the full
 * check calls these for every record, so they allocate nothing for a record without findings).
 */
function scopes(s: Snapshot, resolver: Resolver, today: string) {
  const { exists, claimExists } = existsIn(s)
  const scratch: Finding[] = []
  const add = (level: Finding['level'], code: string, subject: string, message: string) => {
    scratch.push({ level, code, subject, message })
  }
  const missing = (path: string, what: string, id: string) => add('error', 'broken_reference', path, missingMessage(what, id))
  const taken = (): Finding[] => {
    if (scratch.length === 0) return none
    const out = scratch.slice()
    scratch.length = 0
    return out
  }
  return {
    locality: (id: string): Finding[] => {
      const l = s.localities.get(id)
      if (l) {
        recordReferences.localityProvince(l, exists, missing)
        recordReferences.localitySources(l, exists, missing)
      }
      return taken()
    },
    programRefs: (id: string): Finding[] => {
      const p = s.programs.get(id)
      if (p) recordReferences.program(p, exists, missing)
      return taken()
    },
    projectRefs: (id: string): Finding[] => {
      const p = s.projects.get(id)
      if (p) recordReferences.project(p, exists, missing)
      return taken()
    },
    eventRefs: (id: string): Finding[] => {
      const e = s.events.get(id)
      if (e) recordReferences.event(e, exists, missing)
      return taken()
    },
    claimRefs: (id: string): Finding[] => {
      const c = s.claims.get(id)
      if (c) recordReferences.claim(c, claimExists, missing)
      return taken()
    },
    /** counted_twice of one programme, year and locality. */
    twice: (program: string, year: number, locality: string): Finding[] => {
      const ids = (s.projectsByLocality.get(locality) ?? []).filter((p) => p.counted && p.year === year && p.program_id === program).map((p) => p.id)
      if (ids.length > 1) countedTwiceFinding(ids, add)
      return taken()
    },
    years: (program: string): Finding[] => {
      const p = s.programs.get(program)
      if (p) yearTotalFindings(p, s.dataset.projects.filter((x) => x.program_id === program), today, add)
      return taken()
    },
    project: (id: string): Finding[] => {
      const p = s.projects.get(id)
      if (p) projectFindings(s, p, add)
      return taken()
    },
    event: (id: string): Finding[] => {
      const e = s.events.get(id)
      if (e) eventFindings(s, e, add)
      return taken()
    },
    /** conflict_unsettled of one subject ("<type>:<id>") and field. */
    conflict: (subject: string, field: string): Finding[] => {
      conflictFindings(`${subject}|${field}`, (s.claimsBySubject.get(subject) ?? []).filter((c) => c.field === field), add)
      return taken()
    },
    spelling: (id: string): Finding[] => {
      const c = s.claims.get(id)
      if (c) spellingFindings(resolver, c, add)
      return taken()
    },
    duplicates: (url: string): Finding[] => {
      duplicateSourceFindings(url, s.dataset.sources.filter((x) => x.url && sourceUrlKey(x.url) === url).map((x) => x.id), add)
      return taken()
    },
  }
}

const none: Finding[] = []

const key = {
  locality: (id: string) => `ref:locality:${id}`,
  programRefs: (id: string) => `ref:program:${id}`,
  projectRefs: (id: string) => `ref:project:${id}`,
  eventRefs: (id: string) => `ref:event:${id}`,
  claimRefs: (id: string) => `ref:claim:${id}`,
  twice: (program: string, year: number, locality: string) => `twice:${JSON.stringify([program, year, locality])}`,
  years: (program: string) => `years:${program}`,
  project: (id: string) => `project:${id}`,
  event: (id: string) => `event:${id}`,
  conflict: (subject: string, field: string) => `conflict:${JSON.stringify([subject, field])}`,
  spelling: (id: string) => `spelling:${id}`,
  duplicates: (url: string) => `duplicates:${url}`,
}

const subjectOf = (c: Pick<Claim, 'subject_type' | 'subject_id'>) => `${c.subject_type}:${c.subject_id}`

/** Every scope of the snapshot with its findings: the full check (as costly as `validate`). */
export function allFindings(s: Snapshot, resolver: Resolver, today: string): FindingsState {
  const f = scopes(s, resolver, today)
  const out = new Map<string, readonly Finding[]>()
  const same = (k: string) => k
  const put = (keyOf: (id: string) => string, id: string, found: Finding[]) => {
    if (found.length) out.set(keyOf(id), found)
  }
  const ds = s.dataset
  for (const l of ds.localities) put(key.locality, l.id, f.locality(l.id))
  for (const p of ds.programs) put(key.programRefs, p.id, f.programRefs(p.id))
  for (const p of ds.projects) put(key.projectRefs, p.id, f.projectRefs(p.id))
  for (const e of ds.events) put(key.eventRefs, e.id, f.eventRefs(e.id))
  for (const c of ds.claims) put(key.claimRefs, c.id, f.claimRefs(c.id))
  const groups = new Map<string, Project[]>()
  for (const p of ds.projects) {
    if (!p.counted || p.year === null) continue
    const k = key.twice(p.program_id, p.year, p.locality_id)
    const list = groups.get(k)
    if (list) list.push(p)
    else groups.set(k, [p])
  }
  for (const [k, list] of groups) if (list.length > 1) put(same, k, f.twice(list[0]!.program_id, list[0]!.year!, list[0]!.locality_id))
  for (const p of ds.programs) put(key.years, p.id, f.years(p.id))
  for (const p of ds.projects) put(key.project, p.id, f.project(p.id))
  for (const e of ds.events) put(key.event, e.id, f.event(e.id))
  const conflicts = new Map<string, Claim[]>()
  for (const c of ds.claims) {
    const k = key.conflict(subjectOf(c), c.field)
    const list = conflicts.get(k)
    if (list) list.push(c)
    else conflicts.set(k, [c])
  }
  for (const [k, list] of conflicts) if (list.length > 1) put(same, k, f.conflict(subjectOf(list[0]!), list[0]!.field))
  for (const c of ds.claims) if (c.said) put(key.spelling, c.id, f.spelling(c.id))
  const byUrl = new Map<string, string[]>()
  for (const x of ds.sources) {
    if (!x.url) continue
    const u = sourceUrlKey(x.url)
    const list = byUrl.get(u)
    if (list) list.push(x.id)
    else byUrl.set(u, [x.id])
  }
  for (const [u, ids] of byUrl) if (ids.length > 1) put(key.duplicates, u, f.duplicates(u))
  return { today, scopes: out }
}

/** The scopes the touched records can change with their findings over `next`; null when only a full check can tell. */
export function affectedScopes(prev: Snapshot, next: Snapshot, touched: Touched, resolver: Resolver, today: string): Map<string, Finding[]> | null {
  if (touched.has('programs') || touched.has('provinces') || touched.has('localities')) return null
  const f = scopes(next, resolver, today)
  const todo = new Map<string, Finding[]>()
  const need = (k: string, compute: Compute) => {
    if (!todo.has(k)) todo.set(k, compute())
  }
  const both = [prev, next]
  const project = (id: string) => need(key.project(id), () => f.project(id))
  const event = (id: string) => need(key.event(id), () => f.event(id))
  const claimRefs = (id: string) => need(key.claimRefs(id), () => f.claimRefs(id))
  const claimsOf = (subject: string) => {
    for (const s of both) for (const c of s.claimsBySubject.get(subject) ?? []) claimRefs(c.id)
  }
  for (const id of touched.get('sources') ?? []) {
    for (const s of both) {
      for (const l of s.dataset.localities) if (l.sources.includes(id)) need(key.locality(l.id), () => f.locality(l.id))
      for (const p of s.dataset.programs) if (p.source_ids.includes(id)) need(key.programRefs(p.id), () => f.programRefs(p.id))
      for (const c of s.claimsBySource.get(id) ?? []) {
        claimRefs(c.id)
        if (c.subject_type === 'event') event(c.subject_id)
      }
      const url = s.sources.get(id)?.url
      if (url) need(key.duplicates(sourceUrlKey(url)), () => f.duplicates(sourceUrlKey(url)))
    }
    claimsOf(`source:${id}`)
  }
  for (const id of touched.get('projects') ?? []) {
    need(key.projectRefs(id), () => f.projectRefs(id))
    project(id)
    for (const s of both) {
      const p = s.projects.get(id)
      if (p) {
        const year = p.year
        if (p.counted && year !== null) need(key.twice(p.program_id, year, p.locality_id), () => f.twice(p.program_id, year, p.locality_id))
        need(key.years(p.program_id), () => f.years(p.program_id))
      }
      for (const e of s.eventsByProject.get(id) ?? []) need(key.eventRefs(e.id), () => f.eventRefs(e.id))
    }
    claimsOf(`project:${id}`)
  }
  const projectOfEvent = (id: string) => {
    for (const s of both) {
      const p = s.events.get(id)?.project_id
      if (p) project(p)
    }
  }
  for (const id of touched.get('events') ?? []) {
    need(key.eventRefs(id), () => f.eventRefs(id))
    event(id)
    projectOfEvent(id)
    claimsOf(`event:${id}`)
  }
  for (const id of touched.get('claims') ?? []) {
    claimRefs(id)
    need(key.spelling(id), () => f.spelling(id))
    for (const s of both) {
      const c = s.claims.get(id)
      if (!c) continue
      need(key.conflict(subjectOf(c), c.field), () => f.conflict(subjectOf(c), c.field))
      if (c.subject_type === 'project') project(c.subject_id)
      else if (c.subject_type === 'event') {
        event(c.subject_id)
        projectOfEvent(c.subject_id)
      }
    }
  }
  return todo
}

/**
 * The findings after a write: `state` (the findings of `prev`) with the affected scopes computed
 * again over `next`, and what those scopes held before and hold now. Null when the write needs a
 * full check (see affectedScopes) or `state` is of another day.
 */
export function updateFindings(
  state: FindingsState,
  prev: Snapshot,
  next: Snapshot,
  touched: Touched,
  resolver: Resolver,
  today: string,
): { state: FindingsState; before: Finding[]; after: Finding[] } | null {
  if (state.today !== today) return null
  const todo = affectedScopes(prev, next, touched, resolver, today)
  if (!todo) return null
  const before: Finding[] = []
  const after: Finding[] = []
  const updates = new Map<string, readonly Finding[] | undefined>()
  for (const [k, now] of todo) {
    const old = state.scopes.get(k)
    if (old) before.push(...old)
    after.push(...now)
    if (now.length || old) updates.set(k, now.length ? now : undefined)
  }
  return { state: { today, scopes: LayeredMap.patch(state.scopes, updates) }, before, after }
}

/** Every finding of a state (in no particular order). */
export function findingsOf(state: FindingsState): Finding[] {
  return [...state.scopes.values()].flat()
}

/** The ids in `changes`, per entity. */
export function touchedBy(changes: readonly { entity: EntityName; id: string }[]): Touched {
  const out = new Map<EntityName, Set<string>>()
  for (const c of changes) {
    const set = out.get(c.entity)
    if (set) set.add(c.id)
    else out.set(c.entity, new Set([c.id]))
  }
  return out
}

const ruleOrder = ['broken_reference', 'counted_twice', 'year_total', 'unsourced', 'unsourced_status', 'out_of_order', 'dated_after_source', 'conflict_unsettled', 'unresolved_spelling', 'misresolved_spelling', 'source_spelling', 'duplicate_source']

/** Findings in one order whatever computed them: by rule (in validate's order), then subject, then message. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => {
    const i = ruleOrder.indexOf(f.code)
    return i < 0 ? ruleOrder.length : i
  }
  return [...list].sort((a, b) => rank(a) - rank(b) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0))
}
