/**
 * @module Managing accounts over the API: admins list, add and disable users; a signed-in user
 * creates API tokens for scripts (shown once, stored hashed, expiring), lists and revokes their
 * own. The CLI calls the same functions.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { createApiToken, createAccount, disableAccount, listUsers, maxTokenDays, revokeApiToken, roles, tokensOf } from '../../service/accounts.ts'
import { UnauthorizedError } from '../../model/errors.ts'
import { requireRole } from '../auth/middleware.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json, notFound } from '../openapi.ts'

const UserView = z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']), disabled: z.boolean(), created_at: z.string().optional() }).meta({ id: 'User' })
const NewUser = z.strictObject({ name: z.string().min(1).max(100), role: z.enum(roles as ['viewer', 'editor', 'admin']), password: z.string().min(1).max(1024) }).meta({ id: 'NewUser' })
const NewToken = z
  .strictObject({
    label: z.string().min(1).max(100),
    expires_in_days: z.number().int().min(0).max(maxTokenDays).optional().describe('Days until the token stops working; 0 for never. Default: the TRACKER_TOKEN_DAYS setting (90).'),
  })
  .meta({ id: 'NewToken' })
const TokenView = z
  .object({ token: z.string().describe('Shown once: store it now.'), id: z.string(), label: z.string(), user: z.string(), expires_at: z.string().nullable() })
  .meta({ id: 'Token' })
const TokenInfoView = z
  .object({
    id: z.string().describe('The 8 characters after "trk_"; not a secret.'),
    user: z.string(),
    label: z.string(),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    active: z.boolean().describe('Neither revoked nor expired.'),
  })
  .meta({ id: 'TokenInfo' })
const denied = { 401: json(ErrorSchema, 'Not signed in.'), 403: json(ErrorSchema, 'Not allowed.') }

export function registerAccounts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/users', tags: ['accounts'], summary: 'Users (admin)', responses: { 200: json(z.object({ items: z.array(UserView), total: z.number() }).meta({ id: 'UserList' }), 'Users.'), ...denied } }),
    async (c) => {
      requireRole(c, 'admin')
      const items = await listUsers(c.var.tracker.store.db)
      return c.json({ items: items.map(({ id: _id, ...u }) => u), total: items.length }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags: ['accounts'],
      summary: 'Add a user (admin)',
      request: { body: { required: true, content: { 'application/json': { schema: NewUser } } } },
      responses: { 201: json(UserView, 'Added.'), 409: json(ErrorSchema, 'Name taken.'), ...denied, ...errorResponses },
    }),
    async (c) => {
      requireRole(c, 'admin')
      const { name, role, password } = c.req.valid('json')
      const u = await createAccount(c.var.tracker.store.db, name, role, password)
      return c.json({ name: u.name, role: u.role, disabled: u.disabled }, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{name}/disable',
      tags: ['accounts'],
      summary: 'Disable a user (admin): their sessions end and their tokens are revoked',
      request: { params: z.object({ name: z.string().max(100) }) },
      responses: { 200: json(z.object({ name: z.string(), disabled: z.literal(true) }), 'Disabled.'), ...denied, ...errorResponses },
    }),
    async (c) => {
      requireRole(c, 'admin')
      const { name } = c.req.valid('param')
      await disableAccount(c.var.tracker.store.db, name)
      return c.json({ name, disabled: true as const }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['accounts'],
      summary: 'Create an API token for yourself (editor or admin); it is shown once',
      request: { body: { required: true, content: { 'application/json': { schema: NewToken } } } },
      responses: { 201: json(TokenView, 'The token.'), ...denied, ...errorResponses },
    }),
    async (c) => {
      const me = requireRole(c, 'editor')
      const { label, expires_in_days } = c.req.valid('json')
      const db = c.var.tracker.store.db
      const token = await createApiToken(db, me.name, label, { days: expires_in_days ?? c.var.tracker.config.tokenDays })
      const info = (await tokensOf(db, me.name)).find((t) => token.startsWith(`trk_${t.id}_`))!
      c.header('Cache-Control', 'no-store')
      return c.json({ token, id: info.id, label, user: me.name, expires_at: info.expires_at }, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['accounts'],
      summary: 'Your API tokens (never their secrets), newest first',
      responses: { 200: json(z.object({ items: z.array(TokenInfoView), total: z.number() }).meta({ id: 'TokenList' }), 'Your tokens.'), ...denied },
    }),
    async (c) => {
      const me = c.var.auth.user
      if (!me) throw new UnauthorizedError()
      const now = Date.now()
      const items = (await tokensOf(c.var.tracker.store.db, me.name)).map((t) => ({ ...t, active: t.revoked_at === null && (t.expires_at === null || Date.parse(t.expires_at) > now) }))
      c.header('Cache-Control', 'no-store')
      return c.json({ items, total: items.length }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      tags: ['accounts'],
      summary: 'Revoke one of your API tokens',
      request: { params: z.object({ id: z.string().min(1).max(40) }) },
      responses: { 200: json(z.object({ id: z.string(), revoked: z.literal(true) }), 'Revoked.'), ...denied, ...notFound, ...errorResponses },
    }),
    async (c) => {
      const me = requireRole(c, 'editor')
      const { id } = c.req.valid('param')
      await revokeApiToken(c.var.tracker.store.db, id, me)
      return c.json({ id, revoked: true as const }, 200)
    },
  )
}
