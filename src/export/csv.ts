/**
 * @module CSV exports: one file per entity, columns from model/tables.ts, UTF-8, RFC 4180
 * quoting, rows in id order. A filtered project list exports just the projects table. Text cells
 * that a spreadsheet would run as a formula are written with a leading quote (model/formulaCells.ts).
 */
import { stringify } from 'csv-stringify/sync'
import type { EntityName } from '../model/dataset.ts'
import { neutralizeCell } from '../model/formulaCells.ts'
import type { Event } from '../model/event.ts'
import type { Project } from '../model/project.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { recordToRow, tables, type TableDef } from '../model/tables.ts'
import { eventDerived, projectDerived } from './derived.ts'

export function tableCsv(table: TableDef, snapshot: Snapshot, records?: readonly Record<string, unknown>[]): string {
  const list = (records ?? (snapshot.dataset[table.entity as EntityName] as unknown as Record<string, unknown>[])).slice().sort((a, b) => String(a.id).localeCompare(String(b.id)))
  const rows = list.map((r) => {
    const derived =
      table.entity === 'projects' ? projectDerived(snapshot, r as unknown as Project) : table.entity === 'events' ? eventDerived(r as unknown as Event) : {}
    return recordToRow(table, r, derived).map(neutralizeCell)
  })
  return stringify([table.columns.map((c) => c.name), ...rows], { record_delimiter: '\n' })
}

/** Every table as "<name>.csv" → text. */
export function allTablesCsv(snapshot: Snapshot): Map<string, string> {
  return new Map(tables.map((t) => [`${t.name}.csv`, tableCsv(t, snapshot)]))
}
