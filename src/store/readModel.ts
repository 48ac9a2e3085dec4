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
  #snapshotGeneration = -1
  #loadingGeneration = -1
  #timer: NodeJS.Timeout | null = null
  #unlisten: (() => Promise<void>) | null = null
  #listeners = new Set<(version: number) => void>()

  constructor(readonly store: Store) {}

  /** Starts following writes made by other processes. */
  async follow(pollIntervalMs: number): Promise<void> {
    this.#unlisten = await this.store.listen(() => this.invalidate())
    if (this.store.engine === 'postgres') {
      this.#timer = setInterval(() => void this.#poll(), pollIntervalMs)
      this.#timer.unref()
    }
  }

  async #poll(): Promise<void> {
    try {
      const v = await dataVersion(this.store.db)
      if (this.#snapshot && v !== this.#snapshot.version) this.invalidate()
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
