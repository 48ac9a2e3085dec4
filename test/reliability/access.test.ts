/**
 * Access: every non-GET route of /api/openapi.json (enumerated from the document, so a new write
 * route cannot be forgotten) refuses anonymous requests with 401 and viewer-token requests with
 * 403 — except the documented public ones: signing in and out (POST/DELETE /api/session), name
 * reconciliation queries (POST /api/reconcile, a read) and
 * import previews (POST /api/import with dry_run unset or true). Quick, so it runs in `npm test`
 * as well as in `npm run test:reliability`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { bundledApp, type TestApp } from '../support/app.ts'
import { facts, reliabilityRun, report } from './support.ts'

/** The non-GET operations open to everyone, as documented. */
// POST /api/reconcile is a read: OpenRefine sends its queries by POST (Reconciliation API 0.2).
const publicWrites = new Set(['POST /api/session', 'DELETE /api/session', 'POST /api/reconcile'])

describe('access', () => {
  let t: TestApp
  let viewer: string
  let routes: Array<{ method: string; path: string }>
  let viewerCookie: { cookie: string; csrf: string }

  beforeAll(async () => {
    t = await bundledApp()
    const db = t.tracker.store.db
    await createAccount(db, 'access-viewer', 'viewer', 'access-viewer-password-1')
    viewer = await createApiToken(db, 'access-viewer', 'access test')
    const doc = await (await t.app.request('/api/openapi.json')).json()
    routes = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .map((m) => ({ method: m.toUpperCase(), path }))
        .filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    )
    // A viewer signed in with a cookie session (and its CSRF token) is refused the same way.
    const signIn = await t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'access-viewer', password: 'access-viewer-password-1' }) })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const session = await (await t.app.request('/api/session', { headers: { cookie } })).json()
    viewerCookie = { cookie, csrf: session.csrf_token }
  })
  afterAll(async () => {
    await t?.close()
  })

  const call = (method: string, url: string, headers: Record<string, string> = {}) =>
    t.app.request(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ comment: 'access check', name: 'x', password: 'y' }) })

  it('every non-GET route refuses anonymous (401) and viewer (403) requests, except the documented public ones', async () => {
    const before = await facts(t.tracker.store.db)
    expect(routes.length).toBeGreaterThan(20)
    const seen: string[] = []
    let requests = 0
    for (const { method, path } of routes) {
      const key = `${method} ${path}`
      seen.push(key)
      const url = path.replace(/\{[^}]+\}/g, '20x10.2024.south-pyongan.songchon').replace('/api/revisions/20x10.2024.south-pyongan.songchon', '/api/revisions/1')
      if (publicWrites.has(key)) continue
      // The import is public only as a preview: applying it is a write like any other.
      const variants = path === '/api/import' ? ['?format=csv&dry_run=false', '?format=csv&dry_run=0', '?format=csv&dry_run=no', '?format=csv&dry_run=FALSE'] : ['']
      for (const q of variants) {
        const anon = await call(method, url + q)
        const asViewer = await call(method, url + q, { authorization: `Bearer ${viewer}` })
        const viaCookie = await call(method, url + q, { cookie: viewerCookie.cookie, 'x-csrf-token': viewerCookie.csrf })
        const overridden = await call(method, url + q, { 'x-http-method-override': 'GET' })
        requests += 4
        expect([anon.status, (await anon.json()).error?.code], `anonymous ${key}${q}`).toEqual([401, 'unauthorized'])
        expect([asViewer.status, (await asViewer.json()).error?.code], `viewer token ${key}${q}`).toEqual([403, 'forbidden'])
        expect(viaCookie.status, `viewer cookie ${key}${q}`).toBe(403)
        expect(overridden.status, `anonymous ${key}${q} with X-HTTP-Method-Override: GET`).toBe(401)
      }
    }
    // The public ones answer without credentials (and are still documented).
    expect(seen).toEqual(expect.arrayContaining([...publicWrites, 'POST /api/import']))
    for (const q of ['?format=json', '?format=json&dry_run=true', '?format=json&dry_run=1']) {
      const preview = await t.app.request(`/api/import${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"version":1}' })
      requests++
      expect(preview.status, `anonymous import preview ${q}`).not.toBe(401)
      expect(preview.status).not.toBe(403)
    }
    // A repeated parameter cannot smuggle an applying import past the gate as a preview.
    for (const q of ['?format=json&dry_run=true&dry_run=false', '?format=json&dry_run=false&dry_run=true', '?format=json&dry_run=&dry_run=false']) {
      for (const headers of [{}, { authorization: `Bearer ${viewer}` }] as Record<string, string>[]) {
        const r = await t.app.request(`/api/import${q}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"version":1}' })
        requests++
        expect(r.status, `import ${q}`).toBeGreaterThanOrEqual(400)
        expect(r.status).toBeLessThan(500)
      }
    }
    expect(await facts(t.tracker.store.db), 'nothing changed').toEqual(before)
    if (reliabilityRun) {
      report('access', [
        ['non-GET routes in /api/openapi.json', routes.length],
        ['public by design', [...publicWrites, 'POST /api/import (preview)'].join(', ')],
        ['requests (anonymous, viewer token, viewer cookie, method override)', requests],
        ['accepted without an editor', 0],
      ])
    }
  })
})
