/**
 * Golden tests of the CSV and JSON importers: good input previews the expected additions;
 * each bad input (malformed row, unknown locality, impossible date, unknown status…) stops with
 * the file, line or path and the reason — exit code 2 — and changes nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareImport, type ImportFormat } from '../../src/service/importService.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { loadConfig } from '../../src/config/config.ts'
import { emptyDataset } from '../../src/model/dataset.ts'
import { AppError } from '../../src/model/errors.ts'
import { planChanges, planCounts } from '../../src/model/plan.ts'
import { applyPlan } from '../../src/store/applyPlan.ts'
import { miniDataset } from '../support/fixtures.ts'
import { expectGolden } from '../support/golden.ts'

const input = (p: string) => new URL(`../input/${p}`, import.meta.url).pathname
let tracker: Tracker
let dir: string

function files(format: ImportFormat, name: string): Map<string, string> {
  if (format === 'csv') {
    const d = input(`csv/${name}`)
    return new Map(fs.readdirSync(d).sort().map((f) => [`${name}/${f}`, fs.readFileSync(path.join(d, f), 'utf8')]))
  }
  return new Map([[`${name}.json`, fs.readFileSync(input(`json/${name}.json`), 'utf8')]])
}

function describeError(error: unknown): string {
  if (!(error instanceof AppError)) throw error
  return [`${error.code} (exit ${error.exitCode}): ${error.message}`, ...(error.details ?? []).map((d) => `  ${d.path ?? ''}: ${d.message}`)].join('\n') + '\n'
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-import-'))
  tracker = await openTracker(loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent' }), { loadBundled: false })
  // The fixture minus its projects: the imports add them back.
  const base = { ...miniDataset(), projects: [], events: [], claims: [] }
  await applyPlan(tracker.store.db, planChanges(emptyDataset(), base), { actor: 'test', comment: 'base' })
  tracker.readModel.invalidate()
})
afterAll(async () => {
  await tracker?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe.each([
  ['csv', 'good'],
  ['json', 'good'],
] as const)('%s importer, good input', (format, name) => {
  it('previews the projects, events and claims to add', async () => {
    const prepared = await prepareImport(tracker, { format, files: files(format, name) })
    const counts = planCounts(prepared.plan)
    expect(counts.projects.add).toBe(2)
    expect(counts.events.add).toBe(format === 'json' ? 4 : 4)
    expect(counts.claims.add).toBe(7)
  })
})

const bad: [ImportFormat, string][] = [
  ['csv', 'bad-malformed-row'],
  ['csv', 'bad-wrong-column-count'],
  ['csv', 'bad-unknown-locality'],
  ['csv', 'bad-impossible-date'],
  ['csv', 'bad-unknown-status'],
  ['json', 'bad-malformed'],
  ['json', 'bad-unknown-locality'],
  ['json', 'bad-impossible-date'],
  ['json', 'bad-unknown-status'],
  ['json', 'bad-unknown-kind'],
]

describe.each(bad)('%s importer, %s', (format, name) => {
  it('stops with the place and the reason, exit code 2, and changes nothing', async () => {
    const before = (await tracker.readModel.current()).version
    let error: unknown = null
    try {
      await prepareImport(tracker, { format, files: files(format, name) })
    } catch (e) {
      error = e
    }
    expect(error, 'the import must fail').toBeInstanceOf(AppError)
    expect((error as AppError).exitCode).toBe(2)
    expectGolden(`import/${format}-${name}.txt`, describeError(error))
    expect((await tracker.readModel.current()).version).toBe(before)
  })
})
