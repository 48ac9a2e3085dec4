/**
 * Every write runs the rules of `tracker validate`: a change that would add an error is refused
 * (409) with the rule's message and writes nothing; and a burst of random valid API writes
 * (fast-check) leaves `validate` without errors.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { createResolver } from '../../src/model/names/resolve.ts'
import { validateDataset } from '../../src/model/validate.ts'
import { eventTypes, facilityKinds, statuses } from '../../src/model/vocab.ts'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

const songchon = '20x10.2024.south-pyongan.songchon'
const today = '2026-11-25'

describe.each(engines())('integrity of writes on %s', (engine) => {
  let db: TestDatabase
  let tracker: Tracker
  let app: App
  let editor: string

  beforeAll(async () => {
    db = await freshDatabase(engine, { TRACKER_TODAY: today })
    tracker = await openTracker(db.config)
    app = createApp({ tracker, log: createLogger('silent') })
    await createAccount(tracker.store.db, 'rules', 'editor', 'rules-editor-password')
    editor = await createApiToken(tracker.store.db, 'rules', 'tests')
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  const call = async (method: string, url: string, body?: unknown, ifMatch?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${editor}` }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (ifMatch) headers['if-match'] = ifMatch
    const res = await app.request(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const errors = async () => {
    const s = await tracker.readModel.current()
    return validateDataset(s, createResolver({ localities: s.dataset.localities, provinces: s.dataset.provinces }), today).filter((f) => f.level === 'error')
  }

  it('refuses a second counted project for one locality and year (counted_twice), and writes nothing', async () => {
    const version = (await tracker.readModel.current()).version
    const r = await call('POST', '/api/projects', { year: 2024, locality: 'south-pyongan.songchon', label: 'second', kinds: ['hospital'], counted: true, source: 'wikipedia-20x10-policy', comment: 'rule test' })
    expect(r.status).toBe(409)
    expect(r.body.error.message).toMatch(/counted_twice.*counted more than once in one year/)
    expect((await tracker.readModel.current()).version).toBe(version)
    // Not counted, with the reason, it is fine.
    const ok = await call('POST', '/api/projects', { year: 2024, locality: 'south-pyongan.songchon', label: 'second', kinds: ['hospital'], counted: false, counted_reason: 'add-on to the factories', status: 'planned', source: 'wikipedia-20x10-policy', comment: 'rule test' })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(await errors()).toEqual([])
  })

  it('refuses an event dated after its only source was published (dated_after_source)', async () => {
    const s = await tracker.readModel.current()
    const src = s.dataset.sources.find((x) => x.published && /^\d{4}-\d{2}-\d{2}$/.test(x.published) && x.published < '2025-01-01')!
    const r = await call('POST', '/api/events', { project: songchon, type: 'leader_visit', label: 'late', date: '2026-03-01', source: src.id, comment: 'rule test' })
    expect(r.status).toBe(409)
    expect(r.body.error.message).toContain('dated_after_source')
    expect(r.body.error.message).toContain(src.id)
  })

  it('refuses deleting the only claim of an event (unsourced)', async () => {
    const s = await tracker.readModel.current()
    const event = s.dataset.events.find((e) => (s.claimsBySubject.get(`event:${e.id}`) ?? []).length === 1)!
    const claim = s.claimsBySubject.get(`event:${event.id}`)![0]!
    const r = await call('DELETE', `/api/claims/${encodeURIComponent(claim.id)}`, { comment: 'rule test' }, '*')
    expect(r.status).toBe(409)
    expect(r.body.error.message).toMatch(/unsourced/)
  })

  it('a burst of random valid API writes leaves `tracker validate` without errors', async () => {
    const s0 = await tracker.readModel.current()
    const projects = s0.dataset.projects.map((p) => p.id)
    const localities = s0.dataset.localities.map((l) => l.id)
    const sources = s0.dataset.sources.map((x) => x.id)
    const date = fc.tuple(fc.integer({ min: 2022, max: 2026 }), fc.option(fc.integer({ min: 1, max: 12 })), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) =>
      m === null ? String(y) : d % 2 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    )
    let n = 0
    const write = fc.oneof(
      fc.record({ op: fc.constant('event' as const), project: fc.constantFrom(...projects), type: fc.constantFrom(...eventTypes.values), date, source: fc.constantFrom(...sources) }),
      fc.record({ op: fc.constant('redate' as const), date, source: fc.constantFrom(...sources), pick: fc.nat() }),
      fc.record({ op: fc.constant('project' as const), year: fc.integer({ min: 2027, max: 2033 }), locality: fc.constantFrom(...localities), kinds: fc.subarray([...facilityKinds.values], { minLength: 1 }), counted: fc.boolean(), status: fc.constantFrom(...statuses.values), source: fc.constantFrom(...sources) }),
      fc.record({ op: fc.constant('status' as const), project: fc.constantFrom(...projects), status: fc.constantFrom(...statuses.values), source: fc.constantFrom(...sources) }),
      fc.record({ op: fc.constant('drop-claim' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('drop-event' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('notes' as const), project: fc.constantFrom(...projects), notes: fc.string({ maxLength: 40 }) }),
    )
    const statusCounts = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 15, maxLength: 30 }), async (burst) => {
        for (const w of burst) {
          const s = await tracker.readModel.current()
          const comment = 'random write'
          let r: { status: number }
          if (w.op === 'event') r = await call('POST', '/api/events', { project: w.project, type: w.type, label: `rnd ${n++}`, date: w.date, source: w.source, comment })
          else if (w.op === 'redate') {
            const e = s.dataset.events[w.pick % s.dataset.events.length]!
            r = await call('PATCH', `/api/events/${encodeURIComponent(e.id)}`, { date: w.date, source: w.source, comment }, '*')
          } else if (w.op === 'project') {
            r = await call('POST', '/api/projects', { year: w.year, locality: w.locality, label: `rnd${n++}`, kinds: w.kinds, counted: w.counted, counted_reason: w.counted ? null : 'random', status: w.status, source: w.source, comment })
          } else if (w.op === 'status') r = await call('POST', '/api/claims', { subject_type: 'project', subject_id: w.project, field: 'status', value: w.status, source: w.source, comment })
          else if (w.op === 'drop-claim') {
            const c = s.dataset.claims[w.pick % s.dataset.claims.length]!
            r = await call('DELETE', `/api/claims/${encodeURIComponent(c.id)}`, { comment }, '*')
          } else if (w.op === 'drop-event') {
            const e = s.dataset.events[w.pick % s.dataset.events.length]!
            r = await call('DELETE', `/api/events/${encodeURIComponent(e.id)}`, { comment }, '*')
          } else r = await call('PATCH', `/api/projects/${w.project}`, { notes: w.notes || null, comment }, '*')
          statusCounts.set(r.status, (statusCounts.get(r.status) ?? 0) + 1)
          expect(r.status, `${w.op} gave ${r.status}`).toBeLessThan(500)
        }
        const found = await errors()
        expect(found, JSON.stringify(found.slice(0, 3))).toEqual([])
      }),
      { numRuns: 4 },
    )
    process.stdout.write(`[random writes on ${engine}] statuses ${JSON.stringify(Object.fromEntries(statusCounts))}\n`)
    expect(statusCounts.get(201) ?? 0).toBeGreaterThan(0)
  }, 300_000)
})
