/**
 * @module Caching of GET responses keyed by the data version: every response carries an ETag
 * made of the version, `If-None-Match` with it gets 304, and the body of each URL is kept in
 * memory until the data changes (a bounded LRU), so repeated reads skip the work entirely.
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

export function responseCache(maxEntries = 1000): MiddlewareHandler<AppEnv> {
  const entries = new Map<string, Entry>()
  /** The security headers of the responses, for the 304s answered here. */
  let common: Record<string, string> = {}
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const snapshot = await c.var.tracker.readModel.current()
    const etag = etagFor(snapshot.version)
    if (matches(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ...common, ETag: etag, 'Cache-Control': 'no-cache' } })
    }
    const key = c.req.url
    const hit = entries.get(key)
    if (hit && hit.version === snapshot.version) {
      entries.delete(key)
      entries.set(key, hit)
      return new Response(hit.body, { status: hit.status, headers: hit.headers })
    }
    await next()
    if (c.res.status !== 200) return
    c.res.headers.set('ETag', etag)
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache')
    const body = new Uint8Array(await c.res.clone().arrayBuffer())
    common = Object.fromEntries([...c.res.headers.entries()].filter(([k]) => /^(x-|content-security-policy|cross-origin|referrer-policy|strict-transport|origin-agent|permissions-policy)/.test(k)))
    entries.set(key, { version: snapshot.version, status: c.res.status, body, headers: Object.fromEntries(c.res.headers.entries()) })
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
  }
}
