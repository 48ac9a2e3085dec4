/**
 * @module Reviewing the intake's proposals: list them (pending ones matched again against the
 * record as it is now), accept one — optionally amended: another locality, date, type, kinds or
 * policy year — which writes the source, the event or claims and the quote in one transaction
 * whose revisions cite the proposal, through the same edit operations and integrity rules as any
 * edit; accept every "confirms" of one source in one step; reject one with a reason.
 */
import type { Transaction } from 'kysely'
import { z } from 'zod'
import { ConflictError, InvalidInputError, NotFoundError, zodDetails } from '../model/errors.ts'
import { claimId, LocalityId, shortHash, slugify } from '../model/ids.ts'
import { matchKinds, matchProposal, type Match, type MatchKind } from '../model/match.ts'
import { PartialDate } from '../model/partialDate.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { SourceSchema } from '../model/source.ts'
import { eventTypes, facilityKinds, type EventType, type Status } from '../model/vocab.ts'
import type { User } from '../store/accounts.ts'
import { decideProposal, lockProposal, reportById, selectProposals, setReportSource, countPending, type ListedProposal, type ProposalState, type ReportRow } from '../store/proposals.ts'
import type { DB } from '../store/schema.ts'
import { readRecord, type RevisionContext } from '../store/writes.ts'
import { createClaim } from './edit/claims.ts'
import { createEvent, createProject, createSimple, EventCreate, patchProject, ProjectCreate } from './edit/records.ts'
import { runWrite } from './edit/run.ts'
import type { ExtractedEvent } from './intake.ts'
import type { Tracker } from './tracker.ts'

type Editor = Pick<User, 'name'>

export const Amendment = z
  .object({
    locality: LocalityId.optional().describe('Another locality (required when the place was ambiguous).'),
    date: PartialDate.optional(),
    type: eventTypes.schema.optional(),
    kinds: z.array(facilityKinds.schema).max(20).optional(),
    year: z.number().int().min(1900).max(2200).optional().describe('Policy year, for a new project.'),
    leader_present: z.boolean().optional(),
    counted: z.boolean().optional().describe('For a new project: whether it counts toward its year (default true).'),
    counted_reason: z.string().max(500).optional(),
    comment: z.string().max(500).optional().describe('Why (defaults to a line naming the proposal and its source).'),
  })
  .strict()
  .meta({ id: 'ProposalAmendment' })
export type Amendment = z.infer<typeof Amendment>

export interface ProposalView {
  id: number
  state: ProposalState
  report_id: string
  seq: number
  event: ExtractedEvent
  match: Match
  /** The match when it was taken in (pending ones are matched again against the record as it is now). */
  match_at_intake: Match
  report: ListedProposal['report']
  decided_by: string | null
  decided_at: string | null
  reason: string | null
  accepted: Record<string, unknown> | null
  created_at: string
}

/** Rows read for one list request at most: the queue is filtered by match in memory. */
const listCap = 5000

function view(p: ListedProposal, snapshot: Snapshot): ProposalView {
  const event = p.event as unknown as ExtractedEvent
  const stored = p.match as unknown as Match
  const match = p.state === 'pending' ? matchProposal(event, snapshot, { url: p.report.url, sourceId: p.report.source_id }) : stored
  return { id: p.id, state: p.state, report_id: p.report_id, seq: p.seq, event, match, match_at_intake: stored, report: p.report, decided_by: p.decided_by, decided_at: p.decided_at, reason: p.reason, accepted: p.accepted, created_at: p.created_at }
}

export interface ProposalQuery {
  state?: ProposalState[]
  match?: MatchKind[]
  source?: string[]
  limit: number
  offset: number
}

export async function listProposals(tracker: Tracker, q: ProposalQuery): Promise<{ items: ProposalView[]; total: number }> {
  const snapshot = await tracker.readModel.current()
  const rows = await selectProposals(tracker.store.db, { ...(q.state ? { state: q.state } : {}), ...(q.source ? { source: q.source } : {}), cap: listCap })
  const all = rows.map((r) => view(r, snapshot)).filter((p) => !q.match?.length || q.match.includes(p.match.kind))
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length }
}

export interface ProposalDetail extends ProposalView {
  /** The article text the evidence offsets refer to. */
  report_text: string
  /** The record the proposal is matched against: the project, the event and the claims on them. */
  record: { project: Record<string, unknown> | null; event: Record<string, unknown> | null; claims: Record<string, unknown>[] }
}

export async function getProposal(tracker: Tracker, id: number): Promise<ProposalDetail> {
  const snapshot = await tracker.readModel.current()
  const [row] = await selectProposals(tracker.store.db, { ids: [id], cap: 1 })
  if (!row) throw new NotFoundError(`no proposal ${id}`)
  const report = (await reportById(tracker.store.db, row.report_id))!
  const v = view(row, snapshot)
  const project = v.match.project_id ? snapshot.projects.get(v.match.project_id) ?? null : null
  const event = v.match.event_id ? snapshot.events.get(v.match.event_id) ?? null : null
  const claims = [
    ...(event ? (snapshot.claimsBySubject.get(`event:${event.id}`) ?? []) : []),
    ...(project ? (snapshot.claimsBySubject.get(`project:${project.id}`) ?? []).filter((c) => c.field === 'province' || c.field === 'status') : []),
  ].map((c) => ({ ...c, source: snapshot.sources.get(c.source_id) ? { id: c.source_id, publisher: snapshot.sources.get(c.source_id)!.publisher, title: snapshot.sources.get(c.source_id)!.title } : null }))
  return { ...v, report_text: report.text, record: { project: (project as unknown as Record<string, unknown>) ?? null, event: (event as unknown as Record<string, unknown>) ?? null, claims } }
}

export async function pendingCount(tracker: Tracker): Promise<number> {
  return countPending(tracker.store.db)
}

// ---- accepting ---------------------------------------------------------------------------------

const statusOfType: Partial<Record<EventType, Status>> = {
  announced: 'planned',
  groundbreaking: 'under_construction',
  construction_stage: 'under_construction',
  completion: 'operational',
  inauguration: 'operational',
  production_start: 'operational',
}

function parsed<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input)
  if (!r.success) {
    const details = zodDetails(r.error.issues, what)
    throw new InvalidInputError(`${details[0]?.path ?? what}: ${details[0]?.message ?? 'invalid'}`, details)
  }
  return r.data
}

/** The source the report becomes: the one it already became, a recorded source with its URL, or a new one. */
async function sourceOfReport(trx: Transaction<DB>, report: ReportRow, ctx: RevisionContext): Promise<string> {
  if (report.source_id) {
    const s = await readRecord(trx, 'sources', report.source_id)
    if (s && !s.meta.deleted_at) return report.source_id
  }
  if (report.url) {
    const same = await trx.selectFrom('sources').select('id').where('url', '=', report.url).where('deleted_at', 'is', null).orderBy('id').executeTakeFirst()
    if (same) {
      await setReportSource(trx, report.id, same.id)
      return same.id
    }
  }
  const publisher = report.publisher ?? (report.url ? new URL(report.url).hostname : 'Unknown publisher')
  const id = `${slugify(publisher) || 'report'}-${report.published ?? 'undated'}-${shortHash(report.text_hash).slice(0, 6)}`
  const firstLine = report.text.split('\n').find((l) => l.trim() !== '')?.trim() ?? report.id
  const source = parsed(
    SourceSchema,
    {
      id,
      kind: report.kind,
      publisher,
      title: (report.title ?? firstLine).slice(0, 500),
      url: report.url,
      published: report.published,
      language: report.language && report.language !== 'und' ? report.language : null,
      notes: `Taken in by the intake as report ${report.id}.`,
    },
    'source',
  )
  await createSimple(trx, 'sources', source, ctx)
  await setReportSource(trx, report.id, id)
  return id
}

async function claimOnce(trx: Transaction<DB>, input: Parameters<typeof createClaim>[1], ctx: RevisionContext, written: string[]): Promise<void> {
  const id = claimId({ subject_type: input.subject_type, subject_id: input.subject_id, field: input.field, value: input.value, source_id: (input.source ?? input.source_id)! })
  const existing = await readRecord(trx, 'claims', id)
  if (existing && !existing.meta.deleted_at) return
  written.push(`claim:${(await createClaim(trx, input, ctx)).id}`)
}

interface Prepared {
  proposalId: number
  fact: ExtractedEvent
  match: Match
  amend: Amendment
}

/** The proposal with the amendment applied, matched against the snapshot. */
function prepare(row: ListedProposal, amend: Amendment, snapshot: Snapshot): Prepared {
  const original = row.event as unknown as ExtractedEvent
  const fact: ExtractedEvent = {
    ...original,
    ...(amend.locality ? { locality: amend.locality, candidates: [] } : {}),
    ...(amend.date ? { date: amend.date } : {}),
    ...(amend.type ? { type: amend.type } : {}),
    ...(amend.kinds ? { kinds: amend.kinds } : {}),
    ...(amend.leader_present !== undefined ? { leader_present: amend.leader_present } : {}),
  }
  if (amend.locality && !snapshot.localities.has(amend.locality)) throw new InvalidInputError(`locality: no locality "${amend.locality}"`, [{ path: 'body.locality', message: 'unknown locality' }])
  const match = matchProposal(fact, snapshot, { url: row.report.url, sourceId: row.report.source_id })
  return { proposalId: row.id, fact, match, amend }
}

/** Writes one accepted proposal; the caller's transaction holds everything. */
async function writeAccepted(trx: Transaction<DB>, p: Prepared, user: Editor, ctx: RevisionContext): Promise<{ records: string[]; match: Match }> {
  const locked = await lockProposal(trx, p.proposalId)
  if (!locked) throw new NotFoundError(`no proposal ${p.proposalId}`)
  if (locked.state !== 'pending') throw new ConflictError(`proposal ${p.proposalId} was already ${locked.state}${locked.decided_by ? ` by ${locked.decided_by}` : ''}`)
  const { fact, match } = p
  if (!fact.locality) throw new InvalidInputError(`locality: the place is ambiguous (${fact.candidates.join(', ') || 'not in the gazetteer'}): pick the locality`, [{ path: 'body.locality', message: 'required: the place is ambiguous' }])
  if (!fact.date) throw new InvalidInputError('date: the report gives no date for this event: give the date', [{ path: 'body.date', message: 'required' }])
  if (match.kind === 'duplicate') throw new ConflictError(`already in the record: claim ${match.claim_id} of the same source says this; reject the proposal instead`)
  const report = (await reportById(trx, locked.report_id))!
  const source = await sourceOfReport(trx, report, ctx)
  ctx.source_id = source
  const quote = fact.evidence?.slice(0, 600) || null
  const written: string[] = []
  let projectId = match.project_id
  if (match.kind === 'new_project') {
    const year = p.amend.year ?? match.year
    if (!year) throw new InvalidInputError('year: say which policy year the new project belongs to', [{ path: 'body.year', message: 'required for a new project' }])
    if (!fact.kinds.length) throw new InvalidInputError('kinds: say what the new project builds (facility kinds)', [{ path: 'body.kinds', message: 'required for a new project' }])
    const counted = p.amend.counted ?? true
    const input = parsed(ProjectCreate, { year, locality: fact.locality, kinds: fact.kinds, counted, counted_reason: p.amend.counted_reason, status: statusOfType[fact.type], source, quote, comment: ctx.comment }, 'body')
    const stored = await createProject(trx, input, ctx)
    projectId = stored.record.id as string
    written.push(`project:${projectId}`)
  }
  if (match.kind === 'new' || match.kind === 'new_project') {
    if (!projectId) throw new InvalidInputError('locality: no project to attach the event to')
    const input = parsed(EventCreate, { project: projectId, type: fact.type, date: fact.date, leader_present: fact.leader_present || null, source, quote, comment: ctx.comment }, 'body')
    const stored = await createEvent(trx, input, ctx)
    written.push(`event:${stored.record.id as string}`)
    if (fact.leader_present) await claimOnce(trx, { subject_type: 'event', subject_id: stored.record.id as string, field: 'leader_present', value: true, source, quote, rank: 'normal' }, ctx, written)
  }
  if ((match.kind === 'confirms' || match.kind === 'conflicts') && match.event_id) {
    // A competing claim goes beside the preferred one, never over it.
    await claimOnce(trx, { subject_type: 'event', subject_id: match.event_id, field: 'date', value: fact.date, source, quote, rank: 'normal' }, ctx, written)
    if (fact.leader_present) await claimOnce(trx, { subject_type: 'event', subject_id: match.event_id, field: 'leader_present', value: true, source, quote, rank: 'normal' }, ctx, written)
  }
  const province = match.differs.find((d) => d.field === 'province')
  if (province && projectId) {
    await claimOnce(trx, { subject_type: 'project', subject_id: projectId, field: 'province', value: String(province.proposed), source, quote, said: fact.place_text ?? null, rank: 'normal' }, ctx, written)
  }
  if (p.amend.kinds && projectId && match.kind !== 'new_project') {
    const current = (await readRecord(trx, 'projects', projectId))!
    const merged = [...new Set([...(current.record.kinds as string[]), ...p.amend.kinds])]
    if (merged.length !== (current.record.kinds as string[]).length) {
      await patchProject(trx, projectId, current.meta.version, { kinds: merged as never, source, quote, comment: ctx.comment }, ctx)
      written.push(`project:${projectId}`)
    }
  }
  await decideProposal(trx, p.proposalId, { state: 'accepted', by: user.name, reason: p.amend.comment ?? null, accepted: { fields: fact, match, source, records: written }, batch: ctx.batch })
  return { records: written, match }
}

export interface AcceptResult {
  proposal: ProposalView
  records: string[]
  data_version: number
  batch: string
}

async function rowOf(tracker: Tracker, id: number): Promise<ListedProposal> {
  const [row] = await selectProposals(tracker.store.db, { ids: [id], cap: 1 })
  if (!row) throw new NotFoundError(`no proposal ${id}`)
  return row
}

function defaultComment(row: ListedProposal): string {
  const who = row.report.publisher ?? row.report.url ?? row.report_id
  return `Accepted intake proposal ${row.id} (${(row.event as { type?: string }).type ?? 'event'}) from ${who}${row.report.published ? ` of ${row.report.published}` : ''}`
}

export async function acceptProposal(tracker: Tracker, user: Editor, id: number, amendment: unknown = {}): Promise<AcceptResult> {
  const amend = parsed(Amendment, amendment ?? {}, 'body')
  const row = await rowOf(tracker, id)
  if (row.state !== 'pending') throw new ConflictError(`proposal ${id} was already ${row.state}${row.decided_by ? ` by ${row.decided_by}` : ''}`)
  // The snapshot is read before the transaction: on the embedded database the transaction holds
  // the only connection. The writes themselves check the record again (ids, sources, versions).
  const snapshot = await tracker.readModel.current()
  const prepared = prepare(row, amend, snapshot)
  const out = await runWrite(tracker, user, amend.comment ?? defaultComment(row), (trx, ctx) => writeAccepted(trx, prepared, user, ctx), { proposal_id: id })
  const after = await rowOf(tracker, id)
  return { proposal: view(after, await tracker.readModel.current()), records: out.result.records, data_version: out.data_version, batch: out.batch }
}

/** Accepts every pending proposal of one source (report id or source id) that confirms the record, in one transaction. */
export async function acceptConfirms(tracker: Tracker, user: Editor, source: string, comment?: string): Promise<{ accepted: number[]; skipped: number; data_version: number | null; batch: string | null }> {
  const snapshot = await tracker.readModel.current()
  const rows = await selectProposals(tracker.store.db, { state: ['pending'], source: [source], cap: listCap })
  if (rows.length === 0) throw new NotFoundError(`no pending proposal from source "${source}"`)
  const prepared = rows.map((r) => prepare(r, {}, snapshot)).filter((p) => p.match.kind === 'confirms')
  if (prepared.length === 0) return { accepted: [], skipped: rows.length, data_version: null, batch: null }
  const first = rows[0]!
  const text = comment ?? `Accepted ${prepared.length} confirming proposal(s) from ${first.report.publisher ?? first.report.url ?? first.report_id}`
  const out = await runWrite(tracker, user, text, async (trx, ctx) => {
    for (const p of prepared) {
      ctx.proposal_id = p.proposalId
      await writeAccepted(trx, p, user, ctx)
    }
  })
  return { accepted: prepared.map((p) => p.proposalId), skipped: rows.length - prepared.length, data_version: out.data_version, batch: out.batch }
}

export async function rejectProposal(tracker: Tracker, user: Editor, id: number, reason: string | undefined): Promise<ProposalView> {
  const why = (reason ?? '').trim()
  if (why.length < 3) throw new InvalidInputError('reason: say in a few words why the proposal is rejected', [{ path: 'body.reason', message: 'required' }])
  await tracker.store.db.transaction().execute(async (trx) => {
    const locked = await lockProposal(trx, id)
    if (!locked) throw new NotFoundError(`no proposal ${id}`)
    if (locked.state !== 'pending') throw new ConflictError(`proposal ${id} was already ${locked.state}${locked.decided_by ? ` by ${locked.decided_by}` : ''}`)
    await decideProposal(trx, id, { state: 'rejected', by: user.name, reason: why.slice(0, 1000) })
  })
  return view(await rowOf(tracker, id), await tracker.readModel.current())
}

export { matchKinds }
