/**
 * CORS as a notebook or another site needs it: any origin may read the public GETs (lists,
 * records, figures, exports), cached or not, without credentials; writes and the personal routes
 * (session, tokens, users) stay same-origin — no CORS header, so a browser refuses the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { bundledApp, type TestApp } from '../support/app.ts'

const origin = { Origin: 'https://example.org' }
let t: TestApp
let token: string
beforeAll(async () => {
  t = await bundledApp()
  await createAccount(t.tracker.store.db, 'cors-editor', 'editor', 'cors-editor-password')
  token = await createApiToken(t.tracker.store.db, 'cors-editor', 'tests')
}, 120_000)
afterAll(async () => t?.close())

describe('CORS', () => {
  it('lets any origin read the public data, also from the cache, never with credentials', async () => {
    for (const url of ['/api/projects', '/api/projects', '/api/projects/20x10.2024.south-pyongan.songchon', '/api/stats/progress', '/api/export/projects.csv', '/api/health', '/api/openapi.json']) {
      const res = await t.app.request(url, { headers: origin })
      expect(res.status, url).toBe(200)
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*')
      expect(res.headers.get('access-control-allow-credentials'), url).toBeNull()
      await res.arrayBuffer()
    }
    const csv = await t.app.request('/api/export/projects.csv', { headers: origin })
    expect(csv.headers.get('access-control-expose-headers')).toContain('Content-Disposition')
  })

  it('answers a preflight for reads only', async () => {
    const get = await t.app.request('/api/projects', { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' } })
    expect(get.status).toBe(204)
    expect(get.headers.get('access-control-allow-methods')).toBe('GET, HEAD')
    const post = await t.app.request('/api/projects', { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'POST' } })
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('gives writes and personal routes no CORS header', async () => {
    const write = await t.app.request('/api/sources', {
      method: 'POST',
      headers: { ...origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'cors test' }),
    })
    expect(write.status).toBeGreaterThanOrEqual(400)
    expect(write.headers.get('access-control-allow-origin')).toBeNull()
    for (const url of ['/api/session', '/api/tokens']) {
      const res = await t.app.request(url, { headers: { ...origin, authorization: `Bearer ${token}` } })
      expect(res.headers.get('access-control-allow-origin'), url).toBeNull()
    }
  })
})
