/**
 * @module Reads the bundled dataset in data/ (programs, gazetteer, sources, projects per year,
 * context) as one JSON document, and turns it into records.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Dataset } from '../model/dataset.ts'
import { InvalidInputError, zodDetails } from '../model/errors.ts'
import { DatasetDoc } from './documentSchema.ts'
import { flattenDocument } from './flatten.ts'

export const bundledDataDir = fileURLToPath(new URL('../../data/', import.meta.url))

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new InvalidInputError(`${file}: ${(error as Error).message}`)
  }
}

function filesMatching(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => path.join(dir, f))
}

/** The bundled files, in the order their records are merged. */
export function bundleFiles(dir = bundledDataDir): { key: keyof DatasetDoc; file: string }[] {
  const list: { key: keyof DatasetDoc; file: string }[] = [
    { key: 'programs', file: path.join(dir, 'programs.json') },
    { key: 'provinces', file: path.join(dir, 'gazetteer/provinces.json') },
    { key: 'sources', file: path.join(dir, 'gazetteer/sources.json') },
    { key: 'localities', file: path.join(dir, 'gazetteer/localities.json') },
  ]
  for (const file of filesMatching(path.join(dir, 'dataset'), /^sources.*\.json$/)) list.push({ key: 'sources', file })
  for (const file of filesMatching(path.join(dir, 'dataset'), /^projects-.*\.json$/)) list.push({ key: 'projects', file })
  return list.filter((f) => fs.existsSync(f.file))
}

export function readBundledDocument(dir = bundledDataDir): Record<string, unknown[]> {
  const doc: Record<string, unknown[]> = { programs: [], provinces: [], sources: [], localities: [], projects: [], program_events: [] }
  for (const { key, file } of bundleFiles(dir)) {
    const data = readJson(file)
    if (!Array.isArray(data)) throw new InvalidInputError(`${file}: expected a JSON array`)
    doc[key]!.push(...data)
  }
  const contextFile = path.join(dir, 'dataset/context.json')
  if (fs.existsSync(contextFile)) {
    const context = readJson(contextFile) as { projects?: unknown[]; program_events?: unknown[] }
    doc.projects!.push(...(context.projects ?? []))
    doc.program_events!.push(...(context.program_events ?? []))
  }
  return doc
}

export function loadBundledDataset(dir = bundledDataDir): Dataset {
  const parsed = DatasetDoc.safeParse(readBundledDocument(dir))
  if (!parsed.success) {
    const details = zodDetails(parsed.error.issues)
    throw new InvalidInputError(`bundled data in ${dir} is invalid: ${details[0]?.path}: ${details[0]?.message}`, details)
  }
  return flattenDocument(parsed.data, dir)
}
