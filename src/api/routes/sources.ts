/** @module GET /api/sources and /api/sources/{id}: the documents behind the data, and what each supports. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { NotFoundError } from '../../model/errors.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { SourceSchema, type Source } from '../../model/source.ts'
import { sourceKinds } from '../../model/vocab.ts'
import type { AppEnv } from '../context.ts'
import { tagged } from '../recordTag.ts'
import { errorResponses, json, listOf, notFound } from '../openapi.ts'
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
  sort: z.enum(['published', '-published', 'publisher']).default('-published'),
  ...paging,
})

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
  responses: { 200: json(listOf(SourceItem, 'SourceList'), 'Matching sources.'), ...errorResponses },
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
      .filter((x) => !key || fold(`${x.publisher}|${x.title}|${x.url ?? ''}|${x.id}`).includes(key))
      .sort((a, b) =>
        q.sort === 'publisher' ? a.publisher.localeCompare(b.publisher) : (q.sort === 'published' ? 1 : -1) * (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id),
      )
    const p = page(items, q.limit, q.offset)
    return c.json({ items: p.items.map((x) => item(s, x)), total: p.total }, 200)
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
