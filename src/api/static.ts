/**
 * @module Serves the built web app (dist/web) from the API server: hashed assets under /assets/
 * cached for a year, index.html never cached, and every other GET outside /api/ answered with
 * index.html so the app's own URLs (/projects/<id>, /map?year=2025…) load directly. Paths that
 * try to leave dist/web are 404. The embeds (/embed/*) get embed/index.html, the page of the embed app. Without a build, `/` says how to make one; the API still works.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from './context.ts'

/** The built web app (dist/web): what the server serves, and what a release copies its site from. */
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url))

/** Content types of the web app's files (and of a release's copy of the site). */
export const webTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}
export const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest'])

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>20×10 Tracker — web app not built</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>The web app is not built</h1>
<p>The API is running — see <a href="/api/openapi.json">/api/openapi.json</a> — but the web app has not been built in this copy.</p>
<p>Run <code>npm run build</code> (or <code>npm install</code>, which builds it), then reload this page.</p>
</body></html>`

interface Loaded {
  mtimeMs: number
  size: number
  raw: Buffer
  gzip: Buffer | null
  etag: string
}

/** The file under `root` that `urlPath` names, or null when it names none or tries to leave `root`. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('..'))) return null
  const file = path.resolve(root, ...segments)
  const rel = path.relative(root, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  return file
}

/** True when a URL path tries to leave where it is ("..", ".", a NUL or a backslash, also percent-encoded). */
export function isTraversal(urlPath: string): boolean {
  let decoded = urlPath
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return true
  }
  return decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..' || s === '.' || /^(\.|%2e){2}$/i.test(s))
}

export function registerStatic(app: OpenAPIHono<AppEnv>, root: string = defaultWebRoot): void {
  const files = new Map<string, Loaded>()

  const load = (file: string): Loaded | null => {
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      return null
    }
    if (!stat.isFile()) return null
    const hit = files.get(file)
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit
    const raw = fs.readFileSync(file)
    const ext = path.extname(file)
    const gzip = compressible.has(ext) && raw.length > 1024 ? gzipSync(raw, { level: 9 }) : null
    const loaded = { mtimeMs: stat.mtimeMs, size: stat.size, raw, gzip, etag: `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}"` }
    files.set(file, loaded)
    return loaded
  }

  const send = (c: Context<AppEnv>, file: string, loaded: Loaded, cacheControl: string): Response => {
    const headers: Record<string, string> = {
      'Content-Type': webTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControl,
      ETag: loaded.etag,
      'X-Content-Type-Options': 'nosniff',
    }
    if (loaded.gzip) headers.Vary = 'Accept-Encoding'
    const inm = c.req.header('if-none-match')
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === loaded.etag)) return c.body(null, 304, headers)
    const gzip = loaded.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
    if (gzip) headers['Content-Encoding'] = 'gzip'
    const body = gzip ? loaded.gzip! : loaded.raw
    headers['Content-Length'] = String(body.length)
    if (c.req.method === 'HEAD') return c.body(null, 200, headers)
    return c.body(new Uint8Array(body), 200, headers)
  }

  app.get('*', (c) => {
    const urlPath = c.req.path
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return c.notFound()
    // URL parsing already folds "/../" and "%2e%2e" away; the request line as sent still shows the attempt.
    const sent = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url ?? ''
    if (isTraversal(urlPath) || isTraversal(sent.split('?')[0]!)) return c.notFound()
    const index = path.join(root, 'index.html')
    if (!fs.existsSync(index)) return c.html(notBuilt, 200, { 'Cache-Control': 'no-store' })

    const file = resolveInside(root, urlPath)
    if (file === null) return c.notFound()
    const loaded = urlPath.endsWith('/') ? null : load(file)
    if (loaded) {
      const immutable = urlPath.startsWith('/assets/')
      return send(c, file, loaded, immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    }
    // A missing asset (an old hash after a rebuild) is a 404, never the app's HTML in its place.
    if (urlPath.startsWith('/assets/') || /\.(js|mjs|css|map|png|jpg|svg|ico|woff2?|json)$/i.test(urlPath)) return c.notFound()
    // The embeds are their own small page (no site chrome), loaded from embed/index.html.
    const html = urlPath === '/embed' || urlPath.startsWith('/embed/') ? path.join(root, 'embed', 'index.html') : index
    const page = load(html)
    if (!page) return c.html(notBuilt, 200, { 'Cache-Control': 'no-store' })
    return send(c, html, page, 'no-cache')
  })
}
