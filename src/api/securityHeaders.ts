/**
 * @module The security headers of every response (CSP, X-Frame-Options, nosniff…), with one
 * exception: the embeds under /embed/ may be framed by any site (`frame-ancestors *`, no
 * X-Frame-Options), because they are read-only views that carry no credentials and offer no
 * action a framing page could trick a reader into. Every other route may only be framed by the
 * tracker itself.
 */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './context.ts'

/** True for the paths of the embeds (the only pages other sites may frame): the tracker's, and those of a release's copy of the site (/releases/<version>/site/embed/…). */
export const isEmbedPath = (path: string): boolean => path === '/embed' || path.startsWith('/embed/') || /^\/releases\/[^/]+\/site\/embed(\/|$)/.test(path)

export function securityHeaders({ tileUrl }: { tileUrl?: string | undefined }): MiddlewareHandler<AppEnv> {
  const policy = (frameAncestors: string[]) => ({
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', ...(tileUrl ? [new URL(tileUrl.replaceAll(/\{[xyzs]\}/g, '0')).origin] : [])],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors,
    formAction: ["'self'"],
  })
  const pages = secureHeaders({ contentSecurityPolicy: policy(["'self'"]), crossOriginEmbedderPolicy: false })
  // Cross-origin resource policy too: another site's <img> of a snapshot (/embed/*.svg) must load.
  const embeds = secureHeaders({ contentSecurityPolicy: policy(['*']), crossOriginEmbedderPolicy: false, xFrameOptions: false, crossOriginResourcePolicy: 'cross-origin' })
  return (c, next) => (isEmbedPath(c.req.path) ? embeds(c, next) : pages(c, next))
}
