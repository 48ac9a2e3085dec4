/**
 * @module What a revision is about, for feeds people subscribe to: the projects, localities,
 * provinces and event types a change concerns (an event's project, a claim's subject, a project's
 * locality and its province), read from the revision's own before/after and the current snapshot.
 */
import type { Snapshot } from '../model/snapshot.ts'
import type { RevisionRow } from '../store/revisions.ts'

export interface ChangeFilter {
  province?: string
  locality?: string
  project?: string
  /** An event type: changes to events of that type, and to claims about them. */
  type?: string
}

export interface Concerns {
  projects: Set<string>
  localities: Set<string>
  provinces: Set<string>
  types: Set<string>
}

type Rec = Record<string, unknown> | null

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null)

/** The projects, places and event types one revision concerns. */
export function concernsOf(r: RevisionRow, snap: Snapshot): Concerns {
  const c: Concerns = { projects: new Set(), localities: new Set(), provinces: new Set(), types: new Set() }
  const addProject = (id: string | null, rec?: Rec) => {
    if (!id) return
    c.projects.add(id)
    addLocality(str(rec?.locality_id) ?? snap.projects.get(id)?.locality_id ?? null)
  }
  const addLocality = (id: string | null) => {
    if (!id) return
    c.localities.add(id)
    const province = snap.localities.get(id)?.province
    if (province) c.provinces.add(province)
  }
  const addEvent = (id: string | null, rec?: Rec) => {
    if (!id) return
    const event = snap.events.get(id)
    const type = str(rec?.type) ?? event?.type ?? null
    if (type) c.types.add(type)
    addProject(str(rec?.project_id) ?? event?.project_id ?? null)
  }
  for (const rec of [r.before, r.after] as Rec[]) {
    switch (r.entity_type) {
      case 'project':
        addProject(r.entity_id, rec)
        break
      case 'event':
        addEvent(r.entity_id, rec)
        break
      case 'locality':
        addLocality(r.entity_id)
        break
      case 'province':
        c.provinces.add(r.entity_id)
        break
      case 'claim': {
        const type = str(rec?.subject_type) ?? snap.claims.get(r.entity_id)?.subject_type ?? null
        const id = str(rec?.subject_id) ?? snap.claims.get(r.entity_id)?.subject_id ?? null
        if (type === 'project') addProject(id)
        else if (type === 'event') addEvent(id)
        else if (type === 'locality') addLocality(id)
        break
      }
    }
  }
  return c
}

export function hasFilter(f: ChangeFilter): boolean {
  return Boolean(f.province || f.locality || f.project || f.type)
}

/** Whether a revision passes every filter given. */
export function matches(r: RevisionRow, f: ChangeFilter, snap: Snapshot): boolean {
  const c = concernsOf(r, snap)
  if (f.project && !c.projects.has(f.project)) return false
  if (f.locality && !c.localities.has(f.locality)) return false
  if (f.province && !c.provinces.has(f.province)) return false
  if (f.type && !c.types.has(f.type)) return false
  return true
}
