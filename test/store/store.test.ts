/**
 * The store suite, run against both engines: the embedded PGlite and a real PostgreSQL server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { emptyDataset } from '../../src/model/dataset.ts'
import { planChanges } from '../../src/model/plan.ts'
import { UnavailableError } from '../../src/model/errors.ts'
import { applyPlan } from '../../src/store/applyPlan.ts'
import { loadDataset } from '../../src/store/loadDataset.ts'
import { migrate, migrationStatus } from '../../src/store/migrate.ts'
import { openStore, type Store } from '../../src/store/open.ts'
import { dataVersion } from '../../src/store/version.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'
import { miniDataset } from '../support/fixtures.ts'

const ctx = { actor: 'test', comment: 'test load' }

function source(i: number) {
  return { id: `s-${i}`, kind: 'news' as const, publisher: 'P', title: `T ${i}`, url: null, published: '2025', language: 'en', archived_url: null, notes: null, attribution: null, licence: null }
}

describe.each(engines())('store on %s', (engine) => {
  let db: TestDatabase
  let store: Store | null = null
  const open = async () => {
    db = await freshDatabase(engine)
    store = await openStore(db.config)
    await migrate(store.db)
    return store
  }
  afterEach(async () => {
    await store?.close()
    store = null
    await db?.cleanup()
  })

  it(`migrates an empty database and reports its status (${engine})`, async () => {
    const s = await open()
    const status = await migrationStatus(s.db)
    expect(status.current).toBe(status.latest)
    expect(status.pending).toEqual([])
    expect(await migrate(s.db)).toEqual([])
    expect(await dataVersion(s.db)).toBe(0)
  })

  it('writes a dataset in one transaction with a revision per record, and reads it back equal', async () => {
    const s = await open()
    const ds = miniDataset()
    const result = await applyPlan(s.db, planChanges(emptyDataset(), ds), ctx)
    const total = Object.values(ds).reduce((n, list) => n + list.length, 0)
    expect(result.added).toBe(total)
    expect(result.version).toBe(1)
    const revisions = await s.db.selectFrom('revisions').select(['entity_type', 'action', 'actor', 'comment']).execute()
    expect(revisions).toHaveLength(total)
    expect(new Set(revisions.map((r) => r.action))).toEqual(new Set(['create']))
    const back = await loadDataset(s.db)
    expect(back.version).toBe(1)
    expect(planChanges(back.dataset, ds).entries).toEqual([])
    const event = back.dataset.events.find((e) => e.type === 'groundbreaking' && e.date === '2025-02')
    expect(event?.date).toBe('2025-02')
  })

  it('applies nothing when any record of the plan fails', async () => {
    const s = await open()
    const ds = miniDataset()
    ds.projects.push({ ...ds.projects[0]!, id: 'broken', locality_id: 'nowhere.none' })
    await expect(applyPlan(s.db, planChanges(emptyDataset(), ds), ctx)).rejects.toThrow()
    const back = await loadDataset(s.db)
    expect(back.dataset.projects).toEqual([])
    expect(back.dataset.sources).toEqual([])
    expect(back.version).toBe(0)
    expect(await s.db.selectFrom('revisions').selectAll().execute()).toEqual([])
  })

  it('loses no write under concurrent transactions', async () => {
    const s = await open()
    const writes = Array.from({ length: 40 }, (_, i) => {
      const ds = emptyDataset()
      ds.sources.push(source(i))
      return applyPlan(s.db, planChanges(emptyDataset(), ds), { ...ctx, comment: `write ${i}` })
    })
    // Reads interleaved with the writes must not land inside anyone's transaction.
    const reads = Array.from({ length: 20 }, () => dataVersion(s.db))
    const results = await Promise.all(writes)
    await Promise.all(reads)
    expect(new Set(results.map((r) => r.version)).size).toBe(40)
    expect(await dataVersion(s.db)).toBe(40)
    const back = await loadDataset(s.db)
    expect(back.dataset.sources).toHaveLength(40)
    expect(await s.db.selectFrom('revisions').select('id').execute()).toHaveLength(40)
  })

  it('records a changed field as an update revision with before and after', async () => {
    const s = await open()
    const ds = miniDataset()
    await applyPlan(s.db, planChanges(emptyDataset(), ds), ctx)
    const changed = structuredClone(ds)
    changed.projects[0]!.notes = 'Changed.'
    const current = await loadDataset(s.db)
    const result = await applyPlan(s.db, planChanges(current.dataset, changed), { ...ctx, comment: 'fix note' })
    expect(result.changed).toBe(1)
    const rev = await s.db.selectFrom('revisions').selectAll().where('action', '=', 'update').executeTakeFirstOrThrow()
    expect((rev.before as { notes: string }).notes).toBe('Test project.')
    expect((rev.after as { notes: string }).notes).toBe('Changed.')
    expect(rev.comment).toBe('fix note')
    const after = await loadDataset(s.db)
    expect(after.meta.get(`project:${ds.projects[0]!.id}`)?.version).toBe(2)
  })

  it('tells listeners about committed writes (NOTIFY)', async () => {
    const s = await open()
    const seen: string[] = []
    const stop = await s.listen((payload) => seen.push(payload))
    const ds = emptyDataset()
    ds.sources.push(source(1))
    const { batch } = await applyPlan(s.db, planChanges(emptyDataset(), ds), ctx)
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    // The data version and the batch whose records other instances patch in.
    expect(seen).toContain(`1 ${batch}`)
    await stop()
  })

  if (engine === 'pglite') {
    it('refuses a second process on the same data directory, then reopens with the data intact', async () => {
      const s = await open()
      await applyPlan(s.db, planChanges(emptyDataset(), miniDataset()), ctx)
      const second = openStore(db.config, { command: 'second' })
      await expect(second).rejects.toBeInstanceOf(UnavailableError)
      await expect(second).rejects.toThrow(/in use by/)
      await s.close()
      store = await openStore(db.config)
      expect((await loadDataset(store.db)).dataset.projects).toHaveLength(2)
    })
  }
})
