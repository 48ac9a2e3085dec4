/**
 * @module Sign-in: POST /api/session (name + password → HttpOnly SameSite cookie and a CSRF
 * token), GET /api/session (who am I), DELETE /api/session (sign out). Failed attempts are
 * counted per account and per address; past the limit the answer is 429 until they age out.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { TooManyRequestsError, UnauthorizedError } from '../../model/errors.ts'
import { clearLoginFailures, createSession, deleteSession, recentLoginFailures, recordLoginFailure, userByName } from '../../store/accounts.ts'
import { sessionCookie } from '../auth/middleware.ts'
import { newSecret, sha256, verifyPassword } from '../auth/passwords.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json } from '../openapi.ts'

export const loginLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 }
const sessionTtlMs = 14 * 24 * 3600_000

export const SessionInfo = z
  .object({
    user: z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']) }).nullable(),
    csrf_token: z.string().nullable().describe('Send as X-CSRF-Token with every cookie-authenticated change.'),
  })
  .meta({ id: 'SessionInfo' })

const Login = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1024) }).meta({ id: 'Login' })

function address(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

const login = createRoute({
  method: 'post',
  path: '/api/session',
  tags: ['accounts'],
  summary: 'Sign in with name and password',
  request: { body: { required: true, content: { 'application/json': { schema: Login } } } },
  responses: {
    200: json(SessionInfo, 'Signed in; the session cookie is set.'),
    401: json(ErrorSchema, 'Wrong name or password.'),
    429: json(ErrorSchema, 'Too many failed attempts; wait.'),
    ...errorResponses,
  },
})
const me = createRoute({ method: 'get', path: '/api/session', tags: ['accounts'], summary: 'The signed-in user and CSRF token', responses: { 200: json(SessionInfo, 'Who is signed in (user null when nobody).') } })
const logout = createRoute({ method: 'delete', path: '/api/session', tags: ['accounts'], summary: 'Sign out', responses: { 200: json(SessionInfo, 'Signed out.') } })

export function registerSession(app: OpenAPIHono<AppEnv>): void {
  app.openapi(login, async (c) => {
    const { name, password } = c.req.valid('json')
    const db = c.var.tracker.store.db
    const from = address(c)
    const failures = await recentLoginFailures(db, name, from, loginLimits.windowMs)
    if (failures.account >= loginLimits.perAccount || failures.address >= loginLimits.perAddress) {
      throw new TooManyRequestsError('too many failed sign-in attempts; try again in 15 minutes', Math.ceil(loginLimits.windowMs / 1000))
    }
    const user = await userByName(db, name)
    const ok = user !== null && !user.disabled && (await verifyPassword(password, user.password_hash))
    if (!ok || !user) {
      await recordLoginFailure(db, name, from)
      c.var.log.warn(`failed sign-in for "${name.slice(0, 100)}" from ${from}`)
      throw new UnauthorizedError('wrong name or password')
    }
    await clearLoginFailures(db, name)
    const secret = newSecret()
    const csrf = newSecret()
    await createSession(db, sha256(secret), user.id, csrf, sessionTtlMs)
    setCookie(c, sessionCookie, secret, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
      maxAge: sessionTtlMs / 1000,
    })
    c.var.log.info(`${user.name} signed in from ${from}`)
    return c.json({ user: { name: user.name, role: user.role }, csrf_token: csrf }, 200)
  })
  app.openapi(me, async (c) => {
    const auth = c.var.auth
    c.header('Cache-Control', 'no-store')
    return c.json({ user: auth.user ? { name: auth.user.name, role: auth.user.role } : null, csrf_token: auth.csrf }, 200)
  })
  app.openapi(logout, async (c) => {
    const auth = c.var.auth
    if (auth.sessionId) await deleteSession(c.var.tracker.store.db, auth.sessionId)
    deleteCookie(c, sessionCookie, { path: '/' })
    return c.json({ user: null, csrf_token: null }, 200)
  })
}
