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
  #stale = true
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
    this.#stale = true
  }

  onChange(listener: (version: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** The current snapshot, loading a new one when the data has changed. */
  async current(): Promise<Snapshot> {
    if (!this.#stale && this.#snapshot) return this.#snapshot
    if (this.#loading) return this.#loading
    this.#stale = false
    this.#loading = (async () => {
      try {
        const { dataset, meta, version } = await loadDataset(this.store.db)
        const previous = this.#snapshot?.version
        this.#snapshot = buildSnapshot(dataset, version, meta)
        if (previous !== version) for (const l of this.#listeners) l(version)
        return this.#snapshot
      } catch (error) {
        this.#stale = true
        throw error
      } finally {
        this.#loading = null
      }
    })()
    return this.#loading
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
