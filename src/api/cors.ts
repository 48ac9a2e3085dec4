/**
 * @module CORS for the public reads: any origin may GET (or HEAD) the data, the figures and the
 * exports, so notebooks and other sites can use them, without credentials (no
 * `Access-Control-Allow-Credentials`, so a browser never lets another site read an answer made
 * with the reader's cookie). Writes and the personal routes (session, tokens, users) get no CORS
 * header: a browser keeps them same-origin. A preflight is answered for GET and HEAD only.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context.ts'

const personal = /^\/api\/(?:session|tokens|users)(?:\/|$)/

export function publicReadCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method
    if (personal.test(c.req.path)) return next()
    if (method === 'OPTIONS') {
      const wanted = c.req.header('Access-Control-Request-Method')
      if (wanted !== 'GET' && wanted !== 'HEAD') return next()
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'If-None-Match, Accept, Accept-Language',
        'Access-Control-Max-Age': '86400',
      })
    }
    await next()
    if (method === 'GET' || method === 'HEAD') {
      c.res.headers.set('Access-Control-Allow-Origin', '*')
      c.res.headers.set('Access-Control-Expose-Headers', 'ETag, Content-Disposition')
    }
  }
}
