/**
 * @module Applies an import plan in one transaction: inserts and updates the records, appends a
 * revision (before, after, who, why, from which source) for each, and bumps the data version.
 * If anything fails, nothing is applied.
 */
import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { entityNames, entityTypeOf, type EntityName } from '../model/dataset.ts'
import type { Plan } from '../model/plan.ts'
import { toRow } from './rows.ts'
import type { DB } from './schema.ts'
import { bumpDataVersion } from './version.ts'

export interface WriteContext {
  actor: string
  comment: string
  source_id?: string | null
  /** Current time; tests pass a fixed one. */
  now?: Date
}

export interface ApplyResult {
  added: number
  changed: number
  batch: string
  version: number | null
}

const chunk = 400

async function insertChunks(trx: Transaction<DB>, table: EntityName | 'revisions', rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // Column sets can differ between records (optional fields): insert each shape separately.
    const part = rows.slice(i, i + chunk)
    const byShape = new Map<string, Record<string, unknown>[]>()
    for (const r of part) {
      const key = Object.keys(r).sort().join(',')
      byShape.set(key, [...(byShape.get(key) ?? []), r])
    }
    for (const group of byShape.values()) await trx.insertInto(table as 'projects').values(group as never).execute()
  }
}

export async function applyPlan(db: Kysely<DB>, plan: Plan, ctx: WriteContext): Promise<ApplyResult> {
  const batch = randomUUID()
  const now = (ctx.now ?? new Date()).toISOString()
  const day = now.slice(0, 10)
  if (plan.entries.length === 0 && plan.seenAgain.length === 0) return { added: 0, changed: 0, batch, version: null }
  return db.transaction().execute(async (trx) => {
    let added = 0
    let changed = 0
    const revisions: Record<string, unknown>[] = []
    for (const entity of entityNames) {
      const entries = plan.entries.filter((e) => e.entity === entity)
      const inserts: Record<string, unknown>[] = []
      for (const entry of entries) {
        let after = entry.after
        if (entity === 'claims') after = { ...after, first_seen: after.first_seen ?? day, last_seen: after.last_seen ?? day }
        if (entry.action === 'add') {
          inserts.push({ ...toRow(entity, after), created_at: now, updated_at: now })
          added++
        } else {
          const { id: _id, ...rest } = toRow(entity, after)
          await trx
            .updateTable(entity)
            .set({ ...rest, updated_at: now, version: sql`version + 1` } as never)
            .where('id', '=', entry.id)
            .execute()
          changed++
        }
        revisions.push({
          actor: ctx.actor,
          entity_type: entityTypeOf[entity],
          entity_id: entry.id,
          action: entry.action === 'add' ? 'create' : 'update',
          before: entry.before === null ? null : JSON.stringify(entry.before),
          after: JSON.stringify(after),
          comment: ctx.comment,
          source_id: ctx.source_id ?? null,
          batch,
        })
      }
      await insertChunks(trx, entity, inserts)
    }
    await insertChunks(trx, 'revisions', revisions)
    for (let i = 0; i < plan.seenAgain.length; i += chunk) {
      await trx
        .updateTable('claims')
        .set({ last_seen: day })
        .where('id', 'in', plan.seenAgain.slice(i, i + chunk))
        .where((eb) => eb.or([eb('last_seen', 'is', null), eb('last_seen', '<', day)]))
        .execute()
    }
    // Moving last_seen writes no revision: readers could not patch from the batch, so they reload.
    const version = plan.entries.length > 0 ? await bumpDataVersion(trx, plan.seenAgain.length ? null : batch) : null
    return { added, changed, batch, version }
  })
}
