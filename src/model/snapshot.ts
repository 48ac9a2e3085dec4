/**
 * @module A snapshot: one data version of the whole dataset held in memory, with the indexes
 * that reads need (events per project, claims per subject, projects per locality). Hot read
 * paths are served from it; the database stays the durable record.
 */
import type { Claim } from './claim.ts'
import type { Dataset } from './dataset.ts'
import type { Event } from './event.ts'
import type { Locality } from './locality.ts'
import { comparePartialDates } from './partialDate.ts'
import type { Program } from './program.ts'
import type { Project } from './project.ts'
import type { Province } from './province.ts'
import type { Source } from './source.ts'

export interface RecordMeta {
  version: number
  created_at: string
  updated_at: string
}

export interface Snapshot {
  readonly version: number
  readonly dataset: Dataset
  readonly programs: ReadonlyMap<string, Program>
  readonly provinces: ReadonlyMap<string, Province>
  readonly localities: ReadonlyMap<string, Locality>
  readonly sources: ReadonlyMap<string, Source>
  readonly projects: ReadonlyMap<string, Project>
  readonly events: ReadonlyMap<string, Event>
  readonly claims: ReadonlyMap<string, Claim>
  /** Events of each project, in date order. */
  readonly eventsByProject: ReadonlyMap<string, Event[]>
  /** Program-level events, in date order. */
  readonly programEvents: readonly Event[]
  /** Claims per "<subject type>:<id>". */
  readonly claimsBySubject: ReadonlyMap<string, Claim[]>
  readonly claimsBySource: ReadonlyMap<string, Claim[]>
  readonly projectsByLocality: ReadonlyMap<string, Project[]>
  /** Version and timestamps per "<entity type>:<id>". */
  readonly meta: ReadonlyMap<string, RecordMeta>
  /** Unique in the process: names this snapshot in the lineage of the ones patched from it. */
  readonly serial: number
  /** How this snapshot was patched from earlier ones (null when built from a whole dataset). */
  readonly lineage: Lineage | null
}

/**
 * One patch step: the snapshot `from` (by serial) became this one, and these projects may show
 * differently (their record, locality, province, events, claims or the sources cited changed);
 * 'all' when too much changed to say. Per-snapshot caches of derived views (the list index)
 * patch themselves from an earlier snapshot's with it. Steps chain back a bounded distance.
 */
export interface Lineage {
  readonly from: number
  readonly projects: ReadonlySet<string> | 'all'
  readonly prior: Lineage | null
  readonly depth: number
}

let serials = 0
export function nextSerial(): number {
  return ++serials
}

/**
 * The nearest earlier snapshot in `snapshot`'s lineage that `wanted` accepts (by serial), with the
 * projects that may show differently since; null when the lineage reaches none of them.
 */
export function changedSince(snapshot: Snapshot, wanted: (serial: number) => boolean): { serial: number; projects: Set<string> } | null {
  const projects = new Set<string>()
  for (let step = snapshot.lineage; step; step = step.prior) {
    if (step.projects === 'all') return null
    for (const id of step.projects) projects.add(id)
    if (wanted(step.from)) return { serial: step.from, projects }
  }
  return null
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]))
}

function group<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

/** Event order within a project and among program events: by date, then id. */
export const byDate = (a: Event, b: Event): number => comparePartialDates(a.date, b.date) || a.id.localeCompare(b.id)

export function buildSnapshot(dataset: Dataset, version: number, meta: ReadonlyMap<string, RecordMeta> = new Map()): Snapshot {
  const eventsByProject = group(dataset.events, (e) => e.project_id)
  for (const list of eventsByProject.values()) list.sort(byDate)
  return {
    version,
    dataset,
    programs: byId(dataset.programs),
    provinces: byId(dataset.provinces),
    localities: byId(dataset.localities),
    sources: byId(dataset.sources),
    projects: byId(dataset.projects),
    events: byId(dataset.events),
    claims: byId(dataset.claims),
    eventsByProject,
    programEvents: dataset.events.filter((e) => e.project_id === null).sort(byDate),
    claimsBySubject: group(dataset.claims, (c) => `${c.subject_type}:${c.subject_id}`),
    claimsBySource: group(dataset.claims, (c) => c.source_id),
    projectsByLocality: group(dataset.projects, (p) => p.locality_id),
    meta,
    serial: nextSerial(),
    lineage: null,
  }
}

export function claimsOf(snapshot: Snapshot, subjectType: string, id: string): Claim[] {
  return snapshot.claimsBySubject.get(`${subjectType}:${id}`) ?? []
}
