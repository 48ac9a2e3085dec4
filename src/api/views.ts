/**
 * @module What the API returns for each record: the stored fields plus what readers need beside
 * them (derived status, locality names, key dates, sources, conflicts), with their zod schemas
 * for the OpenAPI document.
 */
import { z } from 'zod'
import { keyDates } from '../analysis/keyDates.ts'
import { projectStatus } from '../analysis/projectStatus.ts'
import { ClaimSchema, valuesDisagree, type Claim } from '../model/claim.ts'
import { EventSchema, type Event } from '../model/event.ts'
import { LocalitySchema, type Locality } from '../model/locality.ts'
import { precisionOf } from '../model/partialDate.ts'
import { ProjectSchema, type Project } from '../model/project.ts'
import { ProvinceSchema } from '../model/province.ts'
import { claimsOf, type Snapshot } from '../model/snapshot.ts'
import { SourceSchema, type Source } from '../model/source.ts'
import { statuses } from '../model/vocab.ts'

const RecordMeta = { version: z.number().int(), updated_at: z.string().nullable() }

export const LocalityRef = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    hangul: z.string(),
    mr: z.string(),
    rr: z.string(),
    province_id: z.string(),
    province: z.string(),
    coord: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  })
  .meta({ id: 'LocalityRef' })

export const KeyDatesSchema = z
  .object({
    announced: z.string().nullable(),
    groundbreaking: z.string().nullable(),
    finished: z.string().nullable(),
    finished_type: z.enum(['inauguration', 'completion', 'production_start']).nullable(),
    leader_visits: z.number().int(),
  })
  .meta({ id: 'KeyDates' })

export const ProjectItem = ProjectSchema.extend({
  status: statuses.schema.nullable().describe('Derived from events and stated claims; null when nothing was known by the as-of date.'),
  status_basis: z.enum(['events', 'claim', 'none']),
  locality: LocalityRef,
  dates: KeyDatesSchema,
  sources: z.number().int().describe('Number of distinct sources behind the project and its events.'),
  conflicts: z.number().int().describe('Fields whose claims disagree.'),
  ...RecordMeta,
}).meta({ id: 'ProjectItem' })
export type ProjectItem = z.infer<typeof ProjectItem>

export const SourceRef = SourceSchema.pick({ id: true, kind: true, publisher: true, title: true, url: true, published: true, language: true }).meta({
  id: 'SourceRef',
})

export const ClaimView = ClaimSchema.extend({ source: SourceRef.nullable() }).meta({ id: 'ClaimView' })

export const ConflictView = z
  .object({
    subject_type: z.string(),
    subject_id: z.string(),
    field: z.string(),
    values: z.array(z.object({ value: z.unknown(), claims: z.array(z.string()), preferred: z.boolean() })),
    settled: z.boolean().describe('True when one claim is preferred.'),
  })
  .meta({ id: 'Conflict' })

export const EventView = EventSchema.extend({
  precision: z.enum(['day', 'month', 'year']),
  claims: z.array(ClaimView),
  ...RecordMeta,
}).meta({ id: 'EventView' })

export const ProjectDetail = ProjectItem.extend({
  events: z.array(EventView),
  claims: z.array(ClaimView),
  conflict_list: z.array(ConflictView),
  source_list: z.array(SourceRef),
}).meta({ id: 'ProjectDetail' })

export const LocalityItem = LocalitySchema.extend({
  province_name: z.string(),
  projects: z.array(z.object({ id: z.string(), year: z.number().nullable(), kinds: z.array(z.string()), counted: z.boolean(), status: statuses.schema.nullable() })),
  ...RecordMeta,
}).meta({ id: 'LocalityItem' })

export const ProvinceItem = ProvinceSchema.extend({
  localities: z.number().int(),
  reached: z.number().int(),
}).meta({ id: 'ProvinceItem' })

function meta(snapshot: Snapshot, type: string, id: string) {
  const m = snapshot.meta.get(`${type}:${id}`)
  return { version: m?.version ?? 1, updated_at: m?.updated_at ?? null }
}

export function localityRef(snapshot: Snapshot, id: string): z.infer<typeof LocalityRef> {
  const l = snapshot.localities.get(id)
  const province = l ? snapshot.provinces.get(l.province) : undefined
  return {
    id,
    name: l?.plain ?? id,
    type: l?.type ?? 'county',
    hangul: l?.hangul ?? '',
    mr: l?.mr ?? '',
    rr: l?.rr ?? '',
    province_id: l?.province ?? id.split('.')[0]!,
    province: province?.plain ?? l?.province ?? '',
    coord: l?.coord ? { lat: l.coord.lat, lon: l.coord.lon } : null,
  }
}

function sourceRef(s: Source): z.infer<typeof SourceRef> {
  return { id: s.id, kind: s.kind, publisher: s.publisher, title: s.title, url: s.url, published: s.published, language: s.language }
}

export function claimView(snapshot: Snapshot, c: Claim) {
  const s = snapshot.sources.get(c.source_id)
  return { ...c, source: s ? sourceRef(s) : null }
}

/** Claims of the project and its events, grouped by subject and field, where values differ. */
export function conflictsOf(snapshot: Snapshot, project: Project): z.infer<typeof ConflictView>[] {
  const subjects: [string, string][] = [['project', project.id], ...(snapshot.eventsByProject.get(project.id) ?? []).map((e): [string, string] => ['event', e.id])]
  const out: z.infer<typeof ConflictView>[] = []
  for (const [type, id] of subjects) {
    const byField = new Map<string, Claim[]>()
    for (const c of claimsOf(snapshot, type, id)) byField.set(c.field, [...(byField.get(c.field) ?? []), c])
    for (const [field, claims] of byField) {
      const values = new Map<string, Claim[]>()
      for (const c of claims) values.set(JSON.stringify(c.value), [...(values.get(JSON.stringify(c.value)) ?? []), c])
      // Dates that differ only in precision ("Dec 2024" and "20 Dec 2024") are not a conflict.
      if (!valuesDisagree(claims.map((c) => c.value))) continue
      out.push({
        subject_type: type,
        subject_id: id,
        field,
        values: [...values].map(([v, cs]) => ({ value: JSON.parse(v) as unknown, claims: cs.map((c) => c.id), preferred: cs.some((c) => c.rank === 'preferred') })),
        settled: claims.some((c) => c.rank === 'preferred'),
      })
    }
  }
  return out
}

function sourcesOf(snapshot: Snapshot, project: Project): Set<string> {
  const ids = new Set<string>()
  for (const c of claimsOf(snapshot, 'project', project.id)) ids.add(c.source_id)
  for (const e of snapshot.eventsByProject.get(project.id) ?? []) for (const c of claimsOf(snapshot, 'event', e.id)) ids.add(c.source_id)
  return ids
}

export function projectItem(
  snapshot: Snapshot,
  project: Project,
  asOf?: string,
  /** Already worked out by the caller (the project page needs the lists too). */
  known: { conflicts?: unknown[]; sources?: Set<string> } = {},
): ProjectItem {
  const status = projectStatus(snapshot, project, asOf)
  const m = meta(snapshot, 'project', project.id)
  // Every field written out, in one order: list filters read these objects tens of thousands
  // of times per request, and objects spread from records built with computed keys ended up
  // in V8's slow dictionary mode (measured: 60× slower property reads at 100× data).
  return {
    id: project.id,
    program_id: project.program_id,
    year: project.year,
    pilot: project.pilot,
    locality_id: project.locality_id,
    label: project.label,
    kinds: [...project.kinds],
    counted: project.counted,
    counted_reason: project.counted_reason,
    notes: project.notes,
    status: status.status,
    status_basis: status.basis,
    locality: localityRef(snapshot, project.locality_id),
    dates: keyDates(snapshot.eventsByProject.get(project.id) ?? [], asOf),
    sources: (known.sources ?? sourcesOf(snapshot, project)).size,
    conflicts: (known.conflicts ?? conflictsOf(snapshot, project)).length,
    version: m.version,
    updated_at: m.updated_at,
  }
}

export function eventView(snapshot: Snapshot, e: Event) {
  return {
    ...e,
    precision: precisionOf(e.date),
    claims: claimsOf(snapshot, 'event', e.id).map((c) => claimView(snapshot, c)),
    ...meta(snapshot, 'event', e.id),
  }
}

export function projectDetail(snapshot: Snapshot, project: Project, asOf?: string) {
  const conflicts = conflictsOf(snapshot, project)
  const sources = sourcesOf(snapshot, project)
  const item = projectItem(snapshot, project, asOf, { conflicts, sources })
  return {
    ...item,
    events: (snapshot.eventsByProject.get(project.id) ?? []).map((e) => eventView(snapshot, e)),
    claims: claimsOf(snapshot, 'project', project.id).map((c) => claimView(snapshot, c)),
    conflict_list: conflicts,
    source_list: [...sources].map((id) => snapshot.sources.get(id)).filter((s): s is Source => Boolean(s)).map(sourceRef),
  }
}

export function localityItem(snapshot: Snapshot, l: Locality, asOf?: string) {
  return {
    ...l,
    province_name: snapshot.provinces.get(l.province)?.plain ?? l.province,
    projects: (snapshot.projectsByLocality.get(l.id) ?? []).map((p) => ({
      id: p.id,
      year: p.year,
      kinds: p.kinds,
      counted: p.counted,
      status: projectStatus(snapshot, p, asOf).status,
    })),
    ...meta(snapshot, 'locality', l.id),
  }
}
