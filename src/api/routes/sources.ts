/**
 * @module GET /api/sources and /api/sources/{id}: the documents behind the data, and what each
 * supports. The list searches (title, publisher, address), filters by publisher, kind, language
 * and year of publication, sorts by date, publisher or title either way, and gives the facets
 * (the values to filter by, with their counts) so a page can offer them.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { NotFoundError } from '../../model/errors.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { SourceSchema, type Source } from '../../model/source.ts'
import { filterSources, sourceFacets } from '../../model/sourceFilter.ts'
import { eventTypes, localityTypes, sourceKinds } from '../../model/vocab.ts'
import type { AppEnv } from '../context.ts'
import { tagged } from '../recordTag.ts'
import { errorResponses, json, notFound } from '../openapi.ts'
import { csvList, page, paging, recordedAsOf } from '../params.ts'
import { snapshotAsRecorded } from '../../service/recorded.ts'
import { ClaimView, claimView } from '../views.ts'

export const SourceItem = SourceSchema.extend({ claims: z.number().int(), version: z.number().int(), updated_at: z.string().nullable() }).meta({ id: 'SourceItem' })
const SupportSubject = z
  .object({
    event_type: z.string().nullable().describe('For a claim about an event: its type.'),
    event_label: z.string().nullable(),
    date: z.string().nullable().describe("The event's date, or the date the claim gives: what the list is sorted by."),
    project_id: z.string().nullable().describe('The project the claim is about (directly or through its event).'),
    locality: z.object({ id: z.string(), name: z.string(), hangul: z.string(), type: z.string() }).nullable(),
    year: z.number().nullable().describe("The project's policy year (null for the pilot or when not about a project)."),
  })
  .meta({ id: 'SupportSubject' })

export const SourceDetail = SourceItem.extend({
  supports: z
    .array(ClaimView.extend({ subject_label: z.string().describe('In English, e.g. "Groundbreaking at Myonggan County, 2026".'), subject: SupportSubject }))
    .describe('The claims of the source, by date of what they are about (oldest first).'),
}).meta({ id: 'SourceDetail' })

const SourceQuery = z.object({
  kind: csvList(sourceKinds.schema),
  q: z.string().min(1).max(200).optional().describe('Search publisher, title and URL.'),
  language: z.string().max(12).optional(),
  publisher: z.string().min(1).max(200).optional().describe('Only sources of this publisher (as recorded, e.g. "KCNA").'),
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('Only sources published in this year.'),
  sort: z.enum(['published', '-published', 'publisher', '-publisher', 'title', '-title']).default('-published').describe('By publication date, publisher or title; "-" for descending.'),
  ...paging,
})

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }))
const SourceFacets = z
  .object({ publisher: Facet, kind: Facet, language: Facet, year: Facet })
  .describe('The values to filter by among all sources, with how many sources have each (at most 200 publishers, the most cited first).')
  .meta({ id: 'SourceFacets' })

/** Facets depend only on the snapshot: computed once per data version. */
const facetCache = new WeakMap<Snapshot, z.infer<typeof SourceFacets>>()
function facetsOf(s: Snapshot): z.infer<typeof SourceFacets> {
  let f = facetCache.get(s)
  if (!f) {
    const all = s.dataset.sources
    f = sourceFacets(all)
    facetCache.set(s, f)
  }
  return f
}

function item(s: Snapshot, src: Source) {
  const m = s.meta.get(`source:${src.id}`)
  return { ...src, claims: s.claimsBySource.get(src.id)?.length ?? 0, version: m?.version ?? 1, updated_at: m?.updated_at ?? null }
}

/** "Songchon County", from the gazetteer. */
function placeTitle(s: Snapshot, id: string): string {
  const l = s.localities.get(id)
  return l ? `${l.plain} ${localityTypes.labels[l.type]}` : id
}

/** What a claim is about, as the page words it: the event, the project's place and year. */
export function supportSubject(s: Snapshot, type: string, id: string, claimDate: string | null): z.infer<typeof SupportSubject> {
  const e = type === 'event' ? s.events.get(id) : undefined
  const projectId = type === 'project' ? id : (e?.project_id ?? null)
  const p = projectId ? s.projects.get(projectId) : undefined
  const l = type === 'locality' ? s.localities.get(id) : p ? s.localities.get(p.locality_id) : undefined
  const localityId = type === 'locality' ? id : (p?.locality_id ?? null)
  return {
    event_type: e?.type ?? null,
    event_label: e?.label ?? null,
    date: e?.date ?? claimDate ?? (p?.year ? String(p.year) : null),
    project_id: projectId,
    locality: localityId ? { id: localityId, name: l?.plain ?? localityId, hangul: l?.hangul ?? '', type: l?.type ?? 'county' } : null,
    year: p?.year ?? null,
  }
}

/** "Groundbreaking at Myonggan County, 2026", "Songchon County, 2024 project" — what a claim is about, in words. */
export function subjectLabel(s: Snapshot, type: string, id: string): string {
  const yearOf = (year: number | null | undefined) => (year ? String(year) : 'pilot')
  if (type === 'project') {
    const p = s.projects.get(id)
    return p ? `${placeTitle(s, p.locality_id)}, ${yearOf(p.year)} project` : id
  }
  if (type === 'event') {
    const e = s.events.get(id)
    if (!e) return id
    const p = e.project_id ? s.projects.get(e.project_id) : undefined
    const what = `${eventTypes.labels[e.type]}${e.label ? ` (${e.label})` : ''}`
    return p ? `${what} at ${placeTitle(s, p.locality_id)}, ${yearOf(p.year)}` : `${what}, ${s.programs.get(e.program_id ?? '')?.short_name ?? e.program_id}`
  }
  if (type === 'locality') return placeTitle(s, id)
  if (type === 'source') return s.sources.get(id)?.title ?? id
  return `${type} ${id}`
}

const list = createRoute({
  method: 'get',
  path: '/api/sources',
  tags: ['sources'],
  summary: 'Sources (documents) cited by the data',
  request: { query: SourceQuery },
  responses: { 200: json(z.object({ items: z.array(SourceItem), total: z.number().int(), facets: SourceFacets }).meta({ id: 'SourceList' }), 'Matching sources.'), ...errorResponses },
})
const one = createRoute({
  method: 'get',
  path: '/api/sources/{id}',
  tags: ['sources'],
  summary: 'One source and every claim it supports',
  request: { params: z.object({ id: z.string().max(160) }), query: z.object({ as_of: recordedAsOf }) },
  responses: { 200: json(SourceDetail, 'The source; its ETag works as If-Match for PATCH and DELETE.'), ...notFound, ...errorResponses },
})

export function registerSources(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    const items = filterSources(s.dataset.sources, q)
    const p = page(items, q.limit, q.offset)
    return c.json({ items: p.items.map((x) => item(s, x)), total: p.total, facets: facetsOf(s) }, 200)
  })
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const { as_of } = c.req.valid('query')
    const s = as_of ? await snapshotAsRecorded(c.var.tracker, as_of) : await c.var.tracker.readModel.current()
    const src = s.sources.get(id)
    if (!src) throw new NotFoundError(as_of ? `source "${id}" was not recorded on ${as_of}` : `no source with id "${id}"`)
    const supports = (s.claimsBySource.get(id) ?? [])
      .map((cl) => ({ ...claimView(s, cl), subject_label: subjectLabel(s, cl.subject_type, cl.subject_id), subject: supportSubject(s, cl.subject_type, cl.subject_id, cl.field === 'date' && typeof cl.value === 'string' ? cl.value : null) }))
      // By the date of what each is about (undated last), then by what it is about.
      .sort((a, b) => (a.subject.date === null) !== (b.subject.date === null) ? (a.subject.date === null ? 1 : -1) : (a.subject.date ?? '').localeCompare(b.subject.date ?? '') || a.subject_label.localeCompare(b.subject_label) || a.id.localeCompare(b.id))
    return c.json(tagged(c, { ...item(s, src), supports }), 200)
  })
}
