/** @module Opens the tracker for one CLI command and closes it afterwards, whatever happens. */
import { loadConfig } from '../config/config.ts'
import type { Tracker } from '../service/tracker.ts'
import { progress } from './io.ts'

export async function withTracker<T>(command: string, fn: (tracker: Tracker) => Promise<T>): Promise<T> {
  // Opening reports only what it changes (migrations applied, the bundled data loaded into a new
  // database): say that always, so a command never creates and fills a database unannounced.
  // Loaded when a command runs, not when the program starts: `tracker --help` stays quick.
  const [{ openTracker }, { isNewEmbeddedDatabase }] = await Promise.all([import('../service/tracker.ts'), import('../store/open.ts')])
  const config = loadConfig()
  if (isNewEmbeddedDatabase(config)) progress(`no database in ${config.dataDir} yet: creating it`, true)
  const tracker = await openTracker(config, { command, onProgress: (m) => progress(m, true) })
  try {
    return await fn(tracker)
  } finally {
    await tracker.close()
  }
}

/** Today's date, or the TRACKER_TODAY setting (to reproduce a past run). */
export function today(): string {
  return loadConfig().today ?? new Date().toISOString().slice(0, 10)
}
