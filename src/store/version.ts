/** @module The data version: a counter bumped by every write, in the same transaction; it keys caches and ETags. */
import { sql, type Kysely, type Transaction } from 'kysely'
import { changeChannel } from './open.ts'
import type { DB } from './schema.ts'

export async function dataVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst()
  return row ? Number(row.value) : 0
}

/** Bumps the version and tells other instances (NOTIFY is delivered when the transaction commits). */
export async function bumpDataVersion(trx: Transaction<DB>): Promise<number> {
  const row = await trx
    .updateTable('meta')
    .set({ value: sql<string>`(value::integer + 1)::text` })
    .where('key', '=', 'data_version')
    .returning('value')
    .executeTakeFirstOrThrow()
  await sql`select pg_notify(${changeChannel}, ${row.value})`.execute(trx)
  return Number(row.value)
}
