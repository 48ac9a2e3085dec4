/**
 * @module What an import would change: each incoming record compared with the current one,
 * field by field. Imports add and change records; they never delete. Pure, so the same plan is
 * shown by --dry-run and applied by the store.
 */
import { canonicalJson } from './ids.ts'
import { entityNames, type Dataset, type EntityName } from './dataset.ts'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface PlanEntry {
  entity: EntityName
  id: string
  action: 'add' | 'change'
  before: Record<string, unknown> | null
  after: Record<string, unknown>
  changes: FieldChange[]
}

export interface Plan {
  entries: PlanEntry[]
  unchanged: Record<EntityName, number>
  /** Claims asserted again, unchanged (their last_seen is refreshed; not a data change). */
  seenAgain: string[]
}

/** Bookkeeping fields that do not make a record different. */
const ignored = new Set(['first_seen', 'last_seen'])

export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)])
  const changes: FieldChange[] = []
  for (const field of fields) {
    if (ignored.has(field)) continue
    const b = before[field] ?? null
    const a = after[field] ?? null
    if (canonicalJson(b) !== canonicalJson(a)) changes.push({ field, before: b, after: a })
  }
  return changes
}

export function planChanges(current: Dataset, incoming: Dataset): Plan {
  const entries: PlanEntry[] = []
  const unchanged = Object.fromEntries(entityNames.map((n) => [n, 0])) as Record<EntityName, number>
  const seenAgain: string[] = []
  for (const entity of entityNames) {
    const existing = new Map<string, Record<string, unknown>>()
    for (const r of current[entity] as unknown as Record<string, unknown>[]) existing.set(r.id as string, r)
    for (const record of incoming[entity] as unknown as Record<string, unknown>[]) {
      const id = record.id as string
      const before = existing.get(id)
      if (!before) {
        entries.push({ entity, id, action: 'add', before: null, after: record, changes: [] })
        continue
      }
      const after = entity === 'claims' ? { ...record, first_seen: before.first_seen ?? record.first_seen } : record
      const changes = diffRecords(before, after)
      if (changes.length > 0) entries.push({ entity, id, action: 'change', before, after: { ...before, ...after }, changes })
      else {
        unchanged[entity]++
        if (entity === 'claims') seenAgain.push(id)
      }
    }
  }
  return { entries, unchanged, seenAgain }
}

export function planCounts(plan: Plan): Record<EntityName, { add: number; change: number; unchanged: number }> {
  const out = Object.fromEntries(entityNames.map((n) => [n, { add: 0, change: 0, unchanged: plan.unchanged[n] }])) as Record<
    EntityName,
    { add: number; change: number; unchanged: number }
  >
  for (const e of plan.entries) out[e.entity][e.action]++
  return out
}
