/** @module A tracker with the bundled data on a fresh embedded database, and its app, for API tests without sockets. */
import fs from 'node:fs'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { loadConfig } from '../../src/config/config.ts'
import { loadedDataDir } from './template.ts'

export interface TestApp {
  app: App
  tracker: Tracker
  dir: string
  close(): Promise<void>
}

export async function bundledApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = loadedDataDir('tracker-api-')
  const config = loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent', ...env })
  const tracker = await openTracker(config)
  const app = createApp({ tracker, log: createLogger('silent'), today: () => '2026-11-25' })
  return {
    app,
    tracker,
    dir,
    async close() {
      await tracker.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
