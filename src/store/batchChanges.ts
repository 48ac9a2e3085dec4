/**
 * @module The records one or more committed writes touched (by their revision batches), read as
 * they now stand with their metadata: what the read model patches its snapshot with.
 */
import { sql, type Kysely } from 'kysely'
import { entityOfType, type EntityName } from '../model/dataset.ts'
import type { RecordChange } from '../model/patchSnapshot.ts'
import { fromRow } from './rows.ts'
import type { DB } from './schema.ts'

const chunk = 1000

/**
 * The touched records, or null when there are more than `limit` (a reload is then cheaper).
 * `also` names records a write changed without a revision (an import moving claims' last_seen).
 */
export async function batchChanges(db: Kysely<DB>, batches: readonly string[], limit: number, also: readonly { entity: EntityName; id: string }[] = []): Promise<RecordChange[] | null> {
  const rows = batches.length ? await db.selectFrom('revisions').select(['entity_type', 'entity_id']).distinct().where('batch', 'in', [...batches]).limit(limit + 1).execute() : []
  if (rows.length + also.length > limit) return null
  const sets = new Map<EntityName, Set<string>>()
  const add = (entity: EntityName, id: string) => {
    const set = sets.get(entity)
    if (set) set.add(id)
    else sets.set(entity, new Set([id]))
  }
  for (const r of rows) {
    const entity = entityOfType[r.entity_type]
    if (entity) add(entity, r.entity_id)
  }
  for (const a of also) add(a.entity, a.id)
  const ids = new Map([...sets].map(([entity, set]) => [entity, [...set]]))
  const out: RecordChange[] = []
  for (const [entity, list] of ids) {
    const found = new Set<string>()
    for (let i = 0; i < list.length; i += chunk) {
      // The same JSON aggregate loadDataset reads, so values decode the same way.
      const part = list.slice(i, i + chunk)
      const result = await sql<{ rows: string | null }>`select json_agg(t)::text as rows from ${sql.table(entity)} t where t.id in (${sql.join(part)})`.execute(db)
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
