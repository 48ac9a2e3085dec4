/**
 * @module A dataset: a consistent set of records of every entity, as parsed from a file or read
 * from the store. Importers produce one; the store writes one; exports serialize one.
 */
import type { Claim } from './claim.ts'
import type { Event } from './event.ts'
import type { Locality } from './locality.ts'
import type { Program } from './program.ts'
import type { Project } from './project.ts'
import type { Province } from './province.ts'
import type { Source } from './source.ts'

export interface Dataset {
  programs: Program[]
  provinces: Province[]
  localities: Locality[]
  sources: Source[]
  projects: Project[]
  events: Event[]
  claims: Claim[]
}

export const entityNames = ['programs', 'provinces', 'localities', 'sources', 'projects', 'events', 'claims'] as const
export type EntityName = (typeof entityNames)[number]

/** Singular names, as used in revisions and claim subjects. */
export const entityTypeOf: Record<EntityName, string> = {
  programs: 'program',
  provinces: 'province',
  localities: 'locality',
  sources: 'source',
  projects: 'project',
  events: 'event',
  claims: 'claim',
}

export function emptyDataset(): Dataset {
  return { programs: [], provinces: [], localities: [], sources: [], projects: [], events: [], claims: [] }
}

/** The table of an entity type, as written in revisions and claim subjects ("project" → projects). */
export const entityOfType: Record<string, EntityName> = Object.fromEntries(Object.entries(entityTypeOf).map(([entity, type]) => [type, entity as EntityName]))
