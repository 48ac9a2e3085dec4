/**
 * A server starting on an existing database listens before its first snapshot is loaded: the
 * read model warms up in the background, /api/health answers with the data version the database
 * had at start, and data requests made meanwhile wait for the load and answer the same version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/api/log.ts'
import { startServer } from '../../src/api/server.ts'
import { openTracker } from '../../src/service/tracker.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

describe.each(engines())('start-up on an existing database (%s)', (engine) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await freshDatabase(engine, { PORT: '0', HOST: '127.0.0.1' })
    await (await openTracker(db.config)).close() // the existing database: created, migrated, loaded
  }, 120_000)
  afterAll(async () => {
    await db?.cleanup()
  })

  it('the read model tells the versions found at start while its first snapshot loads, then serves the snapshot', async () => {
    const tracker = await openTracker(db.config)
    try {
      await tracker.readModel.warmUp()
      const warming = tracker.readModel.warming
      expect(warming?.version).toBeGreaterThan(0)
      expect(warming?.schema).toBeGreaterThan(0)
      const s = await tracker.readModel.current()
      expect(s.version).toBe(warming!.version)
      expect(tracker.readModel.warming).toBeNull()
    } finally {
      await tracker.close()
    }
  })

  it('the server answers health and data requests sent the moment it listens, with one data version', async () => {
    const running = await startServer(db.config, createLogger('silent'))
    try {
      const [health, list] = await Promise.all([fetch(`${running.url}/api/health`), fetch(`${running.url}/api/projects?limit=1`)])
      expect(health.status).toBe(200)
      expect(list.status).toBe(200)
      const h = (await health.json()) as { data_version: number; status: string }
      const l = (await list.json()) as { total: number }
      expect(h.status).toBe('ok')
      expect(l.total).toBeGreaterThan(20)
      expect(list.headers.get('etag')).toBe(`W/"d${h.data_version}"`)
      // Once loaded, health reads the snapshot (and pings the database) again.
      await running.tracker.readModel.current()
      expect(running.tracker.readModel.warming).toBeNull()
      expect(((await (await fetch(`${running.url}/api/health`)).json()) as { data_version: number }).data_version).toBe(h.data_version)
    } finally {
      await running.shutdown()
    }
  })
})
