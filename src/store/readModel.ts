/**
 * @module The in-memory read model: the latest snapshot of the store, rebuilt when the data
 * version changes — after a write here, on a NOTIFY from another instance, or when polling finds
 * a newer version (PostgreSQL shared by several instances).
 */
import { buildSnapshot, type Snapshot } from '../model/snapshot.ts'
import { loadDataset } from './loadDataset.ts'
import type { Store } from './open.ts'
import { dataVersion } from './version.ts'

export class ReadModel {
  #snapshot: Snapshot | null = null
  #loading: Promise<Snapshot> | null = null
  /**
   * Bumped by every invalidate(). A snapshot (or a load in flight) is good for a caller only if
   * it was started at or after the generation the caller saw on arrival: a load that began before
   * a write committed may not contain it, so a client must not be handed it right after its write
   * was acknowledged (read-your-writes; found by the reliability tests, where a PATCH answered 200
   * was followed by a GET still showing the old record).
   */
  #generation = 0
  /** The newest data version announced by any process (NOTIFY or polling). */
  #newestSeen = 0
  #snapshotGeneration = -1
  #loadingGeneration = -1
  #timer: NodeJS.Timeout | null = null
  #unlisten: (() => Promise<void>) | null = null
  #listeners = new Set<(version: number) => void>()

  constructor(readonly store: Store) {}

  /** Starts following writes made by other processes. */
  async follow(pollIntervalMs: number): Promise<void> {
    // The payload is the data version the write committed. A version this process already holds
    // (its own writes, reported back late) must not throw away a snapshot or a reload in flight.
    this.#unlisten = await this.store.listen((payload) => this.#seen(Number(payload)))
    if (this.store.engine === 'postgres') {
      this.#timer = setInterval(() => void this.#poll(), pollIntervalMs)
      this.#timer.unref()
    }
  }

  /** A write reached version `version` somewhere: reload unless we have it or are loading. */
  #seen(version: number): void {
    if (!Number.isFinite(version)) return this.invalidate()
    if (version > this.#newestSeen) this.#newestSeen = version
    if (this.#snapshot && version <= this.#snapshot.version) return
    // A reload in flight is not thrown away: when it ends, it is checked against #newestSeen.
    if (this.#loading) return
    this.invalidate()
  }

  async #poll(): Promise<void> {
    if (this.#loading) return
    try {
      this.#seen(await dataVersion(this.store.db))
    } catch {
      // Unavailable for now; the next request reports it.
    }
  }

  invalidate(): void {
    this.#generation++
  }

  onChange(listener: (version: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** The current snapshot, loading a new one when the data has changed. */
  async current(): Promise<Snapshot> {
    const wanted = this.#generation
    for (;;) {
      if (this.#snapshot && this.#snapshotGeneration >= wanted) return this.#snapshot
      if (this.#loading && this.#loadingGeneration >= wanted) return this.#loading
      if (this.#loading) {
        // Started before the latest invalidate(): let it finish, then load again.
        await this.#loading.catch(() => {})
        continue
      }
      const generation = this.#generation
      this.#loadingGeneration = generation
      this.#loading = (async () => {
        try {
          const { dataset, meta, version } = await loadDataset(this.store.db)
          const previous = this.#snapshot?.version
          this.#snapshot = buildSnapshot(dataset, version, meta)
          this.#snapshotGeneration = generation
          // A write announced while this load ran but committed after it started: load again.
          if (version < this.#newestSeen) this.invalidate()
          if (previous !== version) for (const l of this.#listeners) l(version)
          return this.#snapshot
        } finally {
          this.#loading = null
        }
      })()
      return this.#loading
    }
  }

  /** The last loaded snapshot without checking for changes (null before the first load). */
  peek(): Snapshot | null {
    return this.#snapshot
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer)
    if (this.#unlisten) await this.#unlisten().catch(() => {})
  }
}
