/**
 * @module Everything a read-model snapshot holds, as plain data that toEqual compares: maps by key
 * (their iteration order is not part of the contract), the sizes of the maps and groups.
 */
import type { Snapshot } from '../../src/model/snapshot.ts'

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0)
const asObject = (m: ReadonlyMap<string, unknown>) => Object.fromEntries([...m].sort(byKey))

export function plainSnapshot(s: Snapshot) {
  return {
    version: s.version,
    dataset: s.dataset,
    programs: asObject(s.programs),
    provinces: asObject(s.provinces),
    localities: asObject(s.localities),
    sources: asObject(s.sources),
    projects: asObject(s.projects),
    events: asObject(s.events),
    claims: asObject(s.claims),
    eventsByProject: asObject(s.eventsByProject),
    programEvents: s.programEvents,
    claimsBySubject: asObject(s.claimsBySubject),
    claimsBySource: asObject(s.claimsBySource),
    projectsByLocality: asObject(s.projectsByLocality),
    meta: asObject(s.meta),
    sizes: [s.programs.size, s.provinces.size, s.localities.size, s.sources.size, s.projects.size, s.events.size, s.claims.size, s.meta.size, s.claimsBySubject.size, s.eventsByProject.size],
  }
}
