/** @module Reads every live record of the store into a Dataset, with each record's version and timestamps. */
import { sql, type Kysely } from 'kysely'
import { emptyDataset, entityNames, entityTypeOf, type Dataset } from '../model/dataset.ts'
import { interner, recordInterner } from '../model/interner.ts'
import { fromRow, type RowMeta } from './rows.ts'
import type { DB } from './schema.ts'
import { dataVersion } from './version.ts'

export interface StoredDataset {
  dataset: Dataset
  /** "<entity type>:<id>" → version and timestamps */
  meta: Map<string, RowMeta>
  version: number
}

export async function loadDataset(db: Kysely<DB>): Promise<StoredDataset> {
  return db.transaction().execute((trx) => readDataset(trx))
}

/**
 * The same, inside a transaction the caller holds (it sees that transaction's own writes).
 * `chunkRows` reads each table that many rows at a time (keyset by id): PGlite's WebAssembly
 * memory grows to hold the largest result and never shrinks, so one aggregate of a 300,000-row
 * table would keep hundreds of megabytes for the life of the process.
 */
export async function readDataset(trx: Kysely<DB>, chunkRows = Number.POSITIVE_INFINITY): Promise<StoredDataset> {
  const dataset = emptyDataset()
  const meta = new Map<string, RowMeta>()
  const version = await dataVersion(trx)
  // Timestamps repeat (a bulk load writes thousands of records in the same instant): one string each.
  const intern = interner()
  // And the values of the records' fields (a claim's subject, source, rank…: 50 MB at 100×).
  const internRecord = recordInterner()
  for (const entity of entityNames) {
    const type = entityTypeOf[entity]
    const target = dataset[entity] as unknown as Record<string, unknown>[]
    let last: string | null = null
    for (;;) {
      // One JSON aggregate per table (or chunk): decoding a single text value is several times
      // faster than decoding hundreds of thousands of rows one by one (measured on PGlite at 100×
      // data). Ordered by code point whatever the database's collation: the read model patches
      // these lists in that order (model/patchSnapshot.ts), and both engines then list alike.
      const result: { rows: { rows: string | null }[] } = Number.isFinite(chunkRows)
        ? await sql<{ rows: string | null }>`select json_agg(t order by t.id collate "C")::text as rows from (select * from ${sql.table(entity)} s where s.deleted_at is null and (${last}::text is null or s.id collate "C" > ${last}::text) order by s.id collate "C" limit ${chunkRows}) t`.execute(trx)
        : await sql<{ rows: string | null }>`select json_agg(t order by t.id collate "C")::text as rows from ${sql.table(entity)} t where t.deleted_at is null`.execute(trx)
      const rows = JSON.parse(result.rows[0]?.rows ?? '[]') as Record<string, unknown>[]
      for (const row of rows) {
        const { record, meta: m } = fromRow(entity, row as Record<string, unknown>)
        internRecord(record)
        target.push(record)
        meta.set(`${type}:${record.id as string}`, { ...m, created_at: intern(m.created_at), updated_at: intern(m.updated_at) })
      }
      if (!Number.isFinite(chunkRows) || rows.length < chunkRows) break
      last = rows.at(-1)!.id as string
      // PGlite answers in-process without going through the event loop: without this turn, a
      // server loading its first snapshot would accept no connection until the load ended.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return { dataset, meta, version }
}
