/**
 * @module Caching of GET responses keyed by the data version: every response carries an ETag
 * made of the version, `If-None-Match` with it gets 304, and the body of each URL is kept in
 * memory until the data changes (an LRU bounded by bytes, TRACKER_CACHE_MAX_BYTES), so repeated
 * reads skip the work entirely. The key is the path and query, never the Host header: a client
 * cannot fill the cache by sending one URL under many host names.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context.ts'

interface Entry {
  version: number
  status: number
  body: Uint8Array<ArrayBuffer>
  headers: Record<string, string>
}

export function etagFor(version: number): string {
  return `W/"d${version}"`
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((t) => {
    const tag = t.trim()
    return tag === '*' || tag === etag || tag.replace(/^W\//, '') === etag.replace(/^W\//, '')
  })
}

/** A response larger than this share of the cache is served but not kept. */
const largestShare = 8

export interface ResponseCache extends MiddlewareHandler<AppEnv> {
  /** Bytes of response bodies held now, and entries. */
  stats(): { bytes: number; entries: number }
  /**
   * The stored answer to a plain GET of `url` at data version `version`, or null: what the app
   * answers before routing (no middleware runs; the entry holds the headers they set).
   */
  hit(url: string, version: number): Response | null
}

export function responseCache(maxBytes: number): ResponseCache {
  const entries = new Map<string, Entry>()
  let bytes = 0
  const drop = (key: string) => {
    const e = entries.get(key)
    if (!e) return
    entries.delete(key)
    bytes -= e.body.byteLength
  }
  /** The security headers of the responses, for the 304s answered here. */
  let common: Record<string, string> = {}
  const notModified = (tag: string) => new Response(null, { status: 304, headers: { ...common, ETag: tag, 'Cache-Control': 'no-cache' } })
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const snapshot = await c.var.tracker.readModel.current()
    const etag = etagFor(snapshot.version)
    if (matches(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ...common, ETag: etag, 'Cache-Control': 'no-cache' } })
    }
    const url = c.req.url
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    const hit = entries.get(key)
    if (hit && hit.version === snapshot.version) {
      entries.delete(key)
      entries.set(key, hit)
      if (hit.headers.etag !== etag && matches(c.req.header('if-none-match'), hit.headers.etag!)) return notModified(hit.headers.etag!)
      return new Response(hit.body, { status: hit.status, headers: hit.headers })
    }
    if (hit) drop(key)
    await next()
    if (c.res.status !== 200) return
    // A record route sets its own strong tag (recordTag.ts); lists get the data version's.
    const own = c.res.headers.get('ETag')
    if (!own) c.res.headers.set('ETag', etag)
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache')
    const body = new Uint8Array(await c.res.clone().arrayBuffer())
    common = Object.fromEntries([...c.res.headers.entries()].filter(([k]) => /^(x-|content-security-policy|cross-origin|referrer-policy|strict-transport|origin-agent|permissions-policy)/.test(k)))
    if (body.byteLength > maxBytes / largestShare) return
    drop(key)
    entries.set(key, { version: snapshot.version, status: c.res.status, body, headers: Object.fromEntries(c.res.headers.entries()) })
    bytes += body.byteLength
    while (bytes > maxBytes && entries.size > 0) drop(entries.keys().next().value!)
    if (own && matches(c.req.header('if-none-match'), own)) c.res = notModified(own)
  }
  const hit = (url: string, version: number): Response | null => {
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    const e = entries.get(key)
    if (!e || e.version !== version) return null
    entries.delete(key)
    entries.set(key, e)
    return new Response(e.body, { status: e.status, headers: e.headers })
  }
  return Object.assign(handler, { stats: () => ({ bytes, entries: entries.size }), hit })
}
