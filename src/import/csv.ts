/**
 * @module Reads the CSV export back: a set of "<table>.csv" files (from a directory or a zip) or
 * one table file, with columns from model/tables.ts. Every row is validated with the entity's
 * schema; errors name the file and line. Derived columns are ignored.
 */
import { Parser } from 'csv-parse'
import type { z } from 'zod'
import { ClaimSchema } from '../model/claim.ts'
import { emptyDataset, type Dataset } from '../model/dataset.ts'
import { restoreCell } from '../model/formulaCells.ts'
import { ProblemList } from '../model/problems.ts'
import { EventSchema } from '../model/event.ts'
import { LocalitySchema } from '../model/locality.ts'
import { ProgramSchema } from '../model/program.ts'
import { ProjectSchema } from '../model/project.ts'
import { ProvinceSchema } from '../model/province.ts'
import { SourceSchema } from '../model/source.ts'
import { parseCell, rowToRecord, tableByName, tables, type TableDef } from '../model/tables.ts'
import { yieldToEventLoop } from './zip.ts'

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

/** Bytes handed to the CSV parser at a time; the importer yields to the event loop between steps. */
const chunkBytes = 64 * 1024
const sliceMs = 8
/** Longest record (row) read, in characters: a longer one is refused rather than buffered. */
export const maxRecordChars = 1024 * 1024

interface CsvCore {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined
}

/**
 * Parses one CSV text record by record, in steps: between steps it yields to the event loop, so
 * a large table never holds up the server's other requests.
 */
async function* csvRecords(text: string): AsyncGenerator<string[]> {
  const core = (new Parser({ relax_column_count: false, skip_empty_lines: true, bom: true, max_record_size: maxRecordChars }) as unknown as { api: CsvCore }).api
  const bytes = Buffer.from(text)
  let sliceStart = performance.now()
  for (let at = 0; at <= bytes.length; at += chunkBytes) {
    const end = at + chunkBytes >= bytes.length
    const batch: string[][] = []
    const error = core.parse(end ? bytes.subarray(at) : bytes.subarray(at, at + chunkBytes), end, (r) => batch.push(r), () => {})
    for (const r of batch) yield r
    if (error) throw error
    if (end) break
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
}

export async function parseCsvTables(files: Map<string, string>): Promise<Dataset> {
  const ds = emptyDataset()
  const problems = new ProblemList()
  let sliceStart = performance.now()
  for (const [name, text] of files) {
    let header: string[] | null = null
    let table: TableDef | null = null
    let line = 1
    const records = csvRecords(text)
    try {
      for await (const row of records) {
        if (header === null) {
          header = row
          table = tableOfFile(name, header)
          if (!table) {
            problems.add({ path: name, message: `cannot tell which table this is; expected one of ${tables.map((t) => `${t.name}.csv`).join(', ')}` })
            break
          }
          const missing = table.columns.filter((c) => c.required && !c.derived && !header!.includes(c.name)).map((c) => c.name)
          if (missing.length) {
            problems.add({ path: `${name}:1`, message: `missing column(s): ${missing.join(', ')}` })
            break
          }
          const known = new Set(table.columns.map((c) => c.name))
          const unknown = header.filter((h) => !known.has(h))
          if (unknown.length) problems.add({ path: `${name}:1`, message: `unknown column(s): ${unknown.join(', ')}` })
          continue
        }
        line++
        readRow(table!, header, row, `${name}:${line}`, ds, problems)
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToEventLoop()
          sliceStart = performance.now()
        }
      }
    } catch (error) {
      const e = error as Error & { lines?: number; code?: string }
      if (e.code === 'CSV_MAX_RECORD_SIZE') {
        problems.add({ path: `${name}${e.lines ? `:${e.lines}` : ''}`, message: `a row is longer than ${maxRecordChars} characters; is it CSV?` })
      } else problems.add({ path: `${name}${e.lines ? `:${e.lines}` : ''}`, message: `not valid CSV: ${e.message}` })
    } finally {
      await records.return(undefined)
    }
  }
  if (problems.total) throw problems.error()
  return ds
}

function readRow(table: TableDef, header: string[], row: string[], where: string, ds: Dataset, problems: ProblemList): void {
  const cells: Record<string, unknown> = {}
  header.forEach((h, j) => {
    const column = table.columns.find((c) => c.name === h)
    if (!column || column.derived) return
    const parsed = parseCell(column, restoreCell(row[j] ?? ''))
    if ('error' in parsed) problems.add({ path: where, message: parsed.error })
    else cells[h] = parsed.value
  })
  const result = schemas[table.entity]!.safeParse(rowToRecord(table, cells))
  if (!result.success) {
    for (const issue of result.error.issues) problems.add({ path: where, message: `${issue.path.join('.')}: ${issue.message}` })
    return
  }
  ;(ds[table.entity] as unknown[]).push(result.data)
}
