/** @module Conversion between model records and table rows (column names, jsonb, derived date ranges). */
import type { EntityName } from '../model/dataset.ts'
import { rangeOf } from '../model/partialDate.ts'

interface TableSpec {
  json: readonly string[]
  /** model field → column */
  rename: Readonly<Record<string, string>>
  derived?: (record: Record<string, unknown>) => Record<string, unknown>
}

export const tableSpecs: Record<EntityName, TableSpec> = {
  programs: { json: ['source_ids'], rename: {} },
  provinces: { json: ['aliases'], rename: {} },
  sources: { json: [], rename: {} },
  localities: { json: ['aliases', 'former_names', 'coord', 'source_ids'], rename: { province: 'province_id', sources: 'source_ids' } },
  projects: { json: ['kinds'], rename: {} },
  events: {
    json: [],
    rename: {},
    derived: (r) => {
      const { start, end } = rangeOf(r.date as string)
      return { date_start: start, date_end: end }
    },
  },
  claims: { json: ['value'], rename: {} },
}

const metaColumns = new Set(['version', 'created_at', 'updated_at', 'deleted_at', 'date_start', 'date_end'])

export function toRow(entity: EntityName, record: Record<string, unknown>): Record<string, unknown> {
  const spec = tableSpecs[entity]
  const row: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    const column = spec.rename[field] ?? field
    row[column] = spec.json.includes(column) ? (value === undefined ? null : JSON.stringify(value)) : (value ?? null)
  }
  return { ...row, ...spec.derived?.(record) }
}

export interface RowMeta {
  version: number
  created_at: string
  updated_at: string
  deleted_at: string | null
}

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()
}

export function fromRow(entity: EntityName, row: Record<string, unknown>): { record: Record<string, unknown>; meta: RowMeta } {
  const spec = tableSpecs[entity]
  const back = Object.fromEntries(Object.entries(spec.rename).map(([f, c]) => [c, f]))
  const record: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(row)) {
    if (metaColumns.has(column)) continue
    record[back[column] ?? column] = value
  }
  return {
    record,
    meta: {
      version: Number(row.version),
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
      deleted_at: row.deleted_at ? iso(row.deleted_at) : null,
    },
  }
}
