/**
 * @module Managing accounts over the API: admins list, add and disable users; a signed-in user
 * creates API tokens for scripts (shown once, stored hashed). The CLI calls the same functions.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { createApiToken, createAccount, disableAccount, listUsers, roles } from '../../service/accounts.ts'
import { requireRole } from '../auth/middleware.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json } from '../openapi.ts'

const UserView = z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']), disabled: z.boolean(), created_at: z.string().optional() }).meta({ id: 'User' })
const NewUser = z.object({ name: z.string().min(1).max(100), role: z.enum(roles as ['viewer', 'editor', 'admin']), password: z.string().min(1).max(1024) }).meta({ id: 'NewUser' })
const NewToken = z.object({ label: z.string().min(1).max(100) }).meta({ id: 'NewToken' })
const TokenView = z.object({ token: z.string().describe('Shown once: store it now.'), label: z.string(), user: z.string() }).meta({ id: 'Token' })
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
      const { label } = c.req.valid('json')
      const token = await createApiToken(c.var.tracker.store.db, me.name, label)
      c.header('Cache-Control', 'no-store')
      return c.json({ token, label, user: me.name }, 201)
    },
  )
}
