/**
 * @module What changed in the record: recent revisions (newest first), optionally only those about
 * one province, locality, project or event type; how many records each write touched in all (a
 * page shows only some of a large write's revisions); and one revision by id.
 */
import { batchCounts, recentChanges, revisionById, type RevisionRow } from '../store/revisions.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { localityTypes } from '../model/vocab.ts'
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

/** What one write (revision batch) touched in all: the number of records and how many of each type. */
export interface BatchSize {
  batch: string
  records: number
  by_type: Record<string, number>
}

/** The true sizes of the writes the given revisions belong to (at most one query, bounded by the page). */
export async function batchSizes(tracker: Tracker, revisions: readonly Pick<RevisionRow, 'batch'>[]): Promise<BatchSize[]> {
  const batches = [...new Set(revisions.map((r) => r.batch).filter((b): b is string => !!b))]
  const counts = await batchCounts(tracker.store.db, batches)
  return batches.map((batch) => {
    const by_type = counts.get(batch) ?? {}
    return { batch, records: Object.values(by_type).reduce((a, b) => a + b, 0), by_type }
  })
}

/** The record a change is seen on (a project for its events and claims), in words, with its page. */
export interface ChangeSubject {
  type: 'project' | 'source' | 'locality' | 'province' | 'program'
  id: string
  /** The web page of the record, e.g. /projects/20x10.2026.north-hamgyong.musan. */
  page: string
  /** In English: "Musan County 2026", "Songchon County", the source's title. */
  title: string
  /** The place, for projects and localities: its names for either language. */
  locality: { id: string; name: string; hangul: string; type: string } | null
  year: number | null
  kinds: string[]
}

/** The page record of a revision, from the record as it is now or as the revision wrote it (deleted since). */
export function changeSubject(snap: Snapshot, r: Pick<RevisionRow, 'entity_type' | 'entity_id' | 'before' | 'after'>): ChangeSubject | null {
  const rec = (r.after ?? r.before ?? {}) as Record<string, unknown>
  const enc = encodeURIComponent
  const place = (id: string) => {
    const l = snap.localities.get(id)
    return l ? { id, name: l.plain, hangul: l.hangul ?? '', type: l.type } : null
  }
  const placeTitle = (loc: ChangeSubject['locality'], fallback: string) => (loc ? `${loc.name} ${localityTypes.labels[loc.type as keyof typeof localityTypes.labels] ?? ''}`.trim() : fallback)
  const project = (id: string, fallback?: Record<string, unknown>): ChangeSubject => {
    const p = snap.projects.get(id) ?? (fallback as { locality_id?: string; year?: number | null; kinds?: string[] } | undefined)
    const loc = p?.locality_id ? place(p.locality_id) : null
    const year = p?.year ?? null
    return { type: 'project', id, page: `/projects/${enc(id)}`, title: `${placeTitle(loc, id)}${year ? ` ${year}` : ''}`, locality: loc, year, kinds: [...(p?.kinds ?? [])] }
  }
  const subjectOf = (type: string, id: string, fallback?: Record<string, unknown>): ChangeSubject | null => {
    switch (type) {
      case 'project':
        return project(id, fallback)
      case 'event': {
        const e = snap.events.get(id)
        const projectId = (e?.project_id ?? (fallback?.project_id as string | undefined) ?? (id.includes('~') ? id.split('~')[0] : null)) || null
        return projectId ? project(projectId) : null
      }
      case 'source': {
        const src = snap.sources.get(id)
        return { type: 'source', id, page: `/sources/${enc(id)}`, title: String(src?.title ?? fallback?.title ?? id), locality: null, year: null, kinds: [] }
      }
      case 'locality': {
        const loc = place(id)
        return { type: 'locality', id, page: `/localities/${enc(id)}`, title: placeTitle(loc, id), locality: loc, year: null, kinds: [] }
      }
      case 'province':
        return { type: 'province', id, page: `/provinces/${enc(id)}`, title: snap.provinces.get(id)?.plain ?? String(fallback?.plain ?? id), locality: null, year: null, kinds: [] }
      case 'program':
        return { type: 'program', id, page: '/', title: snap.programs.get(id)?.name ?? String(fallback?.name ?? id), locality: null, year: null, kinds: [] }
      default:
        return null
    }
  }
  if (r.entity_type === 'claim') return rec.subject_type && rec.subject_id ? subjectOf(String(rec.subject_type), String(rec.subject_id)) : null
  return subjectOf(r.entity_type, r.entity_id, rec)
}
