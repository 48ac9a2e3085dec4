/**
 * @module The in-memory read model: the latest snapshot of the store, brought up to date when the
 * data version changes — after a write here, on a NOTIFY from another instance, or when polling
 * finds a newer version (PostgreSQL shared by several instances). A write names its revision
 * batch (here directly, elsewhere in the NOTIFY payload "<version> <batch>", and in the meta row
 * data_batch): when the batches of every version since the snapshot are known, only their records
 * are read and the snapshot is patched (model/patchSnapshot.ts); on a gap — a version whose batch
 * is unknown — at start, or after invalidate(), the whole data is read again.
 */
import { sql } from 'kysely'
import { patchSnapshot } from '../model/patchSnapshot.ts'
import { buildSnapshot, type Snapshot } from '../model/snapshot.ts'
import { batchChanges } from './batchChanges.ts'
import { readDataset } from './loadDataset.ts'
import type { Store } from './open.ts'
import { migrationStatus } from './migrate.ts'
import { CachedSnapshot } from './cachedSnapshot.ts'
import { SnapshotCache, snapshotCacheFile, snapshotCacheWanted, snapshotKey, systemIdentifier, type SnapshotExtra, type SnapshotKey } from './snapshotCache.ts'
import { dataVersion, dataVersionAndBatch, parseChangePayload } from './version.ts'

/** Data versions whose batch is remembered (for patching loads and batchesBetween()). */
const batchesKept = 10_000
/** A patch touching more records than this reloads instead (a bulk import). */
const patchLimit = 50_000
/** A full load on PGlite reads each table this many rows at a time (bounds its WebAssembly memory; see readDataset). */
const pgliteChunkRows = 10_000

export interface LoadInfo {
  /** cached: read back from the persisted snapshot (store/snapshotCache.ts). */
  kind: 'full' | 'patch' | 'unchanged' | 'cached'
  version: number
  ms: number
  /** Records read: all of them for a full load, the touched ones for a patch. */
  records: number
}

export class ReadModel {
  #snapshot: Snapshot | null = null
  #loading: Promise<Snapshot> | null = null
  /**
   * Bumped by every change announced. A snapshot (or a load in flight) is good for a caller only
   * if it was started at or after the generation the caller saw on arrival: a load that began
   * before a write committed may not contain it, so a client must not be handed it right after
   * its write was acknowledged (read-your-writes; found by the reliability tests, where a PATCH
   * answered 200 was followed by a GET still showing the old record).
   */
  #generation = 0
  /** The newest data version announced by any process (NOTIFY or polling). */
  #newestSeen = 0
  #snapshotGeneration = -1
  #loadingGeneration = -1
  /** The revision batch of each of the last data versions announced (older than the snapshot too: batchesBetween). */
  #batches = new Map<number, string>()
  /** Something changed that no batch describes (or nothing is loaded yet): the next load reads everything. */
  #fullReload = true
  #lastLoad: LoadInfo | null = null
  #timer: NodeJS.Timeout | null = null
  #unlisten: (() => Promise<void>) | null = null
  #listeners = new Set<(version: number) => void>()
  /** While the first snapshot loads in the background (warmUp): the data and schema versions found at start. */
  #warming: { version: number; schema: number } | null = null
  /** readOnly: starts from the file, never writes it (a command without the server's derived views). */
  #cache: { file: SnapshotCache; writeDelayMs: number; readOnly: boolean } | null = null
  /** The database state the current snapshot holds (when a cache is used). */
  #snapshotKey: SnapshotKey | null = null
  #writeTimer: NodeJS.Timeout | null = null
  #pendingSince: number | null = null
  #writing: Promise<void> | null = null
  #materializeTimer: NodeJS.Timeout | null = null
  #closed = false

  constructor(readonly store: Store) {}

  /**
   * Persists snapshots in `cache` and starts from it: a full load reads the file when its key is
   * the database's, and each snapshot loaded is written back once the data has been quiet for
   * `writeDelayMs` (and on close). Call before the first load.
   */
  useCache(cache: SnapshotCache, options: { writeDelayMs?: number; readOnly?: boolean } = {}): void {
    this.#cache = { file: cache, writeDelayMs: options.writeDelayMs ?? 300_000, readOnly: options.readOnly ?? false }
  }

  /**
   * TRACKER_SNAPSHOT_CACHE: persists snapshots in the data directory (store/snapshotCache.ts) when
   * the setting asks for it with this engine, with the derived views of `extras` beside them.
   * Returns whether it does.
   */
  async persistIn(setting: 'auto' | 'on' | 'off', dataDir: string, extras: readonly SnapshotExtra[] = [], options: { readOnly?: boolean } = {}): Promise<boolean> {
    if (!snapshotCacheWanted(setting, this.store.engine)) return false
    const cache = new SnapshotCache(snapshotCacheFile(dataDir, this.store), await systemIdentifier(this.store.db))
    for (const extra of extras) cache.addExtra(extra)
    this.useCache(cache, options)
    return true
  }

  /** Writes the current snapshot to the cache now if it does not hold it yet (the bench and tests call it; close() does). */
  flushCache(): Promise<void> {
    return this.#flush(false).then(() => {})
  }

  /**
   * A command that opened the cache read-only and then wrote (tracker import): brings the snapshot
   * up to date and writes it now, so that the next start reads the file instead of every record.
   * Resolves to the bytes written (0 when the file already held it, or the write failed), or null
   * without a cache.
   */
  async persistNow(): Promise<number | null> {
    if (!this.#cache) return null
    await this.current()
    return this.#flush(true)
  }

  #flush(evenReadOnly: boolean): Promise<number> {
    if (this.#writeTimer) clearTimeout(this.#writeTimer)
    this.#writeTimer = null
    this.#pendingSince = null
    // One write at a time, each of the snapshot current when its turn comes.
    const next = (this.#writing ?? Promise.resolve()).then(async () => {
      if (this.#cache?.readOnly && !evenReadOnly) return 0
      const cache = this.#cache?.file
      const snapshot = this.#snapshot
      const key = this.#snapshotKey
      if (!cache || !snapshot || !key || key.version !== snapshot.version || cache.holds(key)) return 0
      // A failed write (disk full…) leaves the old file, which its key keeps from being misread.
      return cache.write(key, snapshot).catch(() => 0)
    })
    const done = next.then(() => {})
    this.#writing = done
    void done.then(() => {
      if (this.#writing === done) this.#writing = null
    })
    return next
  }

  /**
   * Writes once the data has been quiet for writeDelayMs (serializing 100× the data takes a second
   * or two of this process's time, so not after every edit of a busy spell), but at the latest
   * ten delays after the first change it has not written.
   */
  #scheduleWrite(): void {
    if (!this.#cache || this.#cache.readOnly) return
    if (this.#snapshotKey && this.#cache.file.holds(this.#snapshotKey)) return
    const now = Date.now()
    this.#pendingSince ??= now
    if (this.#writeTimer) clearTimeout(this.#writeTimer)
    const delay = Math.min(this.#cache.writeDelayMs, Math.max(0, this.#pendingSince + 10 * this.#cache.writeDelayMs - now))
    this.#writeTimer = setTimeout(() => {
      this.#writeTimer = null
      void this.flushCache()
    }, delay)
    this.#writeTimer.unref()
  }

  /**
   * Starts loading the first snapshot in the background (a server listens meanwhile; requests
   * that need the data wait for it). Until it is loaded, `warming` names the data and schema
   * versions the database had when it started. A failed load is retried by the next request.
   */
  async warmUp(onError: (error: Error) => void = () => {}): Promise<void> {
    if (this.#snapshot || this.#loading) return
    const [version, schema] = await Promise.all([dataVersion(this.store.db), migrationStatus(this.store.db)])
    this.#warming = { version, schema: schema.current }
    this.current().then(
      () => (this.#warming = null),
      (error: Error) => {
        this.#warming = null
        onError(error)
      },
    )
  }

  /** The versions found at start while the first snapshot is still loading (see warmUp); null otherwise. */
  get warming(): { version: number; schema: number } | null {
    return this.#snapshot ? null : this.#warming
  }

  /** Starts following writes made by other processes. */
  async follow(pollIntervalMs: number): Promise<void> {
    // The payload is the data version the write committed and its batch. A version this process
    // already holds (its own writes, reported back late) must not throw away a snapshot or a
    // reload in flight.
    this.#unlisten = await this.store.listen((payload) => {
      const { version, batch } = parseChangePayload(payload)
      this.#seen(version, batch)
    })
    if (this.store.engine === 'postgres') {
      this.#timer = setInterval(() => void this.#poll(), pollIntervalMs)
      this.#timer.unref()
    }
  }

  /** A write reached version `version` somewhere: load unless we have it or are loading. */
  #seen(version: number, batch: string | null = null): void {
    if (!Number.isFinite(version)) return this.invalidate()
    if (batch) this.#remember(version, batch)
    if (version > this.#newestSeen) this.#newestSeen = version
    if (this.#snapshot && version <= this.#snapshot.version) return
    // A load in flight is not thrown away: when it ends, it is checked against #newestSeen.
    if (this.#loading) return
    this.#generation++
  }

  #remember(version: number, batch: string): void {
    this.#batches.set(version, batch)
    // Bounded: the oldest go; a load further behind than that meets a gap and reads everything.
    if (this.#batches.size > batchesKept) this.#batches.delete(this.#batches.keys().next().value!)
  }

  async #poll(): Promise<void> {
    if (this.#loading) return
    try {
      this.#seen(await dataVersion(this.store.db))
    } catch {
      // Unavailable for now; the next request reports it.
    }
  }

  /** This process committed `version` with the records of `batch`: the next read patches them in. */
  written(version: number, batch: string): void {
    this.#remember(version, batch)
    if (version > this.#newestSeen) this.#newestSeen = version
    this.#generation++
  }

  /**
   * The revision batches of data versions `from` + 1 … `to`, oldest first, when this process heard
   * of every one of them (its own writes, NOTIFY, polling); null otherwise. A write that finds
   * the data moved on since the snapshot it started from patches that snapshot with them.
   */
  batchesBetween(from: number, to: number): string[] | null {
    const out: string[] = []
    for (let v = from + 1; v <= to; v++) {
      const b = this.#batches.get(v)
      if (!b) return null
      out.push(b)
    }
    return out
  }

  /** The data changed in a way no batch describes: the next read loads everything. */
  invalidate(): void {
    this.#fullReload = true
    this.#generation++
  }

  onChange(listener: (version: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** How the current snapshot was loaded (null before the first load). */
  get lastLoad(): LoadInfo | null {
    return this.#lastLoad
  }

  /** The current snapshot, loading a new one when the data has changed. */
  async current(): Promise<Snapshot> {
    const wanted = this.#generation
    for (;;) {
      if (this.#snapshot && this.#snapshotGeneration >= wanted) return this.#snapshot
      if (this.#loading && this.#loadingGeneration >= wanted) return this.#loading
      if (this.#loading) {
        // Started before the latest change: let it finish, then load again.
        await this.#loading.catch(() => {})
        continue
      }
      const generation = this.#generation
      this.#loadingGeneration = generation
      this.#loading = (async () => {
        const full = this.#fullReload || !this.#snapshot
        this.#fullReload = false
        try {
          const previous = this.#snapshot
          const start = performance.now()
          const { snapshot, kind, records, key } = await this.#load(full ? null : previous)
          this.#snapshot = snapshot
          this.#snapshotKey = key
          if (snapshot instanceof CachedSnapshot) this.#materializeSoon(snapshot)
          else this.#scheduleWrite()
          this.#snapshotGeneration = generation
          this.#lastLoad = { kind, version: snapshot.version, ms: performance.now() - start, records }
          // A write announced while this load ran but committed after it started: load again.
          if (snapshot.version < this.#newestSeen) this.#generation++
          if (previous?.version !== snapshot.version) for (const l of this.#listeners) l(snapshot.version)
          return snapshot
        } catch (error) {
          if (full) this.#fullReload = true
          throw error
        } finally {
          this.#loading = null
        }
      })()
      return this.#loading
    }
  }

  /**
   * Reads what changed since `previous` in one repeatable-read transaction (the version, the
   * batches' records and, on a gap, the whole data all come from one state of the database).
   */
  async #load(previous: Snapshot | null): Promise<{ snapshot: Snapshot; kind: LoadInfo['kind']; records: number; key: SnapshotKey | null }> {
    const cache = this.#cache?.file ?? null
    return this.store.db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read`.execute(trx)
      const key = cache ? await snapshotKey(trx, cache.system) : null
      if (previous) {
        const { version, batch } = await dataVersionAndBatch(trx)
        if (version === previous.version) return { snapshot: previous, kind: 'unchanged' as const, records: 0, key: this.#snapshotKey }
        if (batch) this.#remember(version, batch)
        const batches: string[] = []
        for (let v = previous.version + 1; v <= version; v++) {
          const b = this.#batches.get(v)
          if (!b) break
          batches.push(b)
        }
        if (version > previous.version && batches.length === version - previous.version) {
          const changes = await batchChanges(trx, batches, patchLimit)
          if (changes) return { snapshot: patchSnapshot(previous, changes, version), kind: 'patch' as const, records: changes.length, key }
        }
      }
      if (cache && key) {
        const cached = await cache.read(key, () => this.invalidate())
        if (cached) return { snapshot: cached, kind: 'cached' as const, records: 0, key }
      }
      const { dataset, meta, version } = await readDataset(trx, this.store.engine === 'pglite' ? pgliteChunkRows : Number.POSITIVE_INFINITY)
      const records = Object.values(dataset).reduce((n, list) => n + list.length, 0)
      return { snapshot: buildSnapshot(dataset, version, meta), kind: 'full' as const, records, key }
    })
  }

  /** The snapshot when it is known current (no change announced since it was loaded), else null: current() would load. */
  fresh(): Snapshot | null {
    return this.#snapshot && this.#snapshotGeneration >= this.#generation ? this.#snapshot : null
  }

  /** The last loaded snapshot without checking for changes (null before the first load). */
  peek(): Snapshot | null {
    return this.#snapshot
  }

  /**
   * A snapshot read back from the file answers at once; the rest of it is decoded shortly after,
   * in the background a part per macrotask (seconds at 100×, which in one go would hold up every
   * request meanwhile), so that the first request needing it does not wait.
   */
  #materializeSoon(snapshot: CachedSnapshot): void {
    if (this.#materializeTimer) clearTimeout(this.#materializeTimer)
    this.#materializeTimer = setTimeout(() => {
      this.#materializeTimer = null
      // Reported by onBroken when a part does not decode (the next request reloads). A file that
      // lacks a derived view this process makes (written by a command that does not make it) is
      // written again with it, once the data has been quiet (or on close).
      if (this.#snapshot === snapshot)
        snapshot.materializeInBackground(() => this.#snapshot === snapshot && !this.#closed).then(
          (whole) => whole && this.#snapshot === snapshot && this.#scheduleWrite(),
          () => {},
        )
    }, 100)
    this.#materializeTimer.unref()
  }

  async close(): Promise<void> {
    this.#closed = true
    if (this.#timer) clearInterval(this.#timer)
    if (this.#materializeTimer) clearTimeout(this.#materializeTimer)
    await this.flushCache()
    if (this.#unlisten) await this.#unlisten().catch(() => {})
  }
}
