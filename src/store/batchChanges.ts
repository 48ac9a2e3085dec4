/**
 * @module The records one or more committed writes touched (by their revision batches), read as
 * they now stand with their metadata: what the read model patches its snapshot with.
 */
import { sql, type Kysely } from 'kysely'
import { entityOfType, type EntityName } from '../model/dataset.ts'
import type { RecordChange } from '../model/patchSnapshot.ts'
import { fromRow } from './rows.ts'
import type { DB } from './schema.ts'

const chunk = 5000

/**
 * The touched records — those with a revision in the batches and those the batches name in
 * batch_records (changed without a revision) — or null when there are more than `limit` (a reload
 * is then cheaper).
 */
export async function batchChanges(db: Kysely<DB>, batches: readonly string[], limit: number): Promise<RecordChange[] | null> {
  if (batches.length === 0) return []
  // Not DISTINCT (the Set below dedupes): with DISTINCT and LIMIT the planner may walk the whole
  // revisions_entity index in order instead of looking the batch up (40 ms at 100× the data).
  const rows = await db.selectFrom('revisions').select(['entity_type', 'entity_id']).where('batch', 'in', [...batches]).limit(limit + 1).execute()
  // What the same writes changed without a revision (claims an import saw again).
  const extra = rows.length > limit ? [] : await db.selectFrom('batch_records').select(['entity_type', 'entity_id']).where('batch', 'in', [...batches]).limit(limit + 1 - rows.length).execute()
  if (rows.length + extra.length > limit) return null
  const sets = new Map<EntityName, Set<string>>()
  const add = (entity: EntityName, id: string) => {
    const set = sets.get(entity)
    if (set) set.add(id)
    else sets.set(entity, new Set([id]))
  }
  for (const r of [...rows, ...extra]) {
    const entity = entityOfType[r.entity_type]
    if (entity) add(entity, r.entity_id)
  }
  const ids = new Map([...sets].map(([entity, set]) => [entity, [...set]]))
  const out: RecordChange[] = []
  for (const [entity, list] of ids) {
    const found = new Set<string>()
    for (let i = 0; i < list.length; i += chunk) {
      // The same JSON aggregate loadDataset reads, so values decode the same way. A join with the
      // ids (not IN): the primary key is used even where no statistics were gathered (PGlite has
      // no autovacuum; IN over 1,000 ids then scanned the whole events table, 40–75 ms at 100×).
      const part = list.slice(i, i + chunk)
      const result = await sql<{ rows: string | null }>`select json_agg(t)::text as rows from unnest(${part}::text[]) as k(id) join ${sql.table(entity)} t on t.id = k.id`.execute(db)
      for (const row of JSON.parse(result.rows[0]?.rows ?? '[]') as Record<string, unknown>[]) {
        const { record, meta } = fromRow(entity, row)
        const id = record.id as string
        found.add(id)
        out.push(meta.deleted_at ? { entity, id, record: null, meta: null } : { entity, id, record, meta })
      }
    }
    for (const id of list) if (!found.has(id)) out.push({ entity, id, record: null, meta: null })
  }
  return out
}
