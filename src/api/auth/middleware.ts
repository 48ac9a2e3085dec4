/**
 * @module Who is asking: an API token (Authorization: Bearer) or a session cookie, resolved once
 * per request into `c.var.user`; anonymous readers are viewers. Writes check the role, and
 * cookie-authenticated writes also need the session's CSRF token in X-CSRF-Token.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ForbiddenError, UnauthorizedError } from '../../model/errors.ts'
import { csrfMatches, userOfSession, userOfToken, type Role, type User } from '../../service/session.ts'
import type { AppEnv } from '../context.ts'

export const sessionCookie = 'tracker_session'
export const csrfHeader = 'X-CSRF-Token'

export interface Auth {
  user: User | null
  via: 'token' | 'cookie' | null
  csrf: string | null
  sessionId: string | null
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 }

export { tokenParts } from '../../service/session.ts'

export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth: Auth = { user: null, via: null, csrf: null, sessionId: null }
    const header = c.req.header('authorization')
    const tracker = c.var.tracker
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header)
      const user = m ? await userOfToken(tracker, m[1]!) : null
      if (!user) throw new UnauthorizedError('the API token is not valid (expired, revoked, mistyped, or its user is disabled)')
      Object.assign(auth, { user, via: 'token' })
    } else {
      const cookie = getCookie(c, sessionCookie)
      if (cookie) {
        const found = await userOfSession(tracker, cookie)
        if (found) Object.assign(auth, { user: found.user, via: 'cookie', csrf: found.csrf, sessionId: found.sessionId })
      }
    }
    c.set('auth', auth)
    await next()
  }
}

/** Throws 401/403 unless the request comes from a user with at least `role` (and, with a cookie, a valid CSRF token). */
export function requireRole(c: Context<AppEnv>, role: Exclude<Role, 'viewer'>): User {
  const auth = c.var.auth
  if (!auth?.user) throw new UnauthorizedError()
  if (rank[auth.user.role] < rank[role]) throw new ForbiddenError(`this needs the ${role} role; ${auth.user.name} is ${auth.user.role === 'viewer' ? 'a viewer' : `an ${auth.user.role}`}`)
  if (auth.via === 'cookie' && !csrfMatches(c.req.header(csrfHeader), auth.csrf)) {
    throw new ForbiddenError(`missing or wrong ${csrfHeader} header (cookie-authenticated changes need the token from GET /api/session)`, 'csrf')
  }
  return auth.user
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Every change needs a signed-in editor (an admin for /api/users), checked before the body is
 * read: anonymous → 401, viewer → 403. Signing in/out and import previews are open to all.
 */
export function writeGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next()
    const path = c.req.path
    if (path === '/api/session') return next()
    // Reconciliation posts queries as a form (OpenRefine does); it reads and never writes.
    if (path === '/api/reconcile') return next()
    const dryRun = c.req.query('dry_run')
    if (path === '/api/import' && (dryRun === undefined || ['true', '1', 'yes'].includes(dryRun))) return next()
    requireRole(c, path.startsWith('/api/users') ? 'admin' : 'editor')
    return next()
  }
}
