/**
 * @module Sign-in: POST /api/session (name + password → HttpOnly SameSite cookie and a CSRF
 * token), GET /api/session (who am I), DELETE /api/session (sign out). Attempts are limited per
 * account and client address (see service/session.ts); past a limit the answer is 429 with Retry-After.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { sessionCookie } from '../auth/middleware.ts'
import { sessionTtlMs, signIn, signOut } from '../../service/session.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json } from '../openapi.ts'
import { clientAddress, trustedProxies } from '../clientAddress.ts'

export { loginLimits } from '../../service/session.ts'

export const SessionInfo = z
  .object({
    user: z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']) }).nullable(),
    csrf_token: z.string().nullable().describe('Send as X-CSRF-Token with every cookie-authenticated change.'),
  })
  .meta({ id: 'SessionInfo' })

const Login = z.strictObject({ name: z.string().min(1).max(100), password: z.string().min(1).max(1024) }).meta({ id: 'Login' })


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

export function registerSession(app: OpenAPIHono<AppEnv>, trusted: ReturnType<typeof trustedProxies>): void {
  app.openapi(login, async (c) => {
    const { name, password } = c.req.valid('json')
    const from = clientAddress(c, trusted)
    const { user, secret, csrf } = await signIn(c.var.tracker, name, password, from, c.var.log)
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
    if (auth.sessionId) await signOut(c.var.tracker, auth.sessionId)
    deleteCookie(c, sessionCookie, { path: '/' })
    return c.json({ user: null, csrf_token: null }, 200)
  })
}
