/**
 * @module The data as it was recorded on a past date (replayed from the revision log), for
 * `as_of` on record endpoints. This is "what the tracker said then", not "what had happened
 * by then" (the event-date `as_of` of lists and statistics).
 */
import { buildSnapshot, type Snapshot } from '../model/snapshot.ts'
import { datasetAsRecorded } from '../store/revisions.ts'
import type { Tracker } from './tracker.ts'

const cache = new WeakMap<Tracker, Map<string, Snapshot>>()

export async function snapshotAsRecorded(tracker: Tracker, date: string): Promise<Snapshot> {
  const current = await tracker.readModel.current()
  let perTracker = cache.get(tracker)
  if (!perTracker) cache.set(tracker, (perTracker = new Map()))
  const key = `${current.version}|${date}`
  const hit = perTracker.get(key)
  if (hit) return hit
  const snapshot = buildSnapshot(await datasetAsRecorded(tracker.store.db, date), current.version)
  if (perTracker.size > 20) perTracker.clear()
  perTracker.set(key, snapshot)
  return snapshot
}
