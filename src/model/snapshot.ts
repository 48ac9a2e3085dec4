/**
 * @module A snapshot: one data version of the whole dataset held in memory, with the indexes
 * that reads need (events per project, claims per subject, projects per locality). Hot read
 * paths are served from it; the database stays the durable record.
 */
import type { Claim } from './claim.ts'
import { emptyDataset, entityNames, type Dataset, type EntityName } from './dataset.ts'
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

function add<T>(out: Map<string, T[]>, k: string | null, item: T): void {
  if (k === null) return
  const list = out.get(k)
  if (list) list.push(item)
  else out.set(k, [item])
}

/** Event order within a project and among program events: by date, then id. */
export const byDate = (a: Event, b: Event): number => comparePartialDates(a.date, b.date) || a.id.localeCompare(b.id)

/**
 * Builds a snapshot from records given in parts (in dataset order), so that a caller can spread
 * the work over several tasks (store/cachedSnapshot.ts decodes 474k records a part at a time);
 * buildSnapshot gives it the whole dataset at once. Either way the result is the same.
 */
export class SnapshotBuilder {
  readonly #dataset: Dataset
  readonly #own: boolean
  readonly #maps = {
    programs: new Map<string, Program>(),
    provinces: new Map<string, Province>(),
    localities: new Map<string, Locality>(),
    sources: new Map<string, Source>(),
    projects: new Map<string, Project>(),
    events: new Map<string, Event>(),
    claims: new Map<string, Claim>(),
  }
  readonly #eventsByProject = new Map<string, Event[]>()
  readonly #programEvents: Event[] = []
  readonly #claimsBySubject = new Map<string, Claim[]>()
  readonly #claimsBySource = new Map<string, Claim[]>()
  readonly #projectsByLocality = new Map<string, Project[]>()
  #sorted = false

  /** With `dataset`, its lists are the snapshot's (add() then only indexes); without, add() appends to new ones. */
  constructor(dataset?: Dataset) {
    this.#own = !dataset
    this.#dataset = dataset ?? emptyDataset()
  }

  /** Indexes the next records of `entity` (appending them to the dataset unless it was given). */
  add<K extends EntityName>(entity: K, records: readonly Dataset[K][number][]): void {
    const map = this.#maps[entity] as Map<string, Dataset[K][number]>
    const list = this.#dataset[entity] as Dataset[K][number][]
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!
      map.set(r.id, r)
      if (this.#own) list.push(r)
    }
    if (entity === 'events') {
      for (const e of records as readonly Event[]) {
        if (e.project_id === null) this.#programEvents.push(e)
        else add(this.#eventsByProject, e.project_id, e)
      }
    } else if (entity === 'claims') {
      for (const c of records as readonly Claim[]) add(this.#claimsBySubject, `${c.subject_type}:${c.subject_id}`, c)
      for (const c of records as readonly Claim[]) add(this.#claimsBySource, c.source_id, c)
    } else if (entity === 'projects') {
      for (const p of records as readonly Project[]) add(this.#projectsByLocality, p.locality_id, p)
    }
  }

  /** Puts each project's events in date order, `batch` projects a step (else build() does, at once). */
  *sortEvents(batch: number): Generator<void> {
    let n = 0
    for (const list of this.#eventsByProject.values()) {
      list.sort(byDate)
      if (++n % batch === 0) yield
    }
    this.#sorted = true
  }

  /** The snapshot of everything added. */
  build(version: number, meta: ReadonlyMap<string, RecordMeta> = new Map()): Snapshot {
    if (!this.#sorted) for (const list of this.#eventsByProject.values()) list.sort(byDate)
    this.#programEvents.sort(byDate)
    const m = this.#maps
    return {
      version,
      dataset: this.#dataset,
      programs: m.programs,
      provinces: m.provinces,
      localities: m.localities,
      sources: m.sources,
      projects: m.projects,
      events: m.events,
      claims: m.claims,
      eventsByProject: this.#eventsByProject,
      programEvents: this.#programEvents,
      claimsBySubject: this.#claimsBySubject,
      claimsBySource: this.#claimsBySource,
      projectsByLocality: this.#projectsByLocality,
      meta,
      serial: nextSerial(),
      lineage: null,
    }
  }
}

export function buildSnapshot(dataset: Dataset, version: number, meta: ReadonlyMap<string, RecordMeta> = new Map()): Snapshot {
  const builder = new SnapshotBuilder(dataset)
  for (const name of entityNames) builder.add(name, dataset[name])
  return builder.build(version, meta)
}

export function claimsOf(snapshot: Snapshot, subjectType: string, id: string): Claim[] {
  return snapshot.claimsBySubject.get(`${subjectType}:${id}`) ?? []
}
