/**
 * @module Merging imported records into the current data without losing curated facts. An
 * import adds records and updates the values it states; it never blanks a field (empty and
 * missing values leave the current one), never downgrades a claim's preferred/deprecated rank
 * with a plain "normal", never rewrites the reason a project does not count while the count
 * itself agrees, and never moves an event's date away from the value of a preferred claim —
 * the incoming claim is kept beside it instead, as a competing claim.
 */
import type { Dataset, EntityName } from './dataset.ts'
import { entityNames } from './dataset.ts'

export interface KeptConflict {
  entity: EntityName
  id: string
  field: string
  current: unknown
  incoming: unknown
  why: string
}

function stated(v: unknown): boolean {
  return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)
}

export function reconcile(current: Dataset, incoming: Dataset): { dataset: Dataset; kept: KeptConflict[] } {
  const kept: KeptConflict[] = []
  const out = {} as Record<EntityName, unknown[]>
  const preferredDate = new Map<string, unknown>()
  for (const c of [...current.claims, ...incoming.claims]) if (c.subject_type === 'event' && c.field === 'date' && c.rank === 'preferred') preferredDate.set(c.subject_id, c.value)
  for (const entity of entityNames) {
    const now = new Map((current[entity] as unknown as Record<string, unknown>[]).map((r) => [r.id as string, r]))
    out[entity] = (incoming[entity] as unknown as Record<string, unknown>[]).map((record) => {
      const before = now.get(record.id as string)
      if (!before) return record
      const merged: Record<string, unknown> = { ...before }
      for (const [k, v] of Object.entries(record)) if (stated(v)) merged[k] = v
      if (entity === 'claims' && record.rank === 'normal' && !stated(record.reason)) {
        merged.rank = before.rank
        merged.reason = before.reason
      }
      if (entity === 'projects' && record.counted === before.counted) merged.counted_reason = before.counted_reason
      if (entity === 'events' && record.date !== before.date && preferredDate.get(record.id as string) === before.date) {
        kept.push({ entity, id: record.id as string, field: 'date', current: before.date, incoming: record.date, why: 'a preferred claim settles the date; the incoming date is kept as a competing claim' })
        merged.date = before.date
      }
      return merged
    })
  }
  return { dataset: out as unknown as Dataset, kept }
}
