/**
 * @module GET /api/localities (search across every name form, filters) and
 * GET /api/localities/{id} with the projects of the locality; GET /api/provinces with coverage.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { reachedLocalities } from '../../analysis/coverage.ts'
import { NotFoundError } from '../../model/errors.ts'
import { confusableIndex, type ConfusableIndex } from '../../model/names/confusable.ts'
import type { Locality } from '../../model/locality.ts'
import { localityTypes } from '../../model/vocab.ts'
import type { AppEnv } from '../context.ts'
import { tagged } from '../recordTag.ts'
import { errorResponses, json, listOf, notFound } from '../openapi.ts'
import { asOfParam, booleanParam, csvList, page, paging, qParam, recordedAsOf } from '../params.ts'
import { placeSearch } from '../../service/placeSearch.ts'
import { snapshotAsRecorded } from '../../service/recorded.ts'
import { SearchResolution } from '../searchSchema.ts'
import { LocalityItem, localityItem, ProvinceItem } from '../views.ts'
import { checkKnown } from './projects.ts'

export const LocalityDetail = LocalityItem.extend({
  confusable_with: z
    .array(
      z.object({
        id: z.string(),
        plain: z.string(),
        hangul: z.string(),
        type: z.string(),
        province: z.string(),
        province_name: z.string(),
        same_spelling: z.boolean().describe('True: a Latin spelling of one is a spelling of the other (운산군 and 은산군, both "Unsan"); false: the names are one letter apart (성천군 Songchon, 선천군 Sonchon).'),
      }),
    )
    .describe('Other localities a reader may take this one for.'),
}).meta({ id: 'LocalityDetail' })

const LocalityQuery = z.object({
  q: qParam,
  province: csvList(z.string().max(80)).describe('Province id(s).'),
  type: csvList(localityTypes.schema),
  reached: booleanParam.describe('Only localities reached (true) or never reached (false) by a counted project.'),
  program: z.string().min(1).max(120).default('20x10').describe('Program for `reached`.'),
  as_of: asOfParam,
  ...paging,
})

const list = createRoute({
  method: 'get',
  path: '/api/localities',
  tags: ['localities'],
  summary: 'Localities of the gazetteer, searchable across every name form',
  request: { query: LocalityQuery },
  responses: {
    200: json(listOf(LocalityItem, 'LocalityList', { resolved: SearchResolution.optional() }), 'Matching localities.'),
    ...errorResponses,
  },
})
const one = createRoute({
  method: 'get',
  path: '/api/localities/{id}',
  tags: ['localities'],
  summary: 'One locality with its projects',
  request: { params: z.object({ id: z.string().max(160) }), query: z.object({ as_of: recordedAsOf }) },
  responses: { 200: json(LocalityDetail, 'The locality, and the localities it may be confused with; its ETag works as If-Match for PATCH and DELETE.'), ...notFound, ...errorResponses },
})
const provinces = createRoute({
  method: 'get',
  path: '/api/provinces',
  tags: ['localities'],
  summary: 'Provinces with their number of localities and how many are reached',
  request: { query: z.object({ program: z.string().min(1).max(120).default('20x10'), as_of: asOfParam }) },
  responses: { 200: json(listOf(ProvinceItem, 'ProvinceList'), 'Every province.'), ...errorResponses },
})

// One index per version of the gazetteer (the read model's array is replaced on every change).
const indexes = new WeakMap<readonly Locality[], ConfusableIndex>()
function confusablesOf(all: readonly Locality[]): ConfusableIndex {
  let index = indexes.get(all)
  if (!index) indexes.set(all, (index = confusableIndex(all)))
  return index
}

export function registerLocalities(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    checkKnown(s, { province: q.province, program: q.program })
    const program = s.programs.get(q.program)!
    const reached = q.reached === undefined ? null : reachedLocalities(s, program, q.as_of)
    const search = q.q ? placeSearch(s, q.q) : null
    const text = search?.matches
    const items = s.dataset.localities
      .filter((l) => !q.province || q.province.includes(l.province))
      .filter((l) => !q.type || q.type.includes(l.type))
      .filter((l) => reached === null || reached.has(l.id) === q.reached)
      .filter((l) => !text || text(l.id))
      .sort((a, b) => a.province.localeCompare(b.province) || a.plain.localeCompare(b.plain))
    const p = page(items, q.limit, q.offset)
    return c.json({ items: p.items.map((l) => localityItem(s, l, q.as_of)), total: p.total, ...(search ? { resolved: search.resolution } : {}) }, 200)
  })
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const { as_of } = c.req.valid('query')
    const s = as_of ? await snapshotAsRecorded(c.var.tracker, as_of) : await c.var.tracker.readModel.current()
    const l = s.localities.get(id)
    if (!l) throw new NotFoundError(as_of ? `locality "${id}" was not recorded on ${as_of}` : `no locality with id "${id}"`)
    const confusable_with = confusablesOf(s.dataset.localities)(l).map((x) => {
      const o = s.localities.get(x.id)!
      return { id: o.id, plain: o.plain, hangul: o.hangul, type: o.type, province: o.province, province_name: s.provinces.get(o.province)?.plain ?? o.province, same_spelling: x.same_spelling }
    })
    return c.json(tagged(c, { ...localityItem(s, l), confusable_with }), 200)
  })
  app.openapi(provinces, async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    checkKnown(s, { program: q.program })
    const reached = reachedLocalities(s, s.programs.get(q.program)!, q.as_of)
    const items = s.dataset.provinces.map((p) => {
      const ls = s.dataset.localities.filter((l) => l.province === p.id)
      return { ...p, localities: ls.length, reached: ls.filter((l) => reached.has(l.id)).length }
    })
    return c.json({ items, total: items.length }, 200)
  })
}
