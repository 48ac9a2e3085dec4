/**
 * @module GET /releases/{version}/site/…: the copy of the site a release keeps (every page as it was
 * at the release, reading its frozen JSON), served from the release's folder. Only the files its
 * SHA256SUMS lists are served — a page address is its index.html, anything else is 404 (a page the
 * copy lacks gets the copy's own 404.html, which says "not found" under the release banner) — so no
 * address can read outside the release. Every file has its sha256 as ETag and is cached for good.
 */
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { NotFoundError } from '../model/errors.ts'
import { mediaTypeOf, readSiteFile, releasesDir } from '../service/releaseStore.ts'
import type { AppEnv } from './context.ts'
import { compressible, isTraversal, webTypes } from './static.ts'

const immutable = 'public, max-age=31536000, immutable'
const extraTypes: Record<string, string> = { '.atom': 'application/atom+xml; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.geojson': 'application/geo+json' }

/** Compressed bodies, by sha256 (the same bytes in every release compress once); bounded. */
const gzipped = new Map<string, Uint8Array>()
let gzippedBytes = 0
const gzipCacheBytes = 16 * 1024 * 1024

function gzipOf(sha: string, body: Uint8Array): Uint8Array {
  const hit = gzipped.get(sha)
  if (hit) return hit
  const packed = new Uint8Array(gzipSync(body, { level: 6 }))
  if (gzippedBytes + packed.byteLength > gzipCacheBytes) {
    gzipped.clear()
    gzippedBytes = 0
  }
  gzipped.set(sha, packed)
  gzippedBytes += packed.byteLength
  return packed
}

function send(c: Context<AppEnv>, file: { name: string; sha256: string; body: Uint8Array }, status: 200 | 404): Response {
  const ext = path.extname(file.name)
  const etag = `"${file.sha256}"`
  const headers: Record<string, string> = {
    'Content-Type': webTypes[ext] ?? extraTypes[ext] ?? mediaTypeOf(file.name),
    'Cache-Control': status === 200 ? immutable : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  }
  if (status === 200) headers.ETag = etag
  const inm = c.req.header('if-none-match')
  if (status === 200 && inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers)
  let body = file.body
  if (compressible.has(ext) && body.byteLength > 1024) {
    headers.Vary = 'Accept-Encoding'
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      body = gzipOf(file.sha256, body)
      headers['Content-Encoding'] = 'gzip'
    }
  }
  headers['Content-Length'] = String(body.byteLength)
  if (c.req.method === 'HEAD') return c.body(null, status, headers)
  return c.body(body as Uint8Array<ArrayBuffer>, status, headers)
}

export function registerReleaseSite(app: OpenAPIHono<AppEnv>): void {
  const serve = (c: Context<AppEnv>) => {
    const urlPath = c.req.path
    const sent = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url ?? ''
    if (isTraversal(urlPath) || isTraversal(sent.split('?')[0]!)) return c.notFound()
    const [, , rawVersion = '', , ...rest] = urlPath.split('/')
    let version: string
    let rel: string
    try {
      version = decodeURIComponent(rawVersion)
      rel = rest.map((s) => decodeURIComponent(s)).join('/')
    } catch {
      return c.notFound()
    }
    const dir = releasesDir(c.var.tracker.config)
    const found = readSiteFile(dir, version, rel)
    if (found) return send(c, found, 200)
    // An address with no file: an asset or data file is plainly missing; a page gets the copy's "not found" page.
    const last = rest.at(-1) ?? ''
    const missing = /\.[A-Za-z0-9]{1,12}$/.test(last) ? null : readSiteFile(dir, version, '404.html')
    if (!missing) throw new NotFoundError(`release ${version.slice(0, 80)}'s copy of the site has no ${JSON.stringify(rel.slice(0, 120))}`)
    return send(c, missing, 404)
  }
  app.get('/releases/:version/site', serve)
  app.get('/releases/:version/site/*', serve)
}
