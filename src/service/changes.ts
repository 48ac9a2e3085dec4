/**
 * @module What changed in the record: recent revisions (newest first), optionally only those about
 * one province, locality, project or event type, and one revision by id.
 */
import { recentChanges, revisionById, type RevisionRow } from '../store/revisions.ts'
import { hasFilter, matches, type ChangeFilter } from './changeFilter.ts'
import type { Tracker } from './tracker.ts'

export type { RevisionRow } from '../store/revisions.ts'
export type { ChangeFilter } from './changeFilter.ts'

/** A filtered list reads at most this many of the newest revisions (bounded work per request). */
export const FILTER_SCAN_LIMIT = 20_000
const PAGE = 1_000

export async function listChanges(
  tracker: Tracker,
  opts: Parameters<typeof recentChanges>[1] & { filter?: ChangeFilter },
): Promise<{ items: RevisionRow[]; total: number; scanned_all: boolean }> {
  const { filter, ...page } = opts
  if (!filter || !hasFilter(filter)) return { ...(await recentChanges(tracker.store.db, page)), scanned_all: true }
  const snap = await tracker.readModel.current()
  const wanted = (page.offset ?? 0) + page.limit
  const found: RevisionRow[] = []
  let total = 0
  let scanned = 0
  let available = Infinity
  while (scanned < Math.min(available, FILTER_SCAN_LIMIT)) {
    const chunk = await recentChanges(tracker.store.db, { ...(page.sinceTime ? { sinceTime: page.sinceTime } : {}), ...(page.sinceId !== undefined ? { sinceId: page.sinceId } : {}), limit: Math.min(PAGE, FILTER_SCAN_LIMIT - scanned), offset: scanned })
    available = chunk.total
    if (chunk.items.length === 0) break
    scanned += chunk.items.length
    for (const r of chunk.items) {
      if (!matches(r, filter, snap)) continue
      total++
      if (found.length < wanted) found.push(r)
    }
  }
  return { items: found.slice(page.offset ?? 0), total, scanned_all: scanned >= available }
}

export function changeById(tracker: Tracker, id: number): Promise<RevisionRow | null> {
  return revisionById(tracker.store.db, id)
}
