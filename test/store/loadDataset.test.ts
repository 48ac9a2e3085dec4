/**
 * Reading the whole store in chunks (what the read model does on PGlite, to bound its WebAssembly
 * memory) gives the same dataset, metadata and order as reading each table at once, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { readDataset } from '../../src/store/loadDataset.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

describe.each(engines())('readDataset in chunks (%s)', (engine) => {
  let db: TestDatabase
  let tracker: Tracker
  beforeAll(async () => {
    db = await freshDatabase(engine)
    tracker = await openTracker(db.config)
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  it('equals the read of each table at once, for chunk sizes that do and do not divide the tables', async () => {
    const whole = await tracker.store.db.transaction().execute((trx) => readDataset(trx))
    expect(whole.dataset.claims.length).toBeGreaterThan(100)
    for (const chunk of [1000, 97, 7]) {
      const chunked = await tracker.store.db.transaction().execute((trx) => readDataset(trx, chunk))
      expect(chunked.version).toBe(whole.version)
      expect(chunked.dataset, `chunks of ${chunk}`).toEqual(whole.dataset)
      expect([...chunked.meta]).toEqual([...whole.meta])
    }
  })
})
