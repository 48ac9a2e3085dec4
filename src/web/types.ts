/**
 * @module The shapes the web app reads from the API. Records come from the API's own schemas
 * (type-only imports); the statistics and the changes feed are written out here.
 */
import type { z } from 'zod'
import type { ClaimView, ConflictView, EventView, LocalityItem, LocalityRef, ProjectDetail, ProjectItem, ProvinceItem, SourceRef } from '../api/views.ts'
import type { Program as ProgramRecord } from '../model/program.ts'
import type { Source } from '../model/source.ts'
import type { Status } from '../model/vocab.ts'

export type Project = ProjectItem
export type ProjectFull = z.infer<typeof ProjectDetail>
export type Claim = z.infer<typeof ClaimView>
export type Conflict = z.infer<typeof ConflictView>
export type EventRecord = z.infer<typeof EventView>
export type Locality = z.infer<typeof LocalityItem>
export type LocalityBrief = z.infer<typeof LocalityRef>
export type Province = z.infer<typeof ProvinceItem>
export type SourceBrief = z.infer<typeof SourceRef>
export type { Status }

export interface List<T> {
  items: T[]
  total: number
  facets?: Record<string, Record<string, number>>
}

export type EventItem = EventRecord & { locality: LocalityBrief | null; project_year: number | null }
export type SourceItem = Source & { claims: number; version: number; updated_at: string | null }
export type SourceDetail = SourceItem & { supports: (Claim & { subject_label: string })[] }

type StatusCounts = Record<Status, number>

export interface Progress {
  program_id: string
  as_of: string | null
  target_per_year: number
  total_target: number
  years: { year: number; target: number; counted: number; by_status: StatusCounts; extra: { project_id: string; locality_id: string; reason: string | null; status: string | null }[] }[]
  cumulative: { counted: number; total_target: number; target_to_date: number; share_of_total: number; by_status: StatusCounts }
  localities_reached: number
  provinces_reached: number
}

export interface Coverage {
  program_id: string
  as_of: string | null
  localities: number
  reached: number
  provinces: { province_id: string; name: string; localities: number; reached: number; share: number; waiting: string[] }[]
  never_reached: { id: string; province_id: string; name: string }[]
  balance: { measure: string; value: number; explanation: string }
}

export interface ProjectionLine {
  done: number
  pace_per_year: number | null
  years_observed: number
  projected_year: number | null
  on_track: boolean | null
  median_days_to_open?: number | null
}

export interface Projection {
  program_id: string
  as_of: string | null
  total_target: number
  end_year: number
  started: ProjectionLine
  operational: ProjectionLine
  method: string
  assumptions: string[]
}

export interface Health {
  status: 'ok'
  engine: string
  data_version: number
  schema_version: number
  started_at: string
  uptime_s: number
}

export type Program = ProgramRecord & { end_year: number; total_target: number; projects: number }

export interface Change {
  id: string | number
  at: string
  actor: string
  entity_type: string
  entity_id: string
  action: string
  comment: string | null
  batch?: string | null
}
