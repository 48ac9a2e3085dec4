/**
 * @module The JSON export: the document format of docs/data-format.md (projects carry their
 * events and claims), which `tracker import --format json` reads back.
 */
import type { Claim } from '../model/claim.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { claimsOf } from '../model/snapshot.ts'

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id)

function claimDoc(c: Claim) {
  return {
    id: c.id,
    field: c.field,
    value: c.value,
    source: c.source_id,
    quote: c.quote,
    said: c.said,
    rank: c.rank,
    reason: c.reason,
    first_seen: c.first_seen,
    last_seen: c.last_seen,
  }
}

export interface JsonExportOptions {
  /** Only these projects (a filtered view); programs, gazetteer and sources are still included. */
  projectIds?: ReadonlySet<string>
}

export function datasetDocument(snapshot: Snapshot, options: JsonExportOptions = {}) {
  const ds = snapshot.dataset
  const claims = (type: string, id: string) => claimsOf(snapshot, type, id).slice().sort(byId).map(claimDoc)
  const eventDoc = (e: (typeof ds.events)[number]) => ({
    id: e.id,
    ...(e.project_id === null ? { program: e.program_id } : {}),
    type: e.type,
    label: e.label,
    date: e.date,
    leader_present: e.leader_present,
    notes: e.notes,
    claims: claims('event', e.id),
  })
  return {
    format: '20x10-tracker/1' as const,
    programs: ds.programs.slice().sort(byId).map((p) => ({ ...p, claims: claims('program', p.id) })),
    provinces: ds.provinces.slice().sort(byId),
    localities: ds.localities.slice().sort(byId).map((l) => ({ ...l, claims: claims('locality', l.id) })),
    sources: ds.sources.slice().sort(byId),
    projects: ds.projects
      .filter((p) => !options.projectIds || options.projectIds.has(p.id))
      .sort(byId)
      .map((p) => ({
        id: p.id,
        program: p.program_id,
        year: p.year,
        pilot: p.pilot,
        locality: p.locality_id,
        label: p.label,
        kinds: p.kinds,
        counted: p.counted,
        counted_reason: p.counted_reason,
        notes: p.notes,
        claims: claims('project', p.id),
        events: (snapshot.eventsByProject.get(p.id) ?? []).slice().sort(byId).map(eventDoc),
      })),
    program_events: snapshot.programEvents.slice().sort(byId).map(eventDoc),
  }
}

export function datasetJson(snapshot: Snapshot, options: JsonExportOptions = {}): string {
  return `${JSON.stringify(datasetDocument(snapshot, options), null, 2)}\n`
}
