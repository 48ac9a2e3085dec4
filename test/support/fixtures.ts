/** @module The shared small fixture dataset (test/fixtures/mini.json) as records. */
import fs from 'node:fs'
import { DatasetDoc } from '../../src/import/documentSchema.ts'
import { flattenDocument } from '../../src/import/flatten.ts'
import type { Dataset } from '../../src/model/dataset.ts'

export const miniPath = new URL('../fixtures/mini.json', import.meta.url)

export function miniDataset(): Dataset {
  return flattenDocument(DatasetDoc.parse(JSON.parse(fs.readFileSync(miniPath, 'utf8'))), 'mini.json')
}
