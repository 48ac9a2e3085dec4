/**
 * @module The recent-changes feed: GET /api/changes (JSON, `since` a time or a revision id),
 * GET /api/changes.atom (the same as an Atom feed for feed readers, links from TRACKER_PUBLIC_URL),
 * GET /api/revisions/{id}.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { atomFeed } from '../../export/atom.ts'
import { InvalidInputError, NotFoundError } from '../../model/errors.ts'
import { changeById, listChanges } from '../../service/changes.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json, notFound } from '../openapi.ts'
import { offsetParam } from '../params.ts'
import { RevisionSchema, revisionView } from './edit.ts'

const ChangesQuery = z.object({
  since: z.string().max(40).optional().describe('Only changes after this time (ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z) or after this revision id.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: offsetParam,
})

function parseSince(since: string | undefined): { sinceTime?: string; sinceId?: number } {
  if (since === undefined) return {}
  if (/^\d{1,9}$/.test(since)) return { sinceId: Number(since) }
  const t = Date.parse(since)
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(since)) throw new InvalidInputError('query.since: expected an ISO date/time or a revision id', [{ path: 'query.since', message: 'expected an ISO date/time or a revision id' }])
  return { sinceTime: new Date(t).toISOString() }
}

export function registerChanges(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/changes',
      tags: ['changes'],
      summary: 'Recent changes (revisions), newest first',
      request: { query: ChangesQuery },
      responses: { 200: json(z.object({ items: z.array(RevisionSchema), total: z.number() }).meta({ id: 'ChangeList' }), 'Revisions.'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const { items, total } = await listChanges(c.var.tracker, { ...parseSince(q.since), limit: q.limit, offset: q.offset })
      c.header('Cache-Control', 'no-cache')
      return c.json({ items: items.map(revisionView), total }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/changes.atom',
      tags: ['changes'],
      summary: 'Recent changes as an Atom feed',
      request: { query: ChangesQuery },
      responses: { 200: { description: 'Atom feed.', content: { 'application/atom+xml': { schema: z.string() } } }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const { items } = await listChanges(c.var.tracker, { ...parseSince(q.since), limit: q.limit, offset: q.offset })
      const body = atomFeed(await c.var.tracker.readModel.current(), items, c.var.publicUrl)
      return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'no-cache' })
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/revisions/{id}',
      tags: ['changes'],
      summary: 'One revision with its before and after',
      request: { params: z.object({ id: z.coerce.number().int().min(1).max(2_000_000_000) }) },
      responses: {
        200: json(RevisionSchema.extend({ before: z.unknown(), after: z.unknown() }).meta({ id: 'RevisionDetail' }), 'The revision.'),
        ...notFound,
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const r = await changeById(c.var.tracker, id)
      if (!r) throw new NotFoundError(`no revision ${id}`)
      return c.json({ ...revisionView(r), before: r.before, after: r.after }, 200)
    },
  )
}
