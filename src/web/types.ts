/**
 * @module The shapes the web app reads from and sends to the API, all taken from the API's own
 * schemas (type-only imports: nothing of the server reaches the bundle, and nothing is declared twice).
 */
import type { z } from 'zod'
import type { ClaimCreate } from '../service/edit/claims.ts'
import type { EventCreate, EventPatch, ProjectPatch, SourceCreate, SourcePatch } from '../service/edit/records.ts'
import type { RevisionSchema, WriteResult as WriteResultSchema } from '../api/routes/edit.ts'
import type { EventItem as EventItemSchema } from '../api/routes/events.ts'
import type { Health as HealthSchema } from '../api/routes/health.ts'
import type { ProgramItem } from '../api/routes/programs.ts'
import type { SessionInfo as SessionInfoSchema } from '../api/routes/session.ts'
import type { SourceDetail as SourceDetailSchema, SourceItem as SourceItemSchema } from '../api/routes/sources.ts'
import type { Coverage as CoverageSchema, Progress as ProgressSchema, Projection as ProjectionSchema } from '../api/routes/stats.ts'
import type { ClaimView, ConflictView, EventView, LocalityItem, LocalityRef, ProjectDetail, ProjectItem, ProvinceItem, SourceRef } from '../api/views.ts'
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
  resolved?: SearchResolution
}

interface ResolvedPlace {
  level: 'locality' | 'province'
  id: string
  name: string
  hangul: string
  province: { id: string; name: string }
}

/** How a list endpoint read `q` (the API's SearchResolution). */
export interface SearchResolution {
  query: string
  method: 'exact' | 'normalised' | 'fuzzy' | 'ambiguous' | 'substring'
  place: ResolvedPlace | null
  did_you_mean: string | null
  candidates: ResolvedPlace[]
  reason: string | null
  localities: number
}

export type EventItem = z.infer<typeof EventItemSchema>
export type SourceItem = z.infer<typeof SourceItemSchema>
export type SourceDetail = z.infer<typeof SourceDetailSchema>
export type Progress = z.infer<typeof ProgressSchema>
export type Coverage = z.infer<typeof CoverageSchema>
export type Projection = z.infer<typeof ProjectionSchema>
export type ProjectionLine = Projection['started']
export type Health = z.infer<typeof HealthSchema>
export type Program = z.infer<typeof ProgramItem>

/** One recorded change: who, when, why, and the field-by-field diff of an update. */
export type Revision = z.infer<typeof RevisionSchema>
export type Change = Revision
export type SessionInfo = z.infer<typeof SessionInfoSchema>
export type SessionUser = NonNullable<SessionInfo['user']>
export type WriteResult = z.infer<typeof WriteResultSchema>

/** Request bodies of the editing API, as the API validates them. */
export type ProjectPatchBody = z.input<typeof ProjectPatch>
export type EventCreateBody = z.input<typeof EventCreate>
export type EventPatchBody = z.input<typeof EventPatch>
export type SourceCreateBody = z.input<typeof SourceCreate>
export type SourcePatchBody = z.input<typeof SourcePatch>
export type ClaimCreateBody = z.input<typeof ClaimCreate>
