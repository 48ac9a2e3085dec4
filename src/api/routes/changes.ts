/**
 * @module The recent-changes feed: GET /api/changes (JSON, `since` a time or a revision id),
 * GET /api/changes.atom (the same as an Atom feed for feed readers, links from TRACKER_PUBLIC_URL),
 * GET /api/revisions/{id}.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { atomFeed, type FeedScope } from '../../export/atom.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { eventTypes } from '../../model/vocab.ts'
import { InvalidInputError, NotFoundError } from '../../model/errors.ts'
import { batchSizes, changeById, changeSubject, FILTER_SCAN_LIMIT, listChanges, type ChangeFilter } from '../../service/changes.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json, notFound } from '../openapi.ts'
import { offsetParam } from '../params.ts'
import { RevisionSchema, revisionView } from './edit.ts'

const ChangesQuery = z.object({
  since: z.string().max(40).optional().describe('Only changes after this time (ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z) or after this revision id.'),
  province: z.string().max(80).optional().describe('Only changes about this province (id, e.g. south-pyongan): its localities, their projects, events and claims.'),
  locality: z.string().max(120).optional().describe('Only changes about this locality (id, e.g. south-pyongan.songchon).'),
  project: z.string().max(300).optional().describe('Only changes about this project (id): the project, its events and the claims about them.'),
  type: eventTypes.schema.optional().describe('Only changes to events of this type (and the claims about them).'),
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

type ChangesQueryValue = z.infer<typeof ChangesQuery>

const ChangeSubjectSchema = z
  .object({
    type: z.enum(['project', 'source', 'locality', 'province', 'program']),
    id: z.string(),
    page: z.string().describe('The web page of the record, e.g. /projects/20x10.2026.north-hamgyong.musan.'),
    title: z.string().describe('In English, e.g. "Musan County 2026" or the title of a source.'),
    locality: z.object({ id: z.string(), name: z.string(), hangul: z.string(), type: z.string() }).nullable().describe('The place of a project or locality, with its hangul.'),
    year: z.number().nullable(),
    kinds: z.array(z.string()).describe("A project's facility kinds."),
  })
  .meta({ id: 'ChangeSubject' })

const ChangeSchema = RevisionSchema.extend({
  subject: ChangeSubjectSchema.nullable().describe('The record the change is seen on: a project for its events and claims.'),
}).meta({ id: 'Change' })

const BatchSizeSchema = z
  .object({
    batch: z.string(),
    records: z.number().int().describe('Records the write touched in all, whatever the page shows of it.'),
    by_type: z.record(z.string(), z.number().int()).describe('The same, by entity type (project, event, claim…).'),
  })
  .meta({ id: 'BatchSize' })

/** The filters of a query, each checked against the record (an unknown id is a 400, not an empty feed). */
function filterOf(q: ChangesQueryValue, snap: Snapshot): { filter: ChangeFilter; scope: FeedScope | null } {
  const problems: { path: string; message: string }[] = []
  if (q.province && !snap.provinces.has(q.province)) problems.push({ path: 'query.province', message: `no province '${q.province}' (see /api/provinces)` })
  if (q.locality && !snap.localities.has(q.locality)) problems.push({ path: 'query.locality', message: `no locality '${q.locality}' (see /api/localities)` })
  if (q.project && !snap.projects.has(q.project)) problems.push({ path: 'query.project', message: `no project '${q.project}'` })
  if (problems.length) throw new InvalidInputError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems)
  const filter: ChangeFilter = { ...(q.province ? { province: q.province } : {}), ...(q.locality ? { locality: q.locality } : {}), ...(q.project ? { project: q.project } : {}), ...(q.type ? { type: q.type } : {}) }
  const labels: string[] = []
  const params = new URLSearchParams()
  if (q.province) (labels.push(snap.provinces.get(q.province)!.plain), params.set('province', q.province))
  if (q.locality) (labels.push(snap.localities.get(q.locality)!.plain), params.set('locality', q.locality))
  if (q.project) (labels.push(q.project), params.set('project', q.project))
  if (q.type) (labels.push(eventTypes.labels[q.type]), params.set('type', q.type))
  return { filter, scope: labels.length ? { label: labels.join(', '), query: params.toString() } : null }
}

export function registerChanges(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/changes',
      tags: ['changes'],
      summary: 'Recent changes (revisions), newest first',
      request: { query: ChangesQuery },
      responses: {
        200: json(
          z
            .object({
              items: z.array(ChangeSchema),
              total: z.number(),
              batches: z.array(BatchSizeSchema).describe('For each write (batch) on this page: how many records it touched in all, also those beyond the page.'),
              scanned: z.number().optional().describe('Present when a filtered list read only the newest this many revisions.'),
            })
            .meta({ id: 'ChangeList' }),
          'Revisions.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const snap = await c.var.tracker.readModel.current()
      const { filter } = filterOf(q, snap)
      const { items, total, scanned_all } = await listChanges(c.var.tracker, { ...parseSince(q.since), limit: q.limit, offset: q.offset, filter })
      const batches = await batchSizes(c.var.tracker, items)
      c.header('Cache-Control', 'no-cache')
      return c.json({ items: items.map((r) => ({ ...revisionView(r), subject: changeSubject(snap, r) })), total, batches, ...(scanned_all ? {} : { scanned: FILTER_SCAN_LIMIT }) }, 200)
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
      const snap = await c.var.tracker.readModel.current()
      const { filter, scope } = filterOf(q, snap)
      const { items } = await listChanges(c.var.tracker, { ...parseSince(q.since), limit: q.limit, offset: q.offset, filter })
      const body = atomFeed(snap, items, c.var.publicUrl, scope)
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
