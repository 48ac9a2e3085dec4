/**
 * @module Versioned writes of single records, each appending its revision in the caller's
 * transaction: insert, update with an expected version (a stale one fails, never overwrites),
 * soft delete and restore. Callers run several of these in one transaction and bump the data
 * version once at the end.
 */
import { sql, type Transaction } from 'kysely'
import { entityTypeOf, type EntityName } from '../model/dataset.ts'
import { diffRecords } from '../model/plan.ts'
import { ConflictError, NotFoundError, PreconditionFailedError } from '../model/errors.ts'
import { fromRow, toRow, type RowMeta } from './rows.ts'
import type { DB } from './schema.ts'

export interface RevisionContext {
  actor: string
  comment: string
  source_id?: string | null
  batch: string
  reverts?: number | null
  /** The intake proposal an accept writes for: its revisions cite it. */
  proposal_id?: number | null
}

export interface StoredRecord {
  record: Record<string, unknown>
  meta: RowMeta
}

async function appendRevision(
  trx: Transaction<DB>,
  entity: EntityName,
  id: string,
  action: 'create' | 'update' | 'delete' | 'restore',
  before: unknown,
  after: unknown,
  ctx: RevisionContext,
): Promise<number> {
  const row = await trx
    .insertInto('revisions')
    .values({
      actor: ctx.actor,
      entity_type: entityTypeOf[entity],
      entity_id: id,
      action,
      before: before === null ? (null as never) : JSON.stringify(before),
      after: after === null ? (null as never) : JSON.stringify(after),
      comment: ctx.comment,
      source_id: ctx.source_id ?? null,
      batch: ctx.batch,
      reverts: ctx.reverts ?? null,
      proposal_id: ctx.proposal_id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The stored record, deleted or not (null when it never existed). */
export async function readRecord(trx: Transaction<DB>, entity: EntityName, id: string, lock = false): Promise<StoredRecord | null> {
  let q = trx.selectFrom(entity).selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row ? fromRow(entity, row as Record<string, unknown>) : null
}

export async function insertRecord(trx: Transaction<DB>, entity: EntityName, record: Record<string, unknown>, ctx: RevisionContext): Promise<StoredRecord> {
  const existing = await readRecord(trx, entity, record.id as string)
  if (existing) {
    const what = `${entityTypeOf[entity]} ${String(record.id)}`
    throw new ConflictError(existing.meta.deleted_at ? `${what} exists but was deleted: restore it instead` : `${what} already exists`)
  }
  const now = new Date().toISOString()
  await trx.insertInto(entity).values({ ...toRow(entity, record), created_at: now, updated_at: now } as never).execute()
  await appendRevision(trx, entity, record.id as string, 'create', null, record, ctx)
  return (await readRecord(trx, entity, record.id as string))!
}

/**
 * Applies `patch` to a live record. With `expectedVersion`, a record changed since (another
 * version) is not touched: PreconditionFailedError carries the current record.
 */
export async function updateRecord(
  trx: Transaction<DB>,
  entity: EntityName,
  id: string,
  expectedVersion: number | null,
  patch: Record<string, unknown>,
  ctx: RevisionContext,
): Promise<{ stored: StoredRecord; changed: boolean }> {
  const current = await readRecord(trx, entity, id, true)
  if (!current || current.meta.deleted_at) throw new NotFoundError(`no ${entityTypeOf[entity]} with id "${id}"`)
  if (expectedVersion !== null && current.meta.version !== expectedVersion) {
    throw new PreconditionFailedError(
      `someone else changed this ${entityTypeOf[entity]} (you have version ${expectedVersion}, it is now at version ${current.meta.version}); review their version and apply your change again`,
      { ...current.record, version: current.meta.version, updated_at: current.meta.updated_at },
    )
  }
  const after = { ...current.record, ...patch, id }
  if (diffRecords(current.record, after).length === 0) return { stored: current, changed: false }
  const { id: _id, ...rest } = toRow(entity, after)
  const result = await trx
    .updateTable(entity)
    .set({ ...rest, updated_at: new Date().toISOString(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', current.meta.version)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new PreconditionFailedError(`this ${entityTypeOf[entity]} changed while saving; try again`, current.record)
  await appendRevision(trx, entity, id, 'update', current.record, after, ctx)
  return { stored: (await readRecord(trx, entity, id))!, changed: true }
}

export async function softDelete(trx: Transaction<DB>, entity: EntityName, id: string, expectedVersion: number | null, ctx: RevisionContext): Promise<StoredRecord> {
  const current = await readRecord(trx, entity, id, true)
  if (!current || current.meta.deleted_at) throw new NotFoundError(`no ${entityTypeOf[entity]} with id "${id}"`)
  if (expectedVersion !== null && current.meta.version !== expectedVersion) {
    throw new PreconditionFailedError(`someone else changed this ${entityTypeOf[entity]} since version ${expectedVersion}`, { ...current.record, version: current.meta.version })
  }
  await trx
    .updateTable(entity)
    .set({ deleted_at: new Date().toISOString(), updated_at: new Date().toISOString(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .execute()
  await appendRevision(trx, entity, id, 'delete', current.record, null, ctx)
  return (await readRecord(trx, entity, id))!
}

export async function restoreRecord(trx: Transaction<DB>, entity: EntityName, id: string, ctx: RevisionContext): Promise<StoredRecord> {
  const current = await readRecord(trx, entity, id, true)
  if (!current) throw new NotFoundError(`no ${entityTypeOf[entity]} with id "${id}"`)
  if (!current.meta.deleted_at) throw new ConflictError(`${entityTypeOf[entity]} ${id} is not deleted`)
  await trx
    .updateTable(entity)
    .set({ deleted_at: null, updated_at: new Date().toISOString(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .execute()
  await appendRevision(trx, entity, id, 'restore', null, current.record, ctx)
  return (await readRecord(trx, entity, id))!
}
