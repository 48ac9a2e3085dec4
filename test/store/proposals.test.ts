/**
 * The review queue's tables on both engines: a report is taken in once (by URL or text hash),
 * also under concurrent ingests and from two instances on one PostgreSQL; a proposal is decided
 * once; a feed item is claimed once; one instance at a time holds a feed's lock.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { reportIdOf, textHash } from '../../src/model/reportKey.ts'
import { claimItem, feedState, recordPoll, withFeedLock } from '../../src/store/feeds.ts'
import { migrate } from '../../src/store/migrate.ts'
import { openStore, type Store } from '../../src/store/open.ts'
import { countPending, decideProposal, insertReport, lockProposal, selectProposals, type NewReport } from '../../src/store/proposals.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

function report(text: string, url: string | null): NewReport {
  const hash = textHash(text)
  return { id: reportIdOf(hash), url, text_hash: hash, text, title: 'A report', published: '2025-01-21', language: 'en', publisher: 'KCNA', kind: 'state_media', via: 'api', feed_url: null, received_by: 'alice' }
}
const proposal = (type: string) => ({ event: { type, locality: 'nampo.onchon', date: '2025-01-20' }, match_kind: 'new', match: { kind: 'new', project_id: null, event_id: null } })

describe.each(engines())('review queue store on %s', (engine) => {
  let db: TestDatabase
  const stores: Store[] = []
  const open = async () => {
    const s = await openStore(db.config)
    stores.push(s)
    await migrate(s.db)
    return s
  }
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
    await db?.cleanup()
  })

  it('takes a report in once: the same URL or the same text adds nothing', async () => {
    db = await freshDatabase(engine)
    const s = await open()
    const first = await insertReport(s.db, report('Pyongyang, January 21 (KCNA) -- A ceremony took place.', 'https://kcna.example/a/1'), [proposal('inauguration'), proposal('leader_visit')])
    expect(first.created).toBe(true)
    expect(first.proposals.map((p) => [p.seq, p.state])).toEqual([[0, 'pending'], [1, 'pending']])
    const sameUrl = await insertReport(s.db, report('Another wording of it.', 'https://kcna.example/a/1'), [proposal('inauguration')])
    expect(sameUrl).toMatchObject({ created: false, report: { id: first.report.id } })
    expect(sameUrl.proposals).toHaveLength(2)
    const sameText = await insertReport(s.db, report('Pyongyang,  January 21 (KCNA) --\nA ceremony took place.', 'https://mirror.example/x'), [proposal('inauguration')])
    expect(sameText).toMatchObject({ created: false, report: { id: first.report.id, url: 'https://kcna.example/a/1' } })
    expect(await s.db.selectFrom('reports').select('id').execute()).toHaveLength(1)
    expect(await countPending(s.db)).toBe(2)
  })

  it('keeps one copy when the same report arrives many times at once, also through two instances', async () => {
    db = await freshDatabase(engine)
    const a = await open()
    // The embedded database belongs to one process: a second instance exists only on PostgreSQL.
    const b = engine === 'postgres' ? await open() : a
    const r = report('Pyongyang, February 8 (KCNA) -- Groundbreaking ceremonies were held.', 'https://kcna.example/b/2')
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => insertReport(i % 2 ? a.db : b.db, r, [proposal('groundbreaking')])))
    expect(results.filter((x) => x.created)).toHaveLength(1)
    expect(new Set(results.map((x) => x.report.id))).toEqual(new Set([r.id]))
    expect(await a.db.selectFrom('proposals').select('id').execute()).toHaveLength(1)
  })

  it('decides a proposal once, and lists by state and source', async () => {
    db = await freshDatabase(engine)
    const s = await open()
    const { proposals, report: rep } = await insertReport(s.db, report('Text one about a factory.', null), [proposal('inauguration'), proposal('completion')])
    const id = proposals[0]!.id
    await s.db.transaction().execute(async (trx) => {
      expect((await lockProposal(trx, id))?.state).toBe('pending')
      await decideProposal(trx, id, { state: 'rejected', by: 'alice', reason: 'not about the policy' })
    })
    await expect(s.db.transaction().execute((trx) => decideProposal(trx, id, { state: 'accepted', by: 'bob', reason: null }))).rejects.toThrow(/no longer pending/)
    const rejected = await selectProposals(s.db, { state: ['rejected'], cap: 100 })
    expect(rejected.map((p) => [p.id, p.decided_by, p.reason])).toEqual([[id, 'alice', 'not about the policy']])
    expect(await selectProposals(s.db, { source: [rep.id], cap: 100 })).toHaveLength(2)
    expect(await selectProposals(s.db, { source: ['r-none'], cap: 100 })).toHaveLength(0)
    expect(await countPending(s.db)).toBe(1)
  })

  it('claims a feed item once, remembers failures, and lets one poller hold a feed', async () => {
    db = await freshDatabase(engine)
    const a = await open()
    const b = engine === 'postgres' ? await open() : a
    const feed = 'http://127.0.0.1:9/feed.xml'
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => claimItem(i % 2 ? a.db : b.db, feed, 'item-1')))
    expect(claims.filter(Boolean)).toHaveLength(1)
    expect(await claimItem(a.db, feed, 'item-2')).toBe(true)
    await feedState(a.db, feed)
    await recordPoll(a.db, feed, { ok: false, error: 'timed out', nextAt: new Date(Date.now() + 60_000) })
    await recordPoll(a.db, feed, { ok: false, error: 'timed out again', nextAt: new Date(Date.now() + 120_000) })
    expect(await feedState(b.db, feed)).toMatchObject({ failures: 2, last_error: 'timed out again' })
    let inner: boolean | null = null
    const outer = await withFeedLock(a, feed, async () => {
      inner = await withFeedLock(b, feed, async () => {})
    })
    expect(outer).toBe(true)
    expect(inner).toBe(false)
    expect(await withFeedLock(b, feed, async () => {})).toBe(true)
  })
})
