/** @module A project's status in a snapshot, from its events and its stated status claims (model/status.ts), optionally as of a date. */
import { claimsOf, type Snapshot } from '../model/snapshot.ts'
import { deriveStatus, type DerivedStatus } from '../model/status.ts'
import type { Project } from '../model/project.ts'

export function projectStatus(snapshot: Snapshot, project: Pick<Project, 'id'>, asOf?: string): DerivedStatus {
  const events = snapshot.eventsByProject.get(project.id) ?? []
  const claims = claimsOf(snapshot, 'project', project.id)
    .filter((c) => c.field === 'status')
    .map((c) => ({ value: c.value, rank: c.rank, published: snapshot.sources.get(c.source_id)?.published ?? null }))
  return deriveStatus({ events, claims }, asOf)
}
