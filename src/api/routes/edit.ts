/**
 * @module The editing API: create, change (If-Match), delete and restore projects, events,
 * sources, localities and claims; prefer a claim; merge localities or sources; revert a
 * revision; the history of a record. Every change needs an editor, a comment, and a source for
 * new facts; it is one transaction with a revision per changed record.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import { NotFoundError, PreconditionRequiredError } from '../../model/errors.ts'
import type { AppEnv } from '../context.ts'
import {
  changeRecord,
  createRecord,
  editableEntities,
  mergeRecords,
  expectedVersion,
  parseIfMatch,
  preferClaimOp,
  recordHistory,
  removeRecord,
  restoreRecord,
  revert,
  type EditableEntity,
  type RevisionRow,
  type StoredRecord,
} from '../../service/edit/operations.ts'
import { ErrorSchema, errorResponses, json, notFound } from '../openapi.ts'

export const RevisionSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    entity_type: z.string(),
    entity_id: z.string(),
    action: z.enum(['create', 'update', 'delete', 'restore']),
    comment: z.string(),
    source_id: z.string().nullable(),
    batch: z.string().nullable(),
    reverts: z.number().nullable(),
    proposal_id: z.number().nullable().describe('The intake proposal whose accept wrote this revision.'),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'Revision' })

export function revisionView(r: RevisionRow): z.infer<typeof RevisionSchema> {
  const before = r.before ?? {}
  const after = r.after ?? {}
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const changes =
    r.action === 'update'
      ? fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }))
      : []
  return { id: r.id, at: r.at, actor: r.actor, entity_type: r.entity_type, entity_id: r.entity_id, action: r.action as 'create', comment: r.comment, source_id: r.source_id, batch: r.batch, reverts: r.reverts, proposal_id: r.proposal_id, changes }
}

export const WriteResult = z
  .object({ record: z.record(z.string(), z.unknown()).describe('The record after the change, with its new version.'), data_version: z.number(), batch: z.string() })
  .meta({ id: 'WriteResult' })
const CommentBody = z.strictObject({ comment: z.string().max(500).describe('Why (required).') }).meta({ id: 'CommentBody' })
const writeResponses = {
  401: json(ErrorSchema, 'Not signed in.'),
  403: json(ErrorSchema, 'Not an editor, or missing CSRF token.'),
  409: json(ErrorSchema, 'Conflicts with the data (exists, still used…).'),
  412: json(ErrorSchema, 'Stale If-Match: someone else changed the record; `error.current` holds their version.'),
  428: json(ErrorSchema, 'If-Match missing.'),
  ...notFound,
  ...errorResponses,
}
const ifMatch = z.object({ 'if-match': z.string().optional().describe('The ETag of the record as GET returned it (e.g. "v3-1f0c2a9e5b7d"), or its version ("3"); required. A tag that does not match the current version gets 412 with the current record.') })

function view(stored: StoredRecord) {
  return { ...stored.record, version: stored.meta.version, updated_at: stored.meta.updated_at, deleted: stored.meta.deleted_at !== null }
}

/** The version If-Match names (null for "*"); 428 when it is missing. */
function requiredVersion(c: Context): number | null {
  const p = parseIfMatch(c.req.header('if-match'))
  if (p === null) throw new PreconditionRequiredError()
  return expectedVersion(p)
}

function user(c: Context<AppEnv>) {
  return c.var.auth.user!
}

function registerEntity(app: OpenAPIHono<AppEnv>, e: EditableEntity): void {
  const idParam = z.object({ id: z.string().min(1).max(400) })
  const body = (schema: z.ZodType) => ({ body: { required: true, content: { 'application/json': { schema } } } })
  app.openapi(
    createRoute({ method: 'post', path: `/api/${e.path}`, tags: [e.path], summary: `Create a ${e.type}`, request: body(e.create), responses: { 201: json(WriteResult, 'Created.'), ...writeResponses } }),
    async (c) => {
      const input = c.req.valid('json') as { comment?: string; source?: string }
      const out = await createRecord(c.var.tracker, user(c), e, input)
      return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'patch',
      path: `/api/${e.path}/{id}`,
      tags: [e.path],
      summary: `Change a ${e.type} (send If-Match with its version)`,
      request: { params: idParam, headers: ifMatch, ...body(e.patch) },
      responses: { 200: json(WriteResult, 'Changed.'), ...writeResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const version = requiredVersion(c)
      const input = c.req.valid('json') as { comment?: string; source?: string }
      const out = await changeRecord(c.var.tracker, user(c), e, id, version, input)
      return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: `/api/${e.path}/{id}`,
      tags: [e.path],
      summary: `Delete a ${e.type} (soft: it can be restored)`,
      request: { params: idParam, headers: ifMatch, ...body(CommentBody) },
      responses: { 200: json(WriteResult, 'Deleted.'), ...writeResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const version = requiredVersion(c)
      const { comment } = c.req.valid('json') as z.infer<typeof CommentBody>
      const out = await removeRecord(c.var.tracker, user(c), e.entity, id, version, comment)
      return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: `/api/${e.path}/{id}/restore`,
      tags: [e.path],
      summary: `Restore a deleted ${e.type}, with what was deleted along with it`,
      request: { params: idParam, ...body(CommentBody) },
      responses: { 200: json(WriteResult, 'Restored.'), ...writeResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { comment } = c.req.valid('json') as z.infer<typeof CommentBody>
      const out = await restoreRecord(c.var.tracker, user(c), e.entity, id, comment)
      return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: `/api/${e.path}/{id}/history`,
      tags: [e.path],
      summary: `Revisions of a ${e.type}${e.entity === 'projects' ? ' and of its events and claims' : ''}, newest first`,
      request: { params: idParam },
      responses: { 200: json(z.object({ items: z.array(RevisionSchema), total: z.number() }).meta({ id: 'History' }), 'Revisions.'), ...notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const items = (await recordHistory(c.var.tracker, e, id)).map(revisionView)
      c.header('Cache-Control', 'no-store')
      return c.json({ items, total: items.length }, 200)
    },
  )
}

const Merge = z.strictObject({ from: z.string().min(1).max(200), into: z.string().min(1).max(200), comment: z.string().max(500) }).meta({ id: 'Merge' })
const Prefer = z.strictObject({ reason: z.string().min(3).max(1000), comment: z.string().max(500).optional() }).meta({ id: 'Prefer' })

export function registerEdit(app: OpenAPIHono<AppEnv>): void {
  for (const e of editableEntities) registerEntity(app, e)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/claims/{id}/prefer',
      tags: ['claims'],
      summary: 'Prefer this claim over the competing ones (with a reason); an event date follows it',
      request: { params: z.object({ id: z.string().max(100) }), body: { required: true, content: { 'application/json': { schema: Prefer } } } },
      responses: { 200: json(WriteResult, 'Preferred.'), ...writeResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { reason, comment } = c.req.valid('json')
      const out = await preferClaimOp(c.var.tracker, user(c), id, reason, comment)
      return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 200)
    },
  )
  for (const path of ['localities', 'sources'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/${path}/merge`,
        tags: [path],
        summary: `Merge two duplicate ${path}: everything of "from" moves to "into", "from" is deleted`,
        request: { body: { required: true, content: { 'application/json': { schema: Merge } } } },
        responses: { 200: json(WriteResult, 'Merged.'), ...writeResponses },
      }),
      async (c) => {
        const { from, into, comment } = c.req.valid('json')
        const out = await mergeRecords(c.var.tracker, user(c), path, from, into, comment)
        return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 200)
      },
    )
  }
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/revisions/{id}/revert',
      tags: ['changes'],
      summary: 'Revert a revision (the latest of its record); the revert is itself a new revision',
      request: { params: z.object({ id: z.coerce.number().int().min(1) }), body: { required: true, content: { 'application/json': { schema: CommentBody } } } },
      responses: { 200: json(WriteResult, 'Reverted.'), ...writeResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { comment } = c.req.valid('json')
      const out = await revert(c.var.tracker, user(c), id, comment)
      return c.json({ record: view(out.result), data_version: out.data_version, batch: out.batch }, 200)
    },
  )
}
