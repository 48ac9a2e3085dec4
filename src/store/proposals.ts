/**
 * @module The review queue in the database: reports taken in (each once — a second copy by URL
 * or text hash inserts nothing, also when two instances race), the proposals read from them, and
 * an editor's decision on each. Decisions lock the proposal row, so one proposal is accepted or
 * rejected once.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from './schema.ts'

export type ProposalState = 'pending' | 'accepted' | 'rejected'

export interface ReportRow {
  id: string
  url: string | null
  text_hash: string
  text: string
  title: string | null
  published: string | null
  language: string | null
  publisher: string | null
  kind: string
  via: 'api' | 'cli' | 'feed'
  feed_url: string | null
  received_by: string
  received_at: string
  source_id: string | null
}

export interface ProposalRow {
  id: number
  report_id: string
  seq: number
  event: Record<string, unknown>
  match_kind: string
  match: Record<string, unknown>
  state: ProposalState
  decided_by: string | null
  decided_at: string | null
  reason: string | null
  accepted: Record<string, unknown> | null
  batch: string | null
  created_at: string
}

export type NewReport = Omit<ReportRow, 'received_at' | 'source_id'>
export interface NewProposal {
  event: Record<string, unknown>
  match_kind: string
  match: Record<string, unknown>
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

function toReport(r: Record<string, unknown>): ReportRow {
  return { ...(r as unknown as ReportRow), received_at: iso(r.received_at)! }
}

function toProposal(r: Record<string, unknown>): ProposalRow {
  return { ...(r as unknown as ProposalRow), created_at: iso(r.created_at)!, decided_at: iso(r.decided_at) }
}

type Db = Kysely<DB> | Transaction<DB>

/** The report already taken in with this URL or text hash, if any. */
export async function findReport(db: Db, key: { url: string | null; text_hash?: string | null }): Promise<ReportRow | null> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where((eb) => eb.or([...(key.url ? [eb('url', '=', key.url)] : []), ...(key.text_hash ? [eb('text_hash', '=', key.text_hash)] : []), eb.val(false)]))
    .orderBy('received_at')
    .executeTakeFirst()
  return row ? toReport(row as Record<string, unknown>) : null
}

export async function reportById(db: Db, id: string): Promise<ReportRow | null> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toReport(row as Record<string, unknown>) : null
}

/**
 * Stores a report and its proposals in one transaction. When the report is already there (same
 * id, URL or text hash, possibly written a moment ago by another instance) nothing is written and
 * `created` is false.
 */
export async function insertReport(db: Kysely<DB>, report: NewReport, proposals: NewProposal[]): Promise<{ created: boolean; report: ReportRow; proposals: ProposalRow[] }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('reports')
      .values({ ...report })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!inserted) {
      const existing = (await findReport(trx, report)) ?? (await reportById(trx, report.id))
      if (!existing) throw new Error(`report ${report.id} conflicted but cannot be found`)
      return { created: false, report: existing, proposals: await proposalsOfReport(trx, existing.id) }
    }
    const rows: ProposalRow[] = []
    for (const [seq, p] of proposals.entries()) {
      const row = await trx
        .insertInto('proposals')
        .values({ report_id: report.id, seq, event: JSON.stringify(p.event), match_kind: p.match_kind, match: JSON.stringify(p.match), created_at: new Date().toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow()
      rows.push(toProposal(row as Record<string, unknown>))
    }
    return { created: true, report: toReport(inserted as Record<string, unknown>), proposals: rows }
  })
}

export async function proposalsOfReport(db: Db, reportId: string): Promise<ProposalRow[]> {
  const rows = await db.selectFrom('proposals').selectAll().where('report_id', '=', reportId).orderBy('seq').execute()
  return rows.map((r) => toProposal(r as Record<string, unknown>))
}

export interface ProposalFilter {
  state?: ProposalState[]
  /** Report ids, or source ids the reports became. */
  source?: string[]
  ids?: number[]
  /** At most this many rows (newest reports first, then in report order). */
  cap: number
}

export interface ListedProposal extends ProposalRow {
  report: Omit<ReportRow, 'text'>
}

export async function selectProposals(db: Db, filter: ProposalFilter): Promise<ListedProposal[]> {
  let q = db.selectFrom('proposals as p').innerJoin('reports as r', 'r.id', 'p.report_id')
  if (filter.state?.length) q = q.where('p.state', 'in', filter.state)
  if (filter.ids?.length) q = q.where('p.id', 'in', filter.ids)
  if (filter.source?.length) q = q.where((eb) => eb.or([eb('r.id', 'in', filter.source!), eb('r.source_id', 'in', filter.source!)]))
  const rows = await q
    .selectAll('p')
    .select(['r.url', 'r.text_hash', 'r.title', 'r.published', 'r.language', 'r.publisher', 'r.kind', 'r.via', 'r.feed_url', 'r.received_by', 'r.received_at', 'r.source_id'])
    .orderBy('r.received_at', 'desc')
    .orderBy('p.report_id')
    .orderBy('p.seq')
    .limit(filter.cap)
    .execute()
  return rows.map((row) => {
    const r = row as unknown as Record<string, unknown>
    const report = {
      id: r.report_id,
      url: r.url,
      text_hash: r.text_hash,
      title: r.title,
      published: r.published,
      language: r.language,
      publisher: r.publisher,
      kind: r.kind,
      via: r.via,
      feed_url: r.feed_url,
      received_by: r.received_by,
      received_at: iso(r.received_at),
      source_id: r.source_id,
    } as Omit<ReportRow, 'text'>
    const p = toProposal({ id: r.id, report_id: r.report_id, seq: r.seq, event: r.event, match_kind: r.match_kind, match: r.match, state: r.state, decided_by: r.decided_by, decided_at: r.decided_at, reason: r.reason, accepted: r.accepted, batch: r.batch, created_at: r.created_at })
    return { ...p, report }
  })
}

/** The proposal, locked for the rest of the transaction (a decision is made once). */
export async function lockProposal(trx: Transaction<DB>, id: number): Promise<ProposalRow | null> {
  const row = await trx.selectFrom('proposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return row ? toProposal(row as Record<string, unknown>) : null
}

export async function decideProposal(
  trx: Transaction<DB>,
  id: number,
  decision: { state: 'accepted' | 'rejected'; by: string; reason: string | null; accepted?: Record<string, unknown> | null; batch?: string | null },
): Promise<ProposalRow> {
  const row = await trx
    .updateTable('proposals')
    .set({ state: decision.state, decided_by: decision.by, decided_at: new Date().toISOString(), reason: decision.reason, accepted: decision.accepted ? JSON.stringify(decision.accepted) : null, batch: decision.batch ?? null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new Error(`proposal ${id} is no longer pending`)
  return toProposal(row as Record<string, unknown>)
}

export async function setReportSource(trx: Transaction<DB>, reportId: string, sourceId: string): Promise<void> {
  await trx.updateTable('reports').set({ source_id: sourceId }).where('id', '=', reportId).where('source_id', 'is', null).execute()
}

export async function countPending(db: Db): Promise<number> {
  const r = await db.selectFrom('proposals').select(sql<string>`count(*)`.as('n')).where('state', '=', 'pending').executeTakeFirstOrThrow()
  return Number(r.n)
}
