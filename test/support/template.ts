/**
 * @module A loaded embedded database made once per test run (by the global setup) and copied for
 * each test that wants one: opening a fresh data directory loads the bundled data (migrations,
 * parsing, 1,000 inserts, seconds on a loaded machine); copying the loaded directory takes
 * milliseconds. The copy is the database `tracker init` makes, byte for byte. Tests of first
 * start itself (init, an empty directory) make their own.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'

/** Builds the template: a data directory opened (and so loaded) once, then closed. */
export async function buildTemplate(): Promise<string> {
  const { loadConfig } = await import('../../src/config/config.ts')
  const { openTracker } = await import('../../src/service/tracker.ts')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-template-'))
  const tracker = await openTracker(loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent' }))
  await tracker.readModel.current()
  await tracker.close()
  if (fs.existsSync(path.join(dir, 'tracker.lock'))) throw new Error(`the template ${dir} was left locked`)
  return dir
}

/**
 * A new temporary data directory holding the bundled data, loaded: a copy of the template when the
 * global setup made one, else empty (the tracker then loads the data on open, as on first start).
 */
export function loadedDataDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const template = inject('templateDataDir')
  if (template) fs.cpSync(template, dir, { recursive: true })
  return dir
}

/** Puts a copy of the loaded template at `dir` (which must not exist yet); nothing when there is none. */
export function copyLoadedDataTo(dir: string): void {
  const template = inject('templateDataDir')
  if (template) fs.cpSync(template, dir, { recursive: true })
}
