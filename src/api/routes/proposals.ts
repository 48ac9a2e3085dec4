/**
 * @module The review queue over HTTP (editors only, reads too: the queue holds unreviewed
 * article text): list proposals, one proposal with its article and the record it is matched
 * against, the pending count, accept (optionally amended), accept every "confirms" of one source,
 * reject with a reason.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import { ForbiddenError, UnauthorizedError } from '../../model/errors.ts'
import { matchKinds } from '../../model/match.ts'
import { acceptConfirms, acceptProposal, Amendment, getProposal, listProposals, pendingCount, rejectProposal } from '../../service/review.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json, listOf, notFound } from '../openapi.ts'
import { csvList, paging } from '../params.ts'

const MatchSchema = z
  .object({
    kind: z.enum(matchKinds),
    project_id: z.string().nullable(),
    event_id: z.string().nullable(),
    locality_id: z.string().nullable(),
    year: z.number().nullable(),
    claim_id: z.string().nullable(),
    differs: z.array(z.object({ field: z.string(), record: z.unknown(), proposed: z.unknown() })),
    note: z.string(),
  })
  .meta({ id: 'ProposalMatch' })

export const ProposalSchema = z
  .object({
    id: z.number().int(),
    state: z.enum(['pending', 'accepted', 'rejected']),
    report_id: z.string(),
    seq: z.number().int(),
    event: z.record(z.string(), z.unknown()).describe('The extracted fields: type, locality, candidates, province, date, date_precision, leader_present, kinds, evidence (with offsets), confidence.'),
    match: MatchSchema.describe('For pending proposals, matched again against the record as it is now.'),
    match_at_intake: MatchSchema,
    report: z.record(z.string(), z.unknown()).describe('The report it came from: url, title, publisher, published, language, source_id once taken in.'),
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
    reason: z.string().nullable(),
    accepted: z.record(z.string(), z.unknown()).nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Proposal' })

const ProposalDetail = ProposalSchema.extend({
  report_text: z.string().describe('The article text the evidence offsets refer to.'),
  record: z.object({ project: z.record(z.string(), z.unknown()).nullable(), event: z.record(z.string(), z.unknown()).nullable(), claims: z.array(z.record(z.string(), z.unknown())) }),
}).meta({ id: 'ProposalDetail' })

const ListQuery = z.object({
  state: csvList(z.enum(['pending', 'accepted', 'rejected'])),
  match: csvList(z.enum(matchKinds)),
  source: csvList(z.string().min(1).max(160)).describe('Report ids (r-…) or the source ids reports became.'),
  ...paging,
})
const IdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })
const access = { 401: json(ErrorSchema, 'Not signed in.'), 403: json(ErrorSchema, 'Not an editor.') }
const AcceptResult = z.object({ proposal: ProposalSchema, records: z.array(z.string()), data_version: z.number(), batch: z.string() }).meta({ id: 'AcceptResult' })

/** Reading the queue needs an editor too; a read changes nothing, so no CSRF token is asked. */
function requireEditorRead(c: Context<AppEnv>): void {
  const user = c.var.auth?.user
  if (!user) throw new UnauthorizedError('sign in as an editor to see the review queue')
  if (user.role === 'viewer') throw new ForbiddenError(`the review queue is for editors; ${user.name} is a viewer`)
}

async function optionalJson(c: Context): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '') return {}
  return JSON.parse(text)
}

export function registerProposals(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/proposals', tags: ['review'], summary: 'The review queue (editors)', request: { query: ListQuery }, responses: { 200: json(listOf(ProposalSchema, 'ProposalList'), 'Matching proposals, newest reports first.'), ...access, ...errorResponses } }),
    async (c) => {
      requireEditorRead(c)
      const q = c.req.valid('query')
      const out = await listProposals(c.var.tracker, { ...(q.state ? { state: q.state } : {}), ...(q.match ? { match: q.match } : {}), ...(q.source ? { source: q.source } : {}), limit: q.limit, offset: q.offset })
      return c.json(out as never, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/proposals/count', tags: ['review'], summary: 'How many proposals wait for review (editors)', responses: { 200: json(z.object({ pending: z.number().int() }), 'The count.'), ...access, ...errorResponses } }),
    async (c) => {
      requireEditorRead(c)
      return c.json({ pending: await pendingCount(c.var.tracker) }, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/proposals/{id}', tags: ['review'], summary: 'One proposal with its article and the record it is matched against (editors)', request: { params: IdParam }, responses: { 200: json(ProposalDetail, 'The proposal.'), ...access, ...notFound, ...errorResponses } }),
    async (c) => {
      requireEditorRead(c)
      return c.json((await getProposal(c.var.tracker, c.req.valid('param').id)) as never, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/proposals/{id}/accept',
      tags: ['review'],
      summary: 'Accept a proposal, optionally amended: source, event or claims and quote written in one transaction whose revisions cite the proposal',
      request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: Amendment } } } },
      responses: { 200: json(AcceptResult, 'Accepted.'), ...access, 409: json(ErrorSchema, 'Already decided, or already in the record.'), ...notFound, ...errorResponses },
    }),
    async (c) => {
      const out = await acceptProposal(c.var.tracker, c.var.auth.user!, c.req.valid('param').id, await optionalJson(c))
      return c.json(out as never, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/proposals/{id}/reject',
      tags: ['review'],
      summary: 'Reject a proposal, with the reason',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ reason: z.string().max(1000) }).strict() } } } },
      responses: { 200: json(ProposalSchema, 'Rejected.'), ...access, 409: json(ErrorSchema, 'Already decided.'), ...notFound, ...errorResponses },
    }),
    async (c) => {
      const out = await rejectProposal(c.var.tracker, c.var.auth.user!, c.req.valid('param').id, c.req.valid('json').reason)
      return c.json(out as never, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/proposals/accept-confirms',
      tags: ['review'],
      summary: 'Accept every pending proposal of one source that confirms the record, in one transaction',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ source: z.string().min(1).max(160).describe('Report id or source id.'), comment: z.string().max(500).optional() }).strict() } } } },
      responses: { 200: json(z.object({ accepted: z.array(z.number()), skipped: z.number(), data_version: z.number().nullable(), batch: z.string().nullable() }), 'What was accepted.'), ...access, ...notFound, ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json')
      return c.json(await acceptConfirms(c.var.tracker, c.var.auth.user!, body.source, body.comment), 200)
    },
  )
}
