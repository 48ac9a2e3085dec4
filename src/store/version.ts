/** @module The data version: a counter bumped by every write, in the same transaction; it keys caches and ETags. */
import { sql, type Kysely, type Transaction } from 'kysely'
import { changeChannel } from './open.ts'
import type { DB } from './schema.ts'

export async function dataVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst()
  return row ? Number(row.value) : 0
}

/** What a NOTIFY on the change channel says: "<version> <batch>" (older writers sent the version alone). */
export function changePayload(version: number, batch: string | null): string {
  return batch ? `${version} ${batch}` : String(version)
}

export function parseChangePayload(payload: string): { version: number; batch: string | null } {
  const [v, batch] = payload.trim().split(' ')
  return { version: Number(v), batch: batch || null }
}

/** The data version and the batch of the write that made it (null before any write recorded one). */
export async function dataVersionAndBatch(db: Kysely<DB>): Promise<{ version: number; batch: string | null }> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['data_version', 'data_batch']).execute()
  const get = (k: string) => rows.find((r) => r.key === k)?.value
  const [version, batch] = (get('data_batch') ?? '').split(' ')
  const current = Number(get('data_version') ?? 0)
  // The batch row names the version it belongs to: a writer that bumped the version without it (older code) leaves it stale.
  return { version: current, batch: Number(version) === current && batch ? batch : null }
}

/**
 * Bumps the version, records which batch (the revisions' batch id of the write) made it, and
 * tells other instances both (NOTIFY is delivered when the transaction commits): they patch
 * their read model with that batch's records. A null batch (a write that changed more than its
 * revisions say) makes every reader reload in full.
 */
export async function bumpDataVersion(trx: Transaction<DB>, batch: string | null): Promise<number> {
  const row = await trx
    .updateTable('meta')
    .set({ value: sql<string>`(value::integer + 1)::text` })
    .where('key', '=', 'data_version')
    .returning('value')
    .executeTakeFirstOrThrow()
  const version = Number(row.value)
  const recorded = batch ? `${version} ${batch}` : ''
  await sql`insert into meta (key, value) values ('data_batch', ${recorded}) on conflict (key) do update set value = excluded.value`.execute(trx)
  await sql`select pg_notify(${changeChannel}, ${changePayload(version, batch)})`.execute(trx)
  return version
}
