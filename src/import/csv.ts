/**
 * @module Reads the CSV export back: a set of "<table>.csv" files (from a directory or a zip) or
 * one table file, with columns from model/tables.ts. Every row is validated with the entity's
 * schema; errors name the file and line. Derived columns are ignored.
 */
import { parse } from 'csv-parse/sync'
import type { z } from 'zod'
import { ClaimSchema } from '../model/claim.ts'
import { emptyDataset, type Dataset } from '../model/dataset.ts'
import { InvalidInputError, type ErrorDetail } from '../model/errors.ts'
import { EventSchema } from '../model/event.ts'
import { LocalitySchema } from '../model/locality.ts'
import { ProgramSchema } from '../model/program.ts'
import { ProjectSchema } from '../model/project.ts'
import { ProvinceSchema } from '../model/province.ts'
import { SourceSchema } from '../model/source.ts'
import { parseCell, rowToRecord, tableByName, tables, type TableDef } from '../model/tables.ts'

const schemas: Record<string, z.ZodType> = {
  programs: ProgramSchema,
  provinces: ProvinceSchema,
  localities: LocalitySchema,
  sources: SourceSchema,
  projects: ProjectSchema,
  events: EventSchema,
  claims: ClaimSchema,
}

/** Which table a file holds: from its name ("projects.csv") or, failing that, from its header. */
export function tableOfFile(name: string, header: string[]): TableDef | null {
  const base = name.split('/').pop()!.replace(/\.csv$/i, '').replace(/^20x10-/, '')
  const byName = tableByName.get(base)
  if (byName) return byName
  return tables.find((t) => t.columns.filter((c) => !c.derived).every((c) => !c.required || header.includes(c.name))) ?? null
}

export function parseCsvTables(files: Map<string, string>): Dataset {
  const ds = emptyDataset()
  const problems: ErrorDetail[] = []
  for (const [name, text] of files) {
    let rows: string[][]
    try {
      rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: true }) as string[][]
    } catch (error) {
      const e = error as Error & { lines?: number }
      problems.push({ path: `${name}${e.lines ? `:${e.lines}` : ''}`, message: `not valid CSV: ${e.message}` })
      continue
    }
    const header = rows[0] ?? []
    const table = tableOfFile(name, header)
    if (!table) {
      problems.push({ path: name, message: `cannot tell which table this is; expected one of ${tables.map((t) => `${t.name}.csv`).join(', ')}` })
      continue
    }
    const missing = table.columns.filter((c) => c.required && !c.derived && !header.includes(c.name)).map((c) => c.name)
    if (missing.length) {
      problems.push({ path: `${name}:1`, message: `missing column(s): ${missing.join(', ')}` })
      continue
    }
    const known = new Set(table.columns.map((c) => c.name))
    const unknown = header.filter((h) => !known.has(h))
    if (unknown.length) problems.push({ path: `${name}:1`, message: `unknown column(s): ${unknown.join(', ')}` })
    rows.slice(1).forEach((row, i) => {
      const line = i + 2
      const cells: Record<string, unknown> = {}
      header.forEach((h, j) => {
        const column = table.columns.find((c) => c.name === h)
        if (!column || column.derived) return
        const parsed = parseCell(column, row[j] ?? '')
        if ('error' in parsed) problems.push({ path: `${name}:${line}`, message: parsed.error })
        else cells[h] = parsed.value
      })
      const result = schemas[table.entity]!.safeParse(rowToRecord(table, cells))
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ path: `${name}:${line}`, message: `${issue.path.join('.')}: ${issue.message}` })
        return
      }
      ;(ds[table.entity] as unknown[]).push(result.data)
    })
  }
  if (problems.length) throw new InvalidInputError(`${problems[0]!.path}: ${problems[0]!.message}`, problems)
  return ds
}
