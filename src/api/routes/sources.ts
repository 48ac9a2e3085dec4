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
import { sourceKinds } from '../../model/vocab.ts'
import type { AppEnv } from '../context.ts'
import { tagged } from '../recordTag.ts'
import { errorResponses, json, notFound } from '../openapi.ts'
import { csvList, page, paging, recordedAsOf } from '../params.ts'
import { snapshotAsRecorded } from '../../service/recorded.ts'
import { fold } from '../../service/placeSearch.ts'
import { ClaimView, claimView } from '../views.ts'

export const SourceItem = SourceSchema.extend({ claims: z.number().int(), version: z.number().int(), updated_at: z.string().nullable() }).meta({ id: 'SourceItem' })
export const SourceDetail = SourceItem.extend({
  supports: z.array(ClaimView.extend({ subject_label: z.string() })),
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

function facet(values: (string | null | undefined)[], limit = 200): { value: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit)
}

/** Facets depend only on the snapshot: computed once per data version. */
const facetCache = new WeakMap<Snapshot, z.infer<typeof SourceFacets>>()
function facetsOf(s: Snapshot): z.infer<typeof SourceFacets> {
  let f = facetCache.get(s)
  if (!f) {
    const all = s.dataset.sources
    f = {
      publisher: facet(all.map((x) => x.publisher)),
      kind: facet(all.map((x) => x.kind)),
      language: facet(all.map((x) => x.language)),
      year: facet(all.map((x) => x.published?.slice(0, 4))).sort((a, b) => b.value.localeCompare(a.value)),
    }
    facetCache.set(s, f)
  }
  return f
}

function item(s: Snapshot, src: Source) {
  const m = s.meta.get(`source:${src.id}`)
  return { ...src, claims: s.claimsBySource.get(src.id)?.length ?? 0, version: m?.version ?? 1, updated_at: m?.updated_at ?? null }
}

/** "Songchon County, 2024 project" / "groundbreaking of …" — what a claim is about, in words. */
export function subjectLabel(s: Snapshot, type: string, id: string): string {
  if (type === 'project') {
    const p = s.projects.get(id)
    const l = p ? s.localities.get(p.locality_id) : undefined
    return p ? `${l?.plain ?? p.locality_id} ${p.year ?? 'pilot'}` : id
  }
  if (type === 'event') {
    const e = s.events.get(id)
    if (!e) return id
    const p = e.project_id ? s.projects.get(e.project_id) : undefined
    const l = p ? s.localities.get(p.locality_id) : undefined
    return `${e.type.replace(/_/g, ' ')}${e.label ? ` (${e.label})` : ''}, ${p ? `${l?.plain ?? p.locality_id} ${p.year ?? 'pilot'}` : e.program_id}`
  }
  if (type === 'locality') return s.localities.get(id)?.plain ?? id
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
    const key = q.q ? fold(q.q) : ''
    const items = s.dataset.sources
      .filter((x) => !q.kind || q.kind.includes(x.kind))
      .filter((x) => !q.language || x.language === q.language)
      .filter((x) => !q.publisher || x.publisher === q.publisher)
      .filter((x) => q.year === undefined || x.published?.slice(0, 4) === String(q.year))
      .filter((x) => !key || fold(`${x.publisher}|${x.title}|${x.url ?? ''}|${x.id}`).includes(key))
    const dir = q.sort.startsWith('-') ? -1 : 1
    const by = q.sort.replace(/^-/, '') as 'published' | 'publisher' | 'title'
    // Undated sources stay last whichever way the dates run; ties go newest first, then by id.
    const newest = (a: Source, b: Source) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id)
    items.sort((a, b) => {
      if (by === 'published') {
        if (!a.published !== !b.published) return a.published ? -1 : 1
        return dir * (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id)
      }
      return dir * a[by].localeCompare(b[by], 'en', { sensitivity: 'base' }) || newest(a, b)
    })
    const p = page(items, q.limit, q.offset)
    return c.json({ items: p.items.map((x) => item(s, x)), total: p.total, facets: facetsOf(s) }, 200)
  })
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const { as_of } = c.req.valid('query')
    const s = as_of ? await snapshotAsRecorded(c.var.tracker, as_of) : await c.var.tracker.readModel.current()
    const src = s.sources.get(id)
    if (!src) throw new NotFoundError(as_of ? `source "${id}" was not recorded on ${as_of}` : `no source with id "${id}"`)
    const supports = (s.claimsBySource.get(id) ?? []).map((cl) => ({ ...claimView(s, cl), subject_label: subjectLabel(s, cl.subject_type, cl.subject_id) }))
    return c.json(tagged(c, { ...item(s, src), supports }), 200)
  })
}
