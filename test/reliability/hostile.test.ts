/**
 * Hostile input: property-based tests (fast-check) that throw generated junk at every route of
 * /api/openapi.json (enumerated from the document, so new routes are covered) and at the three
 * importers — wrong types, huge strings, deep JSON, invalid UTF-8, SQL and HTML injection,
 * unknown parameters, path traversal in static file requests, oversized bodies; and, over a real
 * socket, overlong and mis-encoded query values, huge numbers, header injection, path traversal in
 * export paths and prototype-pollution keys in JSON bodies on every route.
 *
 * Anonymous and viewer requests: never a 5xx, every 4xx in the one error shape, and the data
 * unchanged. Editor requests to the write routes: only 2xx/4xx, and the store still validates
 * (no new validation error, one revision per record version). Importers: each input is accepted
 * or refused with InvalidInputError, never anything else.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { prepareImport, type ImportFormat } from '../../src/service/importService.ts'
import { entityNames, entityTypeOf } from '../../src/model/dataset.ts'
import { InvalidInputError } from '../../src/model/errors.ts'
import { createResolver } from '../../src/model/names/resolve.ts'
import { validateDataset } from '../../src/model/validate.ts'
import { ClaimSchema } from '../../src/model/claim.ts'
import { EventSchema } from '../../src/model/event.ts'
import { LocalitySchema } from '../../src/model/locality.ts'
import { ProgramSchema } from '../../src/model/program.ts'
import { ProjectSchema } from '../../src/model/project.ts'
import { ProvinceSchema } from '../../src/model/province.ts'
import { SourceSchema } from '../../src/model/source.ts'
import { loadDataset } from '../../src/store/loadDataset.ts'
import { bundledApp, type TestApp } from '../support/app.ts'
import { facts, reliabilityRun, report } from './support.ts'

const maxBody = 64 * 1024
const recordSchemas = { programs: ProgramSchema, provinces: ProvinceSchema, localities: LocalitySchema, sources: SourceSchema, projects: ProjectSchema, events: EventSchema, claims: ClaimSchema }
const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000)
const scale = Number(process.env.RELIABILITY_FUZZ_SCALE ?? 1)
const runs = (n: number) => Math.max(1, Math.round(n * scale))
const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url))
const inputDir = fileURLToPath(new URL('../input/', import.meta.url))

// ---------------------------------------------------------------------------------------------
// Routes from the OpenAPI document

interface Route {
  method: string
  path: string
  pathParams: string[]
  query: string[]
  headers: string[]
  /** Media types of the request body, and the JSON body's schema (refs resolved) when it has one. */
  body: { types: string[]; schema: any } | null
}

function routesOf(doc: any): Route[] {
  const resolve = (s: any, depth = 0): any => {
    if (!s || typeof s !== 'object' || depth > 8) return s
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()], depth + 1)
    return s
  }
  const routes: Route[] = []
  for (const [p, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      const params = (op.parameters ?? []) as Array<{ in: string; name: string }>
      const content = op.requestBody?.content ?? null
      routes.push({
        method: method.toUpperCase(),
        path: p,
        pathParams: params.filter((x) => x.in === 'path').map((x) => x.name),
        query: params.filter((x) => x.in === 'query').map((x) => x.name),
        headers: params.filter((x) => x.in === 'header').map((x) => x.name),
        body: content ? { types: Object.keys(content), schema: resolve(content['application/json']?.schema) } : null,
      })
    }
  }
  return routes
}

// ---------------------------------------------------------------------------------------------
// Junk

const injections = [
  "' OR '1'='1",
  "'; DROP TABLE projects; --",
  '1; SELECT pg_sleep(5)',
  "' UNION SELECT password_hash FROM users --",
  '"; DELETE FROM revisions WHERE ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert('x')",
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e\u200b\ufeff',
  '%00',
  '%ff%fe',
  '-1',
  '0',
  '1e400',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '💥'.repeat(300),
  '평안남도 성천군',
  'a'.repeat(5000),
]

const junkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...injections) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
)

const deepJson = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
  fc.integer({ min: 1, max: 5_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  fc.integer({ min: 1, max: 5_000 }).map((d) => `{"comment":"abcd","notes":${'['.repeat(d)}"x"${']'.repeat(d)}}`),
)

/** A value for a JSON schema: often of the right type but hostile, sometimes of the wrong type. */
function valueFor(schema: any, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 3 }), junkString, fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}))
  if (!schema || depth > 3) return wrong
  const variants = (schema.anyOf ?? schema.oneOf) as any[] | undefined
  if (variants?.length) return fc.oneof(wrong, ...variants.map((v) => valueFor(v, depth + 1)))
  let right: fc.Arbitrary<unknown> = wrong
  if (schema.enum) right = fc.constantFrom(...(schema.enum as unknown[]))
  else if (schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'))) right = junkString
  else if (schema.type === 'integer' || schema.type === 'number') right = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1e308))
  else if (schema.type === 'boolean') right = fc.boolean()
  else if (schema.type === 'array') right = fc.array(valueFor(schema.items, depth + 1), { maxLength: 5 })
  else if (schema.type === 'object' && schema.properties) right = objectFor(schema, depth + 1)
  return fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: wrong })
}

function objectFor(schema: any, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries<any>(schema?.properties ?? {})
  const known = fc.record(Object.fromEntries(props.map(([k, v]) => [k, valueFor(v, depth)])), { requiredKeys: [] })
  const extra = fc.dictionary(junkString.filter((k) => k.length < 60), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
  return fc.tuple(known, extra, fc.boolean()).map(([k, e, withExtra]) => (withExtra ? { ...e, ...k } : k))
}

interface Body {
  type: string | null
  data: string | Uint8Array | null
  label: string
}

function bodyFor(route: Route): fc.Arbitrary<Body> {
  const own = route.body?.types.length ? route.body.types : ['application/json']
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<string | null>(...own) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<string | null>('application/json', 'text/plain', 'application/zip', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/json; charset=latin1', 'text/html', null),
    },
  )
  const json = route.body?.schema ? objectFor(route.body.schema).map((o) => JSON.stringify(o)) : fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v))
  const data: fc.Arbitrary<{ data: string | Uint8Array | null; label: string }> = fc.oneof(
    { weight: 5, arbitrary: json.map((d) => ({ data: d, label: 'schema-shaped JSON' })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((v) => ({ data: JSON.stringify(v), label: 'random JSON' })) },
    { weight: 1, arbitrary: deepJson.map((d) => ({ data: d, label: 'deep JSON' })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => ({ data: b, label: 'random bytes' })) },
    { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), new Uint8Array([0xc0, 0xaf]), new Uint8Array([0x50, 0x4b, 3, 4, 0xff]), new Uint8Array([0xed, 0xa0, 0x80])).map((b) => ({ data: b, label: 'invalid UTF-8' })) },
    { weight: 1, arbitrary: junkString.map((s) => ({ data: s, label: 'junk text' })) },
    { weight: 1, arbitrary: fc.constant({ data: null, label: 'no body' }) },
  )
  return fc.tuple(contentType, data).map(([type, d]) => ({ type, ...d }))
}

/** Percent-encodes any string, lone surrogates included (as U+FFFD), or passes raw escapes through. */
function encodeSegment(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'))
}
const rawEscapes = fc.constantFrom('%00', '%ff', '%c0%af', '%2e%2e', '%2f', '%5c', '%252e%252e%252f', '..%2f..%2f', '%', '%zz', '%e0%80%80')

interface Req {
  url: string
  method: string
  headers: Record<string, string>
  body: Body
}

const latin1 = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '').slice(0, 2000)

function requestFor(route: Route, ids: string[]): fc.Arbitrary<Req> {
  const segment = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 4, arbitrary: junkString.map(encodeSegment) }, { weight: 1, arbitrary: rawEscapes })
  const pathValues = fc.array(segment, { minLength: route.pathParams.length, maxLength: route.pathParams.length })
  const queryKeys = fc.constantFrom(...route.query, 'unknown', 'limit', 'offset', '__proto__', "name'--", '<b>', 'dry_run')
  const query = fc.array(fc.tuple(queryKeys, fc.oneof(junkString, fc.constantFrom('true', 'false', '2025', '20x10', 'csv', 'json', 'wiki'))), { maxLength: 5 })
  const headers = fc.record(
    {
      'if-match': fc.oneof(fc.constantFrom('1', '2', '3', '"1"'), fc.integer({ min: -5, max: 1_000_000_000 }).map(String), junkString.map(latin1), fc.constantFrom('"1"', 'W/"2"', '*', '')),
      'if-none-match': junkString.map(latin1),
      'x-csrf-token': junkString.map(latin1),
      cookie: junkString.map((s) => `tracker_session=${latin1(s).replace(/[;,\s]/g, '')}`),
      accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'application/json'),
    },
    { requiredKeys: [] },
  )
  return fc.tuple(pathValues, query, headers, bodyFor(route), rawEscapes, fc.boolean()).map(([values, q, h, body, raw, appendRaw]) => {
    let i = 0
    let url = route.path.replace(/\{[^}]+\}/g, () => values[i++]!)
    const search = q.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&')
    if (search) url += `?${search}`
    if (appendRaw && route.query.length) url += `${search ? '&' : '?'}${route.query[0]}=${raw}`
    return { url, method: route.method, headers: h as Record<string, string>, body }
  })
}

// ---------------------------------------------------------------------------------------------

describe.runIf(reliabilityRun)('hostile input', () => {
  let t: TestApp
  let routes: Route[]
  let ids: string[]
  let tokens: { editor: string; viewer: string }
  const tried = new Map<string, number>()
  const statuses = new Map<number, number>()
  const count = (key: string) => tried.set(key, (tried.get(key) ?? 0) + 1)
  let errorsBefore: string[]

  const validationErrors = async () => {
    const s = await t.tracker.readModel.current()
    return validateDataset(s, createResolver({ localities: s.dataset.localities, provinces: s.dataset.provinces }), '2026-11-25')
      .filter((f) => f.level === 'error')
      .map((f) => `${f.code} ${f.subject}: ${f.message}`)
      .sort()
  }

  beforeAll(async () => {
    t = await bundledApp({ TRACKER_MAX_BODY_BYTES: String(maxBody) })
    const db = t.tracker.store.db
    await createAccount(db, 'fuzz-editor', 'editor', 'fuzz-editor-password-1')
    await createAccount(db, 'fuzz-viewer', 'viewer', 'fuzz-viewer-password-1')
    tokens = { editor: await createApiToken(db, 'fuzz-editor', 'fuzz'), viewer: await createApiToken(db, 'fuzz-viewer', 'fuzz') }
    routes = routesOf(await (await t.app.request('/api/openapi.json')).json())
    const s = await t.tracker.readModel.current()
    ids = [
      ...s.dataset.projects.slice(0, 5).map((p) => p.id),
      ...s.dataset.events.slice(0, 3).map((e) => e.id),
      ...s.dataset.sources.slice(0, 3).map((x) => x.id),
      ...s.dataset.localities.slice(0, 3).map((l) => l.id),
      ...s.dataset.claims.slice(0, 3).map((c) => c.id),
      '20x10',
      '1',
      '2',
      'fuzz-editor',
    ]
    errorsBefore = await validationErrors()
    process.stdout.write(`[hostile] fast-check seed ${seed} (RELIABILITY_SEED=${seed} reproduces), ${routes.length} routes from /api/openapi.json\n`)
  })
  /** Sends one request; throws (a counterexample for fast-check) on a 5xx or a 4xx without the error shape. */
  const send = async (req: Req, token?: string): Promise<number> => {
    const headers: Record<string, string> = { ...req.headers }
    if (token) headers.authorization = `Bearer ${token}`
    if (req.body.type) headers['content-type'] = req.body.type
    const hasBody = req.body.data !== null && req.method !== 'GET' && req.method !== 'HEAD'
    const res = await t.app.request(req.url, { method: req.method, headers, ...(hasBody ? { body: req.body.data as BodyInit } : {}) })
    const text = await res.text()
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    if (res.status >= 500) throw new Error(`${req.method} ${req.url.slice(0, 300)} (${req.body.label}) → ${res.status} ${text.slice(0, 300)}`)
    if (res.status >= 400) {
      let body: any
      try {
        body = JSON.parse(text)
      } catch {
        throw new Error(`${req.method} ${req.url.slice(0, 300)} → ${res.status} without a JSON body: ${text.slice(0, 200)}`)
      }
      if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string') {
        throw new Error(`${req.method} ${req.url.slice(0, 300)} → ${res.status} not in the error shape: ${text.slice(0, 200)}`)
      }
    }
    return res.status
  }

  it('every route, anonymous and viewer: no 5xx, the error shape on every 4xx, no change to the data', async () => {
    const before = await facts(t.tracker.store.db)
    for (const route of routes) {
      for (const [role, token] of [
        ['anonymous', undefined],
        ['viewer', tokens.viewer],
      ] as const) {
        await fc.assert(
          fc.asyncProperty(requestFor(route, ids), async (req) => {
            count(`${role} requests`)
            const status = await send(req, token)
            if (req.method !== 'GET' && status < 300 && !(route.path === '/api/session' || route.path === '/api/import' || route.path === '/api/reconcile')) {
              throw new Error(`${role} ${req.method} ${req.url} was accepted (${status})`)
            }
          }),
          { numRuns: runs(route.method === 'GET' ? 120 : 150), seed, verbose: 1 },
        )
      }
    }
    const after = await facts(t.tracker.store.db)
    expect(after, 'record counts, revisions and data version unchanged').toEqual(before)
  })

  it('every write route, as an editor: only 2xx/4xx, and the store still validates', async () => {
    const writes = routes.filter((r) => r.method !== 'GET' && r.path !== '/api/session')
    let accepted = 0
    // Reverting the creation of reference data, or of a source still cited, is refused: it would
    // leave live records pointing at a deleted one.
    const db = t.tracker.store.db
    const snap = await t.tracker.readModel.current()
    const citedByLocality = snap.dataset.sources.find((x) => snap.dataset.localities.some((l) => l.sources.includes(x.id)) && !snap.dataset.claims.some((c) => c.source_id === x.id))!
    const citedByClaim = snap.dataset.sources.find((x) => snap.dataset.claims.some((c) => c.source_id === x.id))!
    const cited = new Set([citedByLocality.id, citedByClaim.id])
    for (const type of ['program', 'province', 'source']) {
      const revs = await db.selectFrom('revisions').select(['id', 'entity_id']).where('action', '=', 'create').where('entity_type', '=', type).orderBy('id').execute()
      for (const rev of revs.filter((r) => type !== 'source' || cited.has(r.entity_id)).slice(0, 2)) {
        const r = await t.app.request(`/api/revisions/${rev.id}/revert`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.editor}` },
          body: JSON.stringify({ comment: 'revert a creation' }),
        })
        count('editor write requests')
        expect([r.status, type], (await r.text()).slice(0, 200)).toEqual([409, type])
      }
    }
    // Nor may a source cited by a locality be deleted; merged away, its citations move along.
    const version = snap.meta.get(`source:${citedByLocality.id}`)!.version
    const del = await t.app.request(`/api/sources/${citedByLocality.id}`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'if-match': String(version), authorization: `Bearer ${tokens.editor}` },
      body: JSON.stringify({ comment: 'delete a cited source' }),
    })
    expect(del.status).toBe(409)
    const merge = await t.app.request('/api/sources/merge', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.editor}` },
      body: JSON.stringify({ from: citedByLocality.id, into: citedByClaim.id, comment: 'merge a cited source' }),
    })
    expect(merge.status).toBe(200)
    expect((await validationErrors()).filter((e) => e.startsWith('broken_reference'))).toEqual([])
    count('editor write requests')
    count('editor write requests')
    for (const route of writes) {
      await fc.assert(
        fc.asyncProperty(requestFor(route, ids), fc.boolean(), async (req, currentVersion) => {
          count('editor write requests')
          if (currentVersion && req.method === 'PATCH') {
            // Half of the changes carry the record's current version, so that they get past
            // If-Match and their hostile values reach the database.
            const [, , collection, id] = req.url.split('?')[0]!.split('/')
            let decoded = ''
            try {
              decoded = decodeURIComponent(id ?? '')
            } catch {
              // a malformed escape: leave If-Match as generated
            }
            const type = entityTypeOf[collection as keyof typeof entityTypeOf]
            const version = type ? (await t.tracker.readModel.current()).meta?.get(`${type}:${decoded}`)?.version : undefined
            if (version !== undefined) req.headers['if-match'] = String(version)
          }
          if ((await send(req, tokens.editor)) < 300) accepted++
        }),
        { numRuns: runs(300), seed, verbose: 1 },
      )
    }
    tried.set('editor writes accepted (2xx)', accepted)
    expect(accepted, 'some hostile values got past validation into the store').toBeGreaterThan(0)
    // Editors may legitimately make the data disagree with itself (a year's total, an unsourced
    // status…); what must hold is its structure: references, record schemas, revisions.
    expect((await validationErrors()).filter((e) => e.startsWith('broken_reference')), 'no broken reference').toEqual(errorsBefore.filter((e) => e.startsWith('broken_reference')))
    const stored = await loadDataset(t.tracker.store.db)
    for (const entity of entityNames) {
      for (const record of stored.dataset[entity] as unknown[]) {
        const parsed = recordSchemas[entity].safeParse(record)
        expect(parsed.success, `${entity} ${(record as { id: string }).id}: ${parsed.error?.message}`).toBe(true)
      }
    }
    // Every record's version is its number of revisions: no write skipped its revision.
    for (const entity of entityNames) {
      const broken = await db
        .selectFrom(entity)
        .select('id')
        .where(sql<boolean>`version <> (select count(*) from revisions r where r.entity_type = ${entityTypeOf[entity]} and r.entity_id = ${sql.ref(`${entity}.id`)})`)
        .execute()
      expect(broken.map((b) => b.id), `${entity}: version = number of revisions`).toEqual([])
    }
  })

  it('oversized bodies get 413 on every route that takes a body', async () => {
    const big = 'x'.repeat(maxBody + 1)
    const bodyRoutes = routes.filter((r) => r.method !== 'GET')
    for (const route of bodyRoutes) {
      const url = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(ids[0]!)) + (route.path === '/api/import' ? '?format=csv' : '')
      for (const token of [undefined, tokens.viewer, tokens.editor]) {
        // Declared length: refused before anything else.
        const declared = await t.app.request(url, {
          method: route.method,
          headers: { 'content-type': 'application/json', 'content-length': String(big.length), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: big,
        })
        count('oversized requests')
        expect(declared.status, `${route.method} ${route.path}`).toBe(413)
        expect((await declared.json()).error.code).toBe('payload_too_large')
      }
      // Streamed without a length, as the editor: refused while reading.
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(big.slice(0, maxBody / 2 + 1)))
          controller.close()
        },
      })
      const streamed = await t.app.request(url, {
        method: route.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.editor}` },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      count('oversized requests')
      expect(streamed.status, `${route.method} ${route.path} (streamed)`).toBe(413)
    }
  })

  it('static files: no path leaves dist/web (in-process and over a real socket)', async () => {
    // What may come back with a 200: a file of dist/web (index.html for app URLs), or the
    // "not built" page when there is no build.
    const allowed = new Set<string>()
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name)
        if (e.isDirectory()) walk(f)
        else allowed.add(fs.readFileSync(f, 'utf8'))
      }
    }
    walk(webRoot)
    const secrets = ['root:x:0:0', '"name": "20x10-tracker"', 'registerStatic', 'PRIVATE KEY', '"compilerOptions"']
    const check = (where: string, status: number, body: string) => {
      count('static requests')
      if (status >= 500) throw new Error(`${where} → ${status}`)
      for (const s of secrets) if (body.includes(s)) throw new Error(`${where} → leaked a file outside dist/web (${s})`)
      if (status === 200 && !allowed.has(body) && !body.includes('The web app is not built')) throw new Error(`${where} → 200 with a body that is no file of dist/web: ${body.slice(0, 120)}`)
    }
    const fixed = [
      '/../../etc/passwd',
      '/../../../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%5c..%5cpackage.json',
      '/..%252f..%252fpackage.json',
      '/....//....//package.json',
      '/.%2e/.%2e/package.json',
      '/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
      '/assets/%00../../package.json',
      '//etc/passwd',
      '/\\..\\..\\package.json',
      '/src/api/static.ts',
      '/../src/api/static.ts',
      '/../../tsconfig.json',
      '/index.html/../../package.json',
    ]
    const segment = fc.constantFrom('..', '%2e%2e', '.%2e', '%2e.', '..%2f', '..%5c', '%252e%252e', '....', '.', '', 'assets', '%00', '%c0%ae%c0%ae', '\\..', 'etc', 'passwd', 'package.json', 'src', 'tsconfig.json', 'index.html')
    const fuzzed = fc.array(segment, { minLength: 1, maxLength: 10 }).chain((segs) => fc.constantFrom('/', '%2f', '%5c').map((sep) => `/${segs.join(sep)}`))

    // In-process (URL parsing folds some of these away before the app sees them).
    for (const p of fixed) {
      const r = await t.app.request(`http://localhost${p}`)
      check(`in-process GET ${p}`, r.status, await r.text())
    }
    await fc.assert(
      fc.asyncProperty(fuzzed, async (p) => {
        const r = await t.app.request(`http://localhost${p}`)
        check(`in-process GET ${p}`, r.status, await r.text())
      }),
      { numRuns: runs(2000), seed },
    )

    // Over a real socket, with the request line exactly as sent.
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
    const port = (server.address() as net.AddressInfo).port
    const raw = (p: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1')
        let data = Buffer.alloc(0)
        s.on('data', (d) => (data = Buffer.concat([data, d])))
        s.on('error', reject)
        s.on('close', () => {
          const text = data.toString('utf8')
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
          resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
        })
        s.end(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
      })
    try {
      for (const p of fixed) {
        const r = await raw(p)
        check(`socket GET ${p}`, r.status, r.body)
      }
      await fc.assert(
        fc.asyncProperty(fuzzed, async (p) => {
          const r = await raw(p)
          check(`socket GET ${p}`, r.status, r.body)
        }),
        { numRuns: runs(2000), seed },
      )
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })

  it('importers (wiki, CSV, JSON): junk and mangled files are refused with InvalidInputError, nothing else', async () => {
    const wikiGood = fs.readFileSync(path.join(inputDir, 'wiki/founding-list.txt'), 'utf8')
    const jsonGood = fs.readFileSync(path.join(inputDir, 'json/good.json'), 'utf8')
    const csvDir = path.join(inputDir, 'csv/good')
    const csvGood = new Map(fs.readdirSync(csvDir).map((f) => [f, fs.readFileSync(path.join(csvDir, f), 'utf8')]))

    // Mutations of a valid file: cut, duplicate, swap lines, insert junk, flip characters.
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(junkString, fc.constantFrom('\n', '|', '||', '|-', '{|', '|}', ',', '"', '""', '\r\n', '{', '}', '[', ']', ':', '\u0000', '<ref>', '{{', '}}')) }),
      fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
    )
    const mutate = (text: string, ops: any[]): string => {
      let s = text
      for (const m of ops) {
        const at = s.length ? m.at % s.length : 0
        if (m.op === 'cut') s = s.slice(0, at) + s.slice(at + m.len)
        else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at)
        else if (m.op === 'flip') s = s.slice(0, at) + m.ch + s.slice(at + 1)
        else {
          const lines = s.split('\n')
          if (m.op === 'dupLine') lines.splice(m.at % lines.length, 0, lines[m.at % lines.length]!)
          else {
            const a = m.a % lines.length
            const b = m.b % lines.length
            ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
          }
          s = lines.join('\n')
        }
      }
      return s
    }
    const mangled = (text: string) => fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ops) => mutate(text, ops))
    const outcomes = { accepted: 0, refused: 0, slowestMs: 0 }
    const describeInput = (files: Map<string, string>) => JSON.stringify([...files].map(([n, x]) => [n, x.length, x.slice(0, 300)]))
    const attempt = async (format: ImportFormat, files: Map<string, string>) => {
      count(`${format} inputs`)
      const started = performance.now()
      try {
        await prepareImport(t.tracker, { format, files })
        outcomes.accepted++
      } catch (error) {
        if (!(error instanceof InvalidInputError)) {
          throw new Error(`${format} importer threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message} on ${describeInput(files)}`)
        }
        outcomes.refused++
      }
      // Anyone may POST a preview: an input of a few hundred kB must not keep the server busy.
      const ms = performance.now() - started
      outcomes.slowestMs = Math.max(outcomes.slowestMs, ms)
      if (ms > 3000) throw new Error(`${format} importer took ${Math.round(ms)} ms on ${describeInput(files)}`)
    }
    const junk = fc.oneof(junkString, deepJson, fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)), fc.string({ unit: 'binary', maxLength: 2000 }))

    await fc.assert(fc.asyncProperty(fc.oneof(junk, mangled(wikiGood)), (text) => attempt('wiki', new Map([['list.txt', text]]))), { numRuns: runs(800), seed })
    await fc.assert(fc.asyncProperty(fc.oneof(junk, mangled(jsonGood)), (text) => attempt('json', new Map([['doc.json', text]]))), { numRuns: runs(1000), seed })
    // JSON documents of the right shape with one value replaced by junk.
    const doc = JSON.parse(jsonGood)
    const paths: (string | number)[][] = []
    const collect = (v: unknown, at: (string | number)[]) => {
      paths.push(at)
      if (Array.isArray(v)) v.forEach((x, i) => collect(x, [...at, i]))
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, [...at, k])
    }
    collect(doc, [])
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.oneof(fc.jsonValue({ maxDepth: 3 }), junkString), (at, value) => {
        const copy = structuredClone(doc)
        let target = copy
        for (const k of at.slice(0, -1)) target = target[k]
        target[at.at(-1)!] = value
        return attempt('json', new Map([['doc.json', JSON.stringify(copy)]]))
      }),
      { numRuns: runs(1000), seed },
    )
    const csvNames = [...csvGood.keys()]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...csvNames), fc.oneof(junk, fc.constantFrom(...csvNames).chain((n) => mangled(csvGood.get(n)!))), fc.boolean(), (name, text, alone) => {
        const files = alone ? new Map([[name, text]]) : new Map([...csvGood, [name, text]])
        return attempt('csv', files)
      }),
      { numRuns: runs(1000), seed },
    )
    tried.set('importer inputs accepted', outcomes.accepted)
    tried.set('importer inputs refused (InvalidInputError)', outcomes.refused)
    tried.set('slowest importer input (ms)', Math.round(outcomes.slowestMs))
  })

  it('every route over a real socket: overlong, mis-encoded, huge and polluting values — no 5xx, no unescaped echo, no injected header, the server keeps answering', async () => {
    const marker = '<svg/onload=alert(7)>'
    const hostileValues = fc.oneof(
      fc.constantFrom(
        encodeURIComponent(marker),
        encodeURIComponent(`"'>${marker}`),
        '%', '%zz', '%c0%af', '%ed%a0%80', '%ff%fe', '%e2%82', '%00', '%u0041',
        '1e309', '-1e309', '99999999999999999999999999999', '-0', '0x7fffffffffffffff', '1_000', '2.5e-400', 'NaN',
        '%0d%0aX-Injected:%20yes', '%0aX-Injected:yes', '%E5%98%8A%E5%98%8DX-Injected:yes', '%22%0d%0aSet-Cookie:%20x=1',
        '..%2f..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2fsrc%2fapi%2fapp.ts', '..%5c..%5cpackage.json', '%252e%252e%252fetc%252fpasswd',
        '__proto__', 'constructor', 'prototype', '__proto__%5bpolluted%5d',
      ),
      fc.integer({ min: 1000, max: 12_000 }).map((n) => 'v'.repeat(n)),
      fc.integer({ min: 100, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => `k${i}=1`).join('&')),
    )
    const pollutingBodies = fc.constantFrom(
      '{"__proto__":{"polluted":"yes"},"comment":"x"}',
      '{"constructor":{"prototype":{"polluted":"yes"}},"comment":"x"}',
      '{"name":"x","password":"y","__proto__":{"role":"admin","polluted":"yes"}}',
      '{"items":[{"__proto__":{"polluted":"yes"}}]}',
      `{"comment":"${marker}","notes":"${marker}"}`,
      '{"version":1e999,"limit":99999999999999999999999,"year":-1e309}',
      '{"a":' + '{"__proto__":'.repeat(3000) + '1' + '}'.repeat(3000) + '}',
      '['.repeat(50_000) + ']'.repeat(50_000),
      '{"value":"\\ud800","comment":"\\udfff"}',
    )
    const exportPaths = [
      '/api/export/..%2f..%2fpackage.json',
      '/api/export/%2e%2e%2f%2e%2e%2fsrc%2fapi%2fapp.ts',
      '/api/export/..%5c..%5cpackage.json',
      '/api/export/dataset.json%00.csv',
      '/api/export/%2e%2e/%2e%2e/tsconfig.json',
      '/api/export/projects.csv/../../../package.json',
    ]
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
    const port = (server.address() as net.AddressInfo).port
    const raw = (method: string, target: string, body: string | null) =>
      new Promise<{ status: number; head: string; body: string }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1')
        let data = Buffer.alloc(0)
        socket.on('data', (d) => (data = Buffer.concat([data, d])))
        socket.on('error', reject)
        socket.on('close', () => {
          const text = data.toString('utf8')
          const split = text.indexOf('\r\n\r\n')
          resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head: text.slice(0, split), body: text.slice(split + 4) })
        })
        const payload = body === null ? '' : body
        socket.end(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${body === null ? '' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`}\r\n${payload}`)
      })
    let sent = 0
    const check = async (method: string, target: string, body: string | null) => {
      const r = await raw(method, target, body)
      sent++
      count('socket requests with hostile values')
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
      const where = `${method} ${target.slice(0, 200)}${body ? ` ${body.slice(0, 80)}` : ''}`
      if (r.status === 0 || r.status >= 500) throw new Error(`${where} → ${r.status || 'no answer'} ${r.body.slice(0, 200)}`)
      if (/^x-injected:|^set-cookie: x=1/im.test(r.head)) throw new Error(`${where} → a header was injected: ${r.head}`)
      const type = /^content-type:\s*([^\r\n;]+)/im.exec(r.head)?.[1] ?? ''
      if (!/json/.test(type) && r.body.includes(marker)) throw new Error(`${where} → ${type} echoes the markup unescaped`)
      if (r.status === 200 && /"name": "20x10-tracker"|registerStatic|"compilerOptions"/.test(r.body)) throw new Error(`${where} → leaked a file`)
      if (({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).role !== undefined) throw new Error(`${where} → polluted Object.prototype`)
      if (sent % 25 === 0) {
        const health = await raw('GET', '/api/health', null)
        if (health.status !== 200) throw new Error(`after ${where}: /api/health → ${health.status}`)
      }
    }
    try {
      for (const p of exportPaths) await check('GET', p, null)
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(fc.array(hostileValues, { minLength: 1, maxLength: 3 }), fc.constantFrom(...(route.query.length ? route.query : ['q'])), pollutingBodies, async (values, key, body) => {
            let i = 0
            let target = route.path.replace(/\{[^}]+\}/g, () => values[i++ % values.length]!)
            const v = values[values.length - 1]!
            target += v.includes('=') && !v.startsWith('%') ? `?${v}` : `?${key}=${v}`
            await check(route.method, target, route.method === 'GET' ? null : body)
          }),
          { numRuns: runs(30), seed },
        )
      }
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })

  afterAll(async () => {
    if (!t) return
    report('hostile input (in-process app, PGlite)', [
      ['fast-check seed', seed],
      ['routes from /api/openapi.json', routes?.length ?? 0],
      ...[...tried].map(([k, v]) => [k, v] as [string, number]),
      ['statuses', [...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')],
      ['5xx', [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)],
      ['data version after anonymous/viewer runs', 'unchanged (asserted)'],
      ['data lost', 0],
    ])
    await t.close()
  })
})
