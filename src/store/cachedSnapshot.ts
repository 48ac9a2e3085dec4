/**
 * @module A snapshot read back from its persisted file (store/snapshotFile.ts), decoded on
 * demand: the programs, provinces and localities (a few hundred records) at once, everything
 * else — 474k records and their indexes at 100× the data, seconds of work — on first use or
 * when materialize() is called (the read model does, in the background, once it has answered).
 * A request that needs only the small maps and a persisted derived view (the list index) is
 * answered without waiting for the rest. Equal to buildSnapshot over the same records.
 */
import { entityNames, type Dataset } from '../model/dataset.ts'
import { interner } from '../model/interner.ts'
import type { Locality } from '../model/locality.ts'
import type { Program } from '../model/program.ts'
import type { Province } from '../model/province.ts'
import { buildSnapshot, nextSerial, type Lineage, type RecordMeta, type Snapshot } from '../model/snapshot.ts'
import type { SnapshotSections } from './snapshotFile.ts'

const small = ['programs', 'provinces', 'localities'] as const

/** An entity's records, written in parts of a bounded size ("<entity>:0", "<entity>:1", …). */
function takeList(sections: SnapshotSections, name: string): unknown[] {
  if (!sections.has(`${name}:0`)) throw new Error(`persisted snapshot: no records of ${name}`)
  const out: unknown[] = []
  for (let part = 0; sections.has(`${name}:${part}`); part++) {
    const list = sections.take<unknown[]>(`${name}:${part}`)
    for (let i = 0; i < list.length; i++) out.push(list[i])
  }
  return out
}

export class CachedSnapshot implements Snapshot {
  readonly serial = nextSerial()
  readonly lineage: Lineage | null = null
  #sections: SnapshotSections | null
  #small = new Map<string, unknown[]>()
  #built: Snapshot | null = null
  #maps = new Map<string, Map<string, unknown>>()

  constructor(
    readonly version: number,
    sections: SnapshotSections,
    /** Called (once) when a section fails to decode, before the error is thrown. */
    private readonly onBroken: (error: Error) => void = () => {},
  ) {
    this.#sections = sections
    for (const name of small) this.#small.set(name, takeList(sections, name))
  }

  /** True once every record is decoded and indexed. */
  get materialized(): boolean {
    return this.#built !== null
  }

  /** Decodes and indexes everything now (what the first access to a large part does anyway). */
  materialize(): Snapshot {
    if (this.#built) return this.#built
    const sections = this.#sections!
    try {
      const dataset = {} as Record<string, unknown[]>
      for (const name of entityNames) dataset[name] = this.#small.get(name) ?? takeList(sections, name)
      const meta = sections.take<Map<string, RecordMeta>>('meta')
      // Timestamps repeat (a bulk load writes thousands of records in the same instant) and the
      // serializer writes each anew: one string each again, as loadDataset keeps them.
      const intern = interner()
      for (const m of meta.values()) {
        m.created_at = intern(m.created_at)
        m.updated_at = intern(m.updated_at)
      }
      this.#built = buildSnapshot(dataset as unknown as Dataset, this.version, meta)
    } catch (error) {
      this.onBroken(error as Error)
      throw error
    }
    this.#sections = null
    this.#small.clear()
    this.#maps.clear()
    return this.#built
  }

  /** A derived section persisted beside the records (e.g. the list index), taken once; undefined when absent. */
  takeExtra(name: string): unknown {
    const sections = this.#sections
    if (!sections?.has(`extra:${name}`)) return undefined
    try {
      return sections.take(`extra:${name}`)
    } catch {
      return undefined
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
