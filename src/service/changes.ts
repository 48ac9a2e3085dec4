/**
 * @module What changed in the record: recent revisions (newest first) and one revision by id.
 */
import { recentChanges, revisionById, type RevisionRow } from '../store/revisions.ts'
import type { Tracker } from './tracker.ts'

export type { RevisionRow } from '../store/revisions.ts'

export function listChanges(tracker: Tracker, opts: Parameters<typeof recentChanges>[1]): Promise<{ items: RevisionRow[]; total: number }> {
  return recentChanges(tracker.store.db, opts)
}

export function changeById(tracker: Tracker, id: number): Promise<RevisionRow | null> {
  return revisionById(tracker.store.db, id)
}
