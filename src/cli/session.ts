/** @module Opens the tracker for one CLI command and closes it afterwards, whatever happens. */
import { loadConfig } from '../config/config.ts'
import { openTracker, type Tracker } from '../service/tracker.ts'
import { progress } from './io.ts'

export async function withTracker<T>(command: string, fn: (tracker: Tracker) => Promise<T>): Promise<T> {
  const tracker = await openTracker(loadConfig(), { command, onProgress: (m) => progress(m) })
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
