/**
 * @module Parser of the wiki list format (the "List of projects" of the Wikipedia article on the
 * 20×10 policy, see wiki/tables.ts): one project per table row, its status, province and
 * spelling of the locality as claims, its key dates as events with date claims, every claim
 * citing one source. Pure: names are resolved through the functions passed in. All problems
 * are collected and thrown together; nothing partial is returned.
 */
import { emptyDataset, type Dataset } from '../model/dataset.ts'
import { InvalidInputError, type ErrorDetail } from '../model/errors.ts'
import { describeProblems, maxProblemsListed, ProblemList } from '../model/problems.ts'
import type { Locality } from '../model/locality.ts'
import type { LocalityMatch } from '../model/names/resolve.ts'
import { readWikiRow } from './wiki/row.ts'
import { scanWikiTables, type LineProblem } from './wiki/tables.ts'

export interface WikiOptions {
  /** Name used in error messages: "<file>:<line>: <reason>". */
  file: string
  /** The source every claim cites, e.g. "wikipedia-20x10-policy". */
  sourceId: string
  /** Default "20x10". */
  programId?: string
  resolve: (text: string, opts?: { province?: string }) => LocalityMatch
  resolveProvince: (text: string) => { id: string; score: number } | null
  /**
   * The gazetteer's localities, to tell whether the list spells a locality the gazetteer's way
   * ("Songchon County"): only other spellings are recorded as a locality claim. Without them the
   * spelling is compared through its slug, which misses diacritics and punctuation variants.
   */
  localities?: ReadonlyArray<Pick<Locality, 'id' | 'plain' | 'type'>>
}

export interface WikiResult {
  /** Projects, events and claims; the other arrays are empty. */
  dataset: Dataset
  /** Table rows read, one project each. */
  rows: number
  /** What was read but deserves a look: approximate name matches, a province that disagrees. */
  warnings: LineProblem[]
}

type LineDetail = ErrorDetail & { line: number }

export function parseWiki(text: string, options: WikiOptions): WikiResult {
  const scan = scanWikiTables(text)
  const problems = new ProblemList()
  for (const p of scan.problems) problems.add({ path: `${options.file}:${p.line}`, message: p.message, line: p.line } as LineDetail)
  const warnings: LineProblem[] = []
  let moreWarnings = 0
  const dataset = emptyDataset()
  const firstLine = new Map<string, number>()
  for (const row of scan.rows) {
    const read = readWikiRow(row, options)
    for (const message of read.warnings) {
      if (warnings.length < maxProblemsListed) warnings.push({ line: row.line, message })
      else moreWarnings++
    }
    if (!read.ok) {
      for (const message of read.problems) problems.add({ path: `${options.file}:${row.line}`, message, line: row.line } as LineDetail)
      continue
    }
    const { project, events, claims } = read.records
    const first = firstLine.get(project.id)
    if (first !== undefined) {
      problems.add({ path: `${options.file}:${row.line}`, message: `duplicate row: ${row.year} ${project.locality_id} is also on line ${first} (one row per locality and year)`, line: row.line } as LineDetail)
      continue
    }
    firstLine.set(project.id, row.line)
    dataset.projects.push(project)
    for (const e of events) dataset.events.push(e)
    for (const c of claims) dataset.claims.push(c)
  }
  if (problems.total > 0) {
    const listed = problems.listed((a, b) => (a as LineDetail).line - (b as LineDetail).line).map(({ path, message }) => ({ path, message }))
    throw new InvalidInputError(...describeProblems(listed, problems.total))
  }
  if (scan.rows.length === 0) throw new InvalidInputError(`${options.file}: no project rows found`, [{ path: options.file, message: 'no project rows found' }])
  if (moreWarnings > 0) warnings.push({ line: warnings.at(-1)!.line, message: `… and ${moreWarnings} more warning(s) not listed` })
  return { dataset, rows: scan.rows.length, warnings }
}
