/**
 * @module The persisted snapshot (TRACKER_SNAPSHOT_CACHE): the read model's snapshot kept in the
 * data directory, so that a server starting on an existing database answers its first requests
 * from it instead of reading and indexing every record again (40 s at 100× the data). It is keyed
 * by everything that decides what a snapshot holds — the database (system identifier), its data
 * version and the batch of the write that made it, the schema (migration) version, the code that
 * derives views (store/codeVersion.ts), the file layout and the V8 version — and the key is read
 * from the database in the same transaction as a full load would be: a file of any other key is
 * ignored (the full load runs and writes a new one). Derived views of other layers (the list
 * index of api/) are persisted beside the records through `extras`.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { entityNames } from '../model/dataset.ts'
import type { RecordMeta, Snapshot } from '../model/snapshot.ts'
import { CachedSnapshot, encodeMetaPart } from './cachedSnapshot.ts'
import { codeVersion } from './codeVersion.ts'
import { alive } from './lock.ts'
import { migrationStatus } from './migrate.ts'
import type { Store } from './open.ts'
import type { DB } from './schema.ts'
import { readSnapshotFile, writeSnapshotFile } from './snapshotFile.ts'
import { dataVersionAndBatch } from './version.ts'

/** Bumped whenever what the file holds, or how, changes. */
const layoutVersion = 3
/**
 * Records a section holds at most (a list is written as "<entity>:0", "<entity>:1", …; the
 * metadata as "meta:0", …): each is decoded in one go, about 10 ms for 5,000 claims, which is
 * how long the background decoding of a file read back holds up requests (store/cachedSnapshot.ts).
 */
const defaultSectionRecords = 5_000

export interface SnapshotKey {
  layout: number
  code: string
  v8: string
  system: string
  schema: number
  version: number
  batch: string | null
}

/** A view derived from a snapshot that is worth persisting with it (the value must survive v8.serialize). */
export interface SnapshotExtra {
  name: string
  /** The view of `snapshot` as it stands (computed if need be), or undefined to persist none. */
  get(snapshot: Snapshot): unknown
  /** Installs the persisted view for a snapshot read back from the file. */
  seed(snapshot: Snapshot, value: unknown): void
}

/** The database's system identifier: tells a recreated database from the one a file was written for. */
export async function systemIdentifier(db: Kysely<DB>): Promise<string> {
  try {
    const { rows } = await sql<{ id: string }>`select system_identifier::text as id from pg_control_system()`.execute(db)
    return rows[0]?.id ?? ''
  } catch {
    return ''
  }
}

/** The key of the database's current state, read inside the caller's transaction. */
export async function snapshotKey(trx: Kysely<DB>, system: string): Promise<SnapshotKey> {
  const [{ version, batch }, schema] = await Promise.all([dataVersionAndBatch(trx), migrationStatus(trx)])
  return { layout: layoutVersion, code: codeVersion(), v8: process.versions.v8, system, schema: schema.current, version, batch }
}

export class SnapshotCache {
  #extras: SnapshotExtra[] = []
  /** What the file holds now (as far as this process knows). */
  #written: SnapshotKey | null = null
  #broken = false

  readonly #sectionRecords: number

  constructor(
    readonly file: string,
    readonly system: string,
    /** sectionRecords: smaller parts (tests, to have several with a small dataset). */
    options: { sectionRecords?: number } = {},
  ) {
    this.#sectionRecords = options.sectionRecords ?? defaultSectionRecords
  }

  addExtra(extra: SnapshotExtra): void {
    this.#extras.push(extra)
  }

  /** The persisted snapshot when the file's key is `key`, else null (absent, stale or damaged). */
  async read(key: SnapshotKey, onBroken?: (error: Error) => void): Promise<CachedSnapshot | null> {
    if (this.#broken) return null
    const sections = await readSnapshotFile(this.file, key)
    if (!sections) return null
    // Checksums passed but a section would not decode: this file is never read again (the next
    // load reads the database, and its snapshot is written anew).
    const broken = (error: Error) => {
      this.#broken = true
      this.#written = null
      fs.rmSync(this.file, { force: true })
      onBroken?.(error)
    }
    try {
      const snapshot = new CachedSnapshot(key.version, sections, broken)
      let complete = true
      for (const extra of this.#extras) {
        const value = snapshot.takeExtra(extra.name)
        if (value !== undefined) extra.seed(snapshot, value)
        else complete = false
      }
      // A file without one of this process's extras (written by a command that does not make
      // them) is written again with them.
      this.#written = complete ? key : null
      return snapshot
    } catch {
      return null
    }
  }

  /** Whether the file already holds `key`. */
  holds(key: SnapshotKey): boolean {
    return this.#written !== null && JSON.stringify(this.#written) === JSON.stringify(key)
  }

  /** Persists `snapshot` (whose state is `key`) with its extras; returns the bytes written. */
  async write(key: SnapshotKey, snapshot: Snapshot): Promise<number> {
    // Each section made when its turn comes (see writeSnapshotFile).
    const sectionRecords = this.#sectionRecords
    const sections = new Map<string, () => unknown>()
    // Large lists in parts: serializing 347k claims at once would hold 100 MB more while writing.
    for (const name of entityNames) {
      const list = snapshot.dataset[name] as unknown[]
      for (let i = 0, part = 0; i < list.length || part === 0; i += sectionRecords, part++) sections.set(`${name}:${part}`, () => list.slice(i, i + sectionRecords))
    }
    // Metadata in parts too, each taken from one walk over the map when its turn comes.
    const meta = snapshot.meta
    const entries = meta.entries()
    for (let i = 0, part = 0; i < meta.size || part === 0; i += sectionRecords, part++) {
      sections.set(`meta:${part}`, () => {
        const chunk: [string, RecordMeta][] = []
        for (let n = 0; n < sectionRecords; n++) {
          const next = entries.next()
          if (next.done) break
          chunk.push(next.value)
        }
        return encodeMetaPart(chunk)
      })
    }
    for (const extra of this.#extras) sections.set(`extra:${extra.name}`, () => extra.get(snapshot))
    const bytes = await writeSnapshotFile(this.file, key, sections)
    this.#written = key
    this.#broken = false
    return bytes
  }
}

/**
 * Where the snapshot of `store` is kept: in the data directory (private to its owner), one file
 * per database (PostgreSQL databases are told apart by their address).
 */
export function snapshotCacheFile(dataDir: string, store: Pick<Store, 'engine' | 'location'>): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = store.engine === 'pglite' ? path.join(dataDir, 'snapshot.bin') : path.join(dataDir, `snapshot-${createHash('sha256').update(store.location).digest('hex').slice(0, 16)}.bin`)
  removeLeftovers(file)
  return file
}

/**
 * Removes temporary files a writer killed mid-write left beside `file` (200 MB each at 100×):
 * those of processes no longer running.
 */
export function removeLeftovers(file: string): void {
  const dir = path.dirname(file)
  const prefix = `.${path.basename(file)}.`
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const pid = Number(name.slice(prefix.length).split('.')[0])
    if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && alive(pid))) continue
    fs.rmSync(path.join(dir, name), { force: true })
  }
}

/** Whether TRACKER_SNAPSHOT_CACHE asks for a persisted snapshot with this engine. */
export function snapshotCacheWanted(setting: 'auto' | 'on' | 'off', engine: Store['engine']): boolean {
  return setting === 'on' || (setting === 'auto' && engine === 'pglite')
}
