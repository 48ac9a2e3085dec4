/** @module Reads the JSON document format (docs/data-format.md) into records, with errors that name the place. */
import type { Dataset } from '../model/dataset.ts'
import { InvalidInputError, zodDetails } from '../model/errors.ts'
import { describeProblems, maxProblemsListed } from '../model/problems.ts'
import { DatasetDoc } from './documentSchema.ts'
import { flattenDocument } from './flatten.ts'

function lineOf(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  return { line, column: position - before.lastIndexOf('\n') }
}

export function parseJsonDocument(text: string, file: string): Dataset {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const pos = /position (\d+)/.exec(message)
    const where = pos ? `:${lineOf(text, Number(pos[1])).line}` : ''
    throw new InvalidInputError(`${file}${where}: not valid JSON (${message})`)
  }
  const parsed = DatasetDoc.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues
    const details = zodDetails(issues.slice(0, maxProblemsListed)).map((d) => ({ ...d, path: `${file}: ${d.path ?? ''}` }))
    throw new InvalidInputError(...describeProblems(details, issues.length))
  }
  return flattenDocument(parsed.data, file)
}
