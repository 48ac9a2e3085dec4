/**
 * Serving the built web app from the API server: long-lived hashed assets, index.html never
 * cached, the SPA fallback for the app's own URLs, 404 for missing assets and for paths that try
 * to leave the build folder, and a helpful page when there is no build.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { OpenAPIHono } from '@hono/zod-openapi'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../src/api/context.ts'
import { registerStatic } from '../../src/api/static.ts'

let root: string
let outside: string
let app: OpenAPIHono<AppEnv>
let server: http.Server
let base: string

beforeAll(async () => {
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-static-'))
  root = path.join(outside, 'web')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title><div id="app"></div>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))})`)
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret')
  app = new OpenAPIHono<AppEnv>()
  app.get('/api/health', (c) => c.json({ status: 'ok' }))
  registerStatic(app, root)
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'no such endpoint' } }, 404))
  server = await new Promise<http.Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as http.Server)) as http.Server
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  fs.rmSync(outside, { recursive: true, force: true })
})

/** A GET with the path sent exactly as written (no client-side normalization of "..") */
function raw(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/`, { path: pathname, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('static web app', () => {
  it('serves hashed assets with a long cache, gzip when asked, and 304 on a matching ETag', async () => {
    const res = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const again = await app.request('/assets/index-abc123.js', { headers: { 'if-none-match': res.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('answers the app URLs with index.html, never cached, and leaves /api/ alone', async () => {
    for (const url of ['/', '/projects/20x10.2024.south-pyongan.songchon', '/map?year=2025']) {
      const res = await app.request(url)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('<div id="app">')
    }
    expect((await app.request('/api/health')).status).toBe(200)
    const missing = await app.request('/api/nothing')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  it('is a 404 for a missing asset instead of the HTML page', async () => {
    expect((await app.request('/assets/index-old.js')).status).toBe(404)
    expect((await app.request('/favicon.ico')).status).toBe(404)
  })

  it('is a 404 for paths that try to leave the build folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/a/%00']) {
      const res = await raw(p)
      expect(res.status, p).toBe(404)
      expect(res.body).not.toContain('secret')
    }
  })

  it('says how to build the app when there is no build, and the API still answers', async () => {
    const bare = new OpenAPIHono<AppEnv>()
    bare.get('/api/health', (c) => c.json({ status: 'ok' }))
    registerStatic(bare, path.join(outside, 'not-built'))
    const res = await bare.request('/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('npm run build')
    expect((await bare.request('/api/health')).status).toBe(200)
  })
})
