/**
 * @module /api/reconcile: the gazetteer as a Reconciliation Service API v0.2 endpoint (what
 * OpenRefine speaks). GET or POST (form) with no parameters answers the service manifest; with
 * `queries` a batch of reconciliation queries; with `query` a single one; with `extend` data
 * extension. Also /api/reconcile/suggest/entity, /api/reconcile/properties and
 * /api/reconcile/view/{id} (a redirect to the locality or province page, for people). Everything here is read-only and
 * answers CORS for any origin (OpenRefine runs in a browser); no credentials are involved.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { InvalidInputError, NotFoundError } from '../../model/errors.ts'
import { levelOfId, manifest, publicBase, reconcileBatch, reconcileSingle } from '../../service/reconcile.ts'
import { extend, proposeProperties, suggestEntities } from '../../service/reconcileExtend.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json } from '../openapi.ts'

const Params = z.object({
  queries: z.string().max(1_000_000).optional().describe('A batch of queries as JSON: `{"q0":{"query":"Songchon","type":"locality","limit":3,"properties":[{"pid":"province","v":"South Pyongan"}]}}`; at most 100.'),
  query: z.string().max(10_000).optional().describe('One query: plain text, or one query object as JSON.'),
  extend: z.string().max(1_000_000).optional().describe('Data extension as JSON: `{"ids":["south-pyongan.songchon"],"properties":[{"id":"hangul"},{"id":"province"},{"id":"coordinates"}]}`.'),
})

const Answer = z.record(z.string(), z.unknown()).meta({ id: 'ReconcileAnswer', description: 'The service manifest, a batch of results `{key: {result: [{id, name, description, score, match, type}]}}`, a single `{result}`, or a data extension `{meta, rows}` — as the Reconciliation Service API v0.2 defines them.' })

const description =
  'Reconciliation Service API v0.2 (W3C Entity Reconciliation CG), for OpenRefine: without parameters, the manifest; `queries` for a batch; `extend` for data extension. Types `locality` and `province`; the property `province` narrows a query. `match` is true only when the resolver took the text for the place exactly or after normalisation (never for a typo or an ambiguous name).'

const getRoute = createRoute({ method: 'get', path: '/api/reconcile', tags: ['reconcile'], summary: 'Reconcile place names (manifest, queries, extension)', description, request: { query: Params }, responses: { 200: json(Answer, 'Manifest, results or extension.'), ...errorResponses } })
const postRoute = createRoute({
  method: 'post',
  path: '/api/reconcile',
  tags: ['reconcile'],
  summary: 'Reconcile place names (form-encoded, as OpenRefine posts them)',
  description,
  request: { body: { content: { 'application/x-www-form-urlencoded': { schema: Params } }, required: false } },
  responses: { 200: json(Answer, 'Manifest, results or extension.'), ...errorResponses },
})
const suggestRoute = createRoute({
  method: 'get',
  path: '/api/reconcile/suggest/entity',
  tags: ['reconcile'],
  summary: 'Suggest places for a typed prefix (auto-complete)',
  request: { query: z.object({ prefix: z.string().max(200).default(''), cursor: z.coerce.number().int().min(0).max(10_000).default(0) }) },
  responses: { 200: json(z.object({ result: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), notable: z.array(z.object({ id: z.string(), name: z.string() })) })) }).meta({ id: 'ReconcileSuggest' }), 'Suggestions, ten a page.'), ...errorResponses },
})
const propertiesRoute = createRoute({
  method: 'get',
  path: '/api/reconcile/properties',
  tags: ['reconcile'],
  summary: 'Properties data extension can fetch for a type',
  request: { query: z.object({ type: z.string().max(100).optional(), limit: z.coerce.number().int().min(0).max(100).optional() }) },
  responses: { 200: json(z.object({ type: z.string(), properties: z.array(z.object({ id: z.string(), name: z.string() })) }).meta({ id: 'ReconcileProperties' }), 'The properties.'), ...errorResponses },
})
/** Read-only and credential-free, so any origin may read the answers. */
const cors: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    return c.body(null, 204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '86400',
    })
  }
  await next()
  c.res.headers.set('Access-Control-Allow-Origin', '*')
  c.res.headers.append('Vary', 'Origin')
}

async function answer(c: Context<AppEnv>, params: z.infer<typeof Params>) {
  const given = (['queries', 'query', 'extend'] as const).filter((k) => params[k] !== undefined)
  if (given.length > 1) throw new InvalidInputError(`give one of queries, query or extend, not ${given.join(' and ')}`)
  if (given.length === 0) return c.json(manifest(publicBase(c.var.tracker.config)), 200)
  const snapshot = await c.var.tracker.readModel.current()
  if (params.queries !== undefined) return c.json(reconcileBatch(snapshot, params.queries), 200)
  if (params.query !== undefined) return c.json(reconcileSingle(snapshot, params.query), 200)
  return c.json(extend(snapshot, params.extend!), 200)
}

export function registerReconcile(app: OpenAPIHono<AppEnv>): void {
  app.use('/api/reconcile', cors)
  app.use('/api/reconcile/*', cors)
  app.openapi(getRoute, (c) => answer(c, c.req.valid('query')))
  app.openapi(postRoute, async (c) => answer(c, c.req.valid('form') ?? {}))
  app.openapi(suggestRoute, async (c) => {
    const { prefix, cursor } = c.req.valid('query')
    return c.json(suggestEntities(await c.var.tracker.readModel.current(), prefix, cursor), 200)
  })
  app.openapi(propertiesRoute, (c) => {
    const { type, limit } = c.req.valid('query')
    return c.json(proposeProperties(type, limit), 200)
  })
  // A link target for people (the manifest's view URL), not an API answer: left out of the OpenAPI document.
  app.get('/api/reconcile/view/:id', async (c) => {
    const id = c.req.param('id')
    if (id.length > 200) throw new InvalidInputError('id: too long')
    const s = await c.var.tracker.readModel.current()
    const level = levelOfId(s, id)
    if (!level) throw new NotFoundError(`no locality or province with id "${id}"`)
    return c.redirect(`${publicBase(c.var.tracker.config)}/${level === 'province' ? 'provinces' : 'localities'}/${encodeURIComponent(id)}`, 302)
  })
}
