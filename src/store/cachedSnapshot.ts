/**
 * @module A snapshot read back from its persisted file (store/snapshotFile.ts), decoded on
 * demand: the programs, provinces and localities (a few hundred records) at once, everything
 * else — 474k records and their indexes at 100× the data, seconds of work — a part at a time,
 * either in the background (materializeInBackground: one part per macrotask, so that requests
 * are answered in between) or, for a request that needs it all before that is done, the rest at
 * once (materialize(), which the first access to a large part calls). A request that needs only
 * the small maps and a persisted derived view (the list index) is answered without waiting for
 * the rest. Equal to buildSnapshot over the same records.
 */
import { entityNames, type EntityName } from '../model/dataset.ts'
import { interner, recordInterner } from '../model/interner.ts'
import type { Locality } from '../model/locality.ts'
import type { Program } from '../model/program.ts'
import type { Province } from '../model/province.ts'
import { nextSerial, SnapshotBuilder, type Lineage, type RecordMeta, type Snapshot } from '../model/snapshot.ts'
import type { SnapshotSections } from './snapshotFile.ts'

const small = ['programs', 'provinces', 'localities'] as const

/**
 * Record metadata as persisted: columns (keys, versions, and the timestamps as indexes into the
 * part's distinct timestamps) rather than a Map of objects, which V8 decodes several times slower
 * and whose repeated timestamps it writes out each time.
 */
export interface MetaPart {
  keys: string[]
  versions: Float64Array
  times: string[]
  /** created_at, updated_at and deleted_at of each key, as indexes into `times` (or `none`/`absent`). */
  stamps: Uint32Array
}

/** deleted_at null (every record of a snapshot), or not there at all. */
const none = 0xffffffff
const absent = 0xfffffffe

type StoredMeta = RecordMeta & { deleted_at?: string | null }

export function encodeMetaPart(entries: readonly (readonly [string, StoredMeta])[]): MetaPart {
  const index = new Map<string, number>()
  const times: string[] = []
  const at = (t: string) => {
    let i = index.get(t)
    if (i === undefined) index.set(t, (i = times.push(t) - 1))
    return i
  }
  const versions = new Float64Array(entries.length)
  const stamps = new Uint32Array(entries.length * 3)
  entries.forEach(([, m], i) => {
    versions[i] = m.version
    stamps[3 * i] = at(m.created_at)
    stamps[3 * i + 1] = at(m.updated_at)
    stamps[3 * i + 2] = m.deleted_at === undefined ? absent : m.deleted_at === null ? none : at(m.deleted_at)
  })
  return { keys: entries.map(([k]) => k), versions, times, stamps }
}

function decodeMetaPart(part: MetaPart, into: Map<string, RecordMeta>, intern: (s: string) => string): void {
  // Timestamps repeat across parts too (a bulk load writes thousands of records in the same
  // instant): one string each, as loadDataset keeps them.
  const times = part.times.map(intern)
  const { keys, versions, stamps } = part
  for (let i = 0; i < keys.length; i++) {
    const d = stamps[3 * i + 2]!
    const m: StoredMeta = { version: versions[i]!, created_at: times[stamps[3 * i]!]!, updated_at: times[stamps[3 * i + 1]!]! }
    if (d !== absent) m.deleted_at = d === none ? null : times[d]!
    into.set(keys[i]!, m)
  }
}

/** The sections an entity's records are written in ("<entity>:0", "<entity>:1", …). */
function partsOf(sections: SnapshotSections, name: string): string[] {
  if (!sections.has(`${name}:0`)) throw new Error(`persisted snapshot: no section ${name}:0`)
  const out: string[] = []
  for (let part = 0; sections.has(`${name}:${part}`); part++) out.push(`${name}:${part}`)
  return out
}

function takeList(sections: SnapshotSections, name: string): unknown[] {
  return partsOf(sections, name).flatMap((part) => sections.take<unknown[]>(part))
}

export class CachedSnapshot implements Snapshot {
  readonly serial = nextSerial()
  readonly lineage: Lineage | null = null
  #sections: SnapshotSections | null
  #small = new Map<string, unknown[]>()
  #built: Snapshot | null = null
  #maps = new Map<string, Map<string, unknown>>()
  /** The decoding still to do, one part a step. */
  #steps: Generator<void, Snapshot> | null
  #error: Error | null = null
  #background: Promise<Snapshot | null> | null = null
  /**
   * The decoder makes a new string for every value: repeated ones made one again, as a full load
   * keeps them (110 MB less at 100× the data), across the records and the derived views read back.
   */
  #internRecord = recordInterner()
  /** Derived views read back, whose strings are interned first thing in the background. */
  #extras: unknown[] = []

  constructor(
    readonly version: number,
    sections: SnapshotSections,
    /** Called (once) when a section fails to decode, before the error is thrown. */
    private readonly onBroken: (error: Error) => void = () => {},
  ) {
    this.#sections = sections
    for (const name of [...entityNames, 'meta']) partsOf(sections, name)
    for (const name of small) this.#small.set(name, takeList(sections, name))
    this.#steps = this.#decode(sections)
  }

  *#decode(sections: SnapshotSections): Generator<void, Snapshot> {
    for (const value of this.#extras) {
      const items = Array.isArray(value) ? value : [value]
      for (let i = 0; i < items.length; i++) {
        this.#internDeep(items[i], 1)
        if (i % 5_000 === 4_999) yield
      }
      yield
    }
    this.#extras = []
    const builder = new SnapshotBuilder()
    const internRecord = this.#internRecord
    for (const name of entityNames) {
      const known = this.#small.get(name)
      if (known) {
        builder.add(name, known as never)
        continue
      }
      for (const part of partsOf(sections, name)) {
        const records = sections.take<Record<string, unknown>[]>(part)
        for (let i = 0; i < records.length; i++) internRecord(records[i]!)
        builder.add(name as EntityName, records as never[])
        yield
      }
    }
    const meta = new Map<string, RecordMeta>()
    const intern = interner()
    for (const part of partsOf(sections, 'meta')) {
      decodeMetaPart(sections.take<MetaPart>(part), meta, intern)
      yield
    }
    yield* builder.sortEvents(2_000)
    return builder.build(this.version, meta)
  }

  /** Decodes one part (or, at the end, builds the indexes); true when everything is done. */
  #step(): boolean {
    if (this.#built) return true
    if (this.#error || !this.#steps) throw this.#error ?? new Error('persisted snapshot: decoding failed')
    let next: IteratorResult<void, Snapshot>
    try {
      next = this.#steps.next()
    } catch (error) {
      this.#error = error as Error
      this.#steps = null
      this.onBroken(this.#error)
      throw error
    }
    if (!next.done) return false
    this.#built = next.value
    this.#steps = null
    this.#sections = null
    this.#small.clear()
    this.#maps.clear()
    this.#internRecord = () => {}
    return true
  }

  /** True once every record is decoded and indexed. */
  get materialized(): boolean {
    return this.#built !== null
  }

  /** Decodes and indexes what is left now (what the first access to a large part does anyway). */
  materialize(): Snapshot {
    while (!this.#step());
    return this.#built!
  }

  /**
   * Decodes the rest in the background, about `budgetMs` of work (at least one part) per
   * macrotask, while `keepGoing()` says so. Resolves to the whole snapshot, or null when
   * stopped; rejects when a section does not decode (onBroken was called).
   */
  materializeInBackground(keepGoing: () => boolean = () => true, budgetMs = 10): Promise<Snapshot | null> {
    this.#background ??= new Promise<Snapshot | null>((resolve, reject) => {
      const tick = () => {
        if (this.#built) return resolve(this.#built)
        if (!keepGoing()) {
          this.#background = null
          return resolve(null)
        }
        try {
          const end = performance.now() + budgetMs
          while (!this.#step() && performance.now() < end);
        } catch (error) {
          return reject(error as Error)
        }
        setImmediate(tick)
      }
      setImmediate(tick)
    })
    return this.#background
  }

  /** A derived section persisted beside the records (e.g. the list index), taken once; undefined when absent. */
  takeExtra(name: string): unknown {
    const sections = this.#sections
    if (!sections?.has(`extra:${name}`)) return undefined
    try {
      const value = sections.take(`extra:${name}`)
      // Its strings are interned with the records', in the background (not before the first answer).
      this.#extras.push(value)
      return value
    } catch {
      return undefined
    }
  }

  /** Interns the strings of a derived view's objects (a few levels down: list items, their locality, dates). */
  #internDeep(value: unknown, depth: number): void {
    if (depth > 4 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) this.#internDeep(item, depth + 1)
      return
    }
    const record = value as Record<string, unknown>
    this.#internRecord(record)
    for (const key in record) {
      const v = record[key]
      if (v !== null && typeof v === 'object') this.#internDeep(v, depth + 1)
    }
  }

  #byId<T extends { id: string }>(name: (typeof small)[number]): Map<string, T> {
    let map = this.#maps.get(name)
    if (!map) this.#maps.set(name, (map = new Map((this.#small.get(name) as T[]).map((r) => [r.id, r]))))
    return map as Map<string, T>
  }

  get programs(): ReadonlyMap<string, Program> {
    return this.#built?.programs ?? this.#byId<Program>('programs')
  }
  get provinces(): ReadonlyMap<string, Province> {
    return this.#built?.provinces ?? this.#byId<Province>('provinces')
  }
  get localities(): ReadonlyMap<string, Locality> {
    return this.#built?.localities ?? this.#byId<Locality>('localities')
  }
  get dataset() {
    return this.materialize().dataset
  }
  get sources() {
    return this.materialize().sources
  }
  get projects() {
    return this.materialize().projects
  }
  get events() {
    return this.materialize().events
  }
  get claims() {
    return this.materialize().claims
  }
  get eventsByProject() {
    return this.materialize().eventsByProject
  }
  get programEvents() {
    return this.materialize().programEvents
  }
  get claimsBySubject() {
    return this.materialize().claimsBySubject
  }
  get claimsBySource() {
    return this.materialize().claimsBySource
  }
  get projectsByLocality() {
    return this.materialize().projectsByLocality
  }
  get meta() {
    return this.materialize().meta
  }
}
