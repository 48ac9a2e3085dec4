/**
 * @module Reading the revision log: a record's history, the recent-changes feed, and the data
 * as it was recorded on a past date (replayed from the log).
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import { emptyDataset, entityOfType, type Dataset } from '../model/dataset.ts'
import type { DB } from './schema.ts'

export interface RevisionRow {
  id: number
  at: string
  actor: string
  entity_type: string
  entity_id: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  comment: string
  source_id: string | null
  batch: string | null
  reverts: number | null
  proposal_id: number | null
}

function toRevision(r: Record<string, unknown>): RevisionRow {
  return { ...(r as unknown as RevisionRow), proposal_id: (r.proposal_id as number | null | undefined) ?? null, at: new Date(r.at as string).toISOString() }
}

export async function revisionById(db: Kysely<DB>, id: number): Promise<RevisionRow | null> {
  const row = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toRevision(row as Record<string, unknown>) : null
}

/** Revisions of the given records, newest first. */
export async function historyOf(db: Kysely<DB>, subjects: { type: string; id: string }[], limit = 500): Promise<RevisionRow[]> {
  if (subjects.length === 0) return []
  const rows = await db
    .selectFrom('revisions')
    .selectAll()
    .where((eb) => eb.or(subjects.map((s) => eb.and([eb('entity_type', '=', s.type), eb('entity_id', '=', s.id)]))))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => toRevision(r as Record<string, unknown>))
}

export async function latestRevision(db: Kysely<DB>, type: string, id: string): Promise<RevisionRow | null> {
  const row = await db.selectFrom('revisions').selectAll().where('entity_type', '=', type).where('entity_id', '=', id).orderBy('id', 'desc').executeTakeFirst()
  return row ? toRevision(row as Record<string, unknown>) : null
}

/** The newest changes, optionally only those after a time (ISO) or a revision id. */
export async function recentChanges(db: Kysely<DB>, opts: { sinceTime?: string; sinceId?: number; limit: number; offset?: number }): Promise<{ items: RevisionRow[]; total: number }> {
  let q = db.selectFrom('revisions')
  if (opts.sinceTime) q = q.where('at', '>', opts.sinceTime as never)
  if (opts.sinceId !== undefined) q = q.where('id', '>', opts.sinceId)
  const total = Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const rows = await q.selectAll().orderBy('id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute()
  return { items: rows.map((r) => toRevision(r as Record<string, unknown>)), total }
}


/** How many records each batch (one write) touched, by entity type: distinct records, not capped by any page. */
export async function batchCounts(db: Kysely<DB>, batches: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>()
  if (batches.length === 0) return out
  const rows = await db
    .selectFrom('revisions')
    .select((eb) => ['batch', 'entity_type', eb.fn.count<string>('entity_id').distinct().as('n')])
    .where('batch', 'in', [...batches])
    .groupBy(['batch', 'entity_type'])
    .execute()
  for (const r of rows) {
    const counts = out.get(r.batch!) ?? {}
    counts[r.entity_type] = Number(r.n)
    out.set(r.batch!, counts)
  }
  return out
}

/** The data as it was recorded at the end of `date` (YYYY-MM-DD): the last revision of each record then. */
export async function datasetAsRecorded(db: Kysely<DB>, date: string): Promise<Dataset> {
  const end = `${date}T23:59:59.999Z`
  const rows = await sql<{ entity_type: string; entity_id: string; action: string; after: Record<string, unknown> | null }>`
    select distinct on (entity_type, entity_id) entity_type, entity_id, action, after
    from revisions where at <= ${end}
    order by entity_type, entity_id, id desc`.execute(db)
  const ds = emptyDataset()
  for (const r of rows.rows) {
    const table = entityOfType[r.entity_type]
    if (!table || r.action === 'delete' || !r.after) continue
    ;(ds[table] as unknown[]).push(r.after)
  }
  for (const list of Object.values(ds)) (list as { id: string }[]).sort((a, b) => a.id.localeCompare(b.id))
  return ds
}

/** The data version, locked until the transaction ends: writers checking the data after their change take turns. */
export async function lockDataVersion(trx: Transaction<DB>): Promise<number> {
  const row = await trx.selectFrom('meta').select('value').where('key', '=', 'data_version').forUpdate().executeTakeFirst()
  return row ? Number(row.value) : 0
}
