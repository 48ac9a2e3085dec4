/**
 * The intake and review API on both engines, over the bundled record: only editors take reports
 * in; bad input is a clear 4xx and queues nothing; a report's facts come back as new, confirms,
 * conflicts and new_project; accepting writes the source, the event or claims and the quote in one
 * transaction with revisions citing the proposal; rejecting needs a reason; re-ingesting the same
 * report (same URL or same text) changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { dataVersion } from '../../src/store/version.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'
import { reportText, reportUrl } from '../support/reports.ts'

describe.each(engines())('intake and review API on %s', (engine) => {
  let db: TestDatabase
  let tracker: Tracker
  let app: App
  let editor: string
  let viewer: string

  beforeAll(async () => {
    db = await freshDatabase(engine)
    tracker = await openTracker(db.config)
    app = createApp({ tracker, log: createLogger('silent') })
    await createAccount(tracker.store.db, 'alice', 'editor', 'editor-secret-password-42')
    await createAccount(tracker.store.db, 'vic', 'viewer', 'viewer-password-123')
    editor = await createApiToken(tracker.store.db, 'alice', 'tests')
    viewer = await createApiToken(tracker.store.db, 'vic', 'tests')
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  const call = async (method: string, url: string, opts: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    const body = opts.body !== undefined ? JSON.stringify(opts.body) : opts.raw
    const res = await app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const queued = async () => Number((await tracker.store.db.selectFrom('proposals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const reports = async () => (await tracker.store.db.selectFrom('reports').select('id').execute()).length
  const intake = (body: unknown, token = editor) => call('POST', '/api/intake', { token, body })
  const report = { text: reportText, url: reportUrl, published: '2025-01-21' }
  let reportId = ''
  const byKind: Record<string, any> = {}

  it('refuses anonymous intake (401) and viewers (403), and shows them no queue', async () => {
    expect((await intake(report, '')).status).toBe(401)
    expect((await intake(report, viewer)).status).toBe(403)
    expect((await call('GET', '/api/proposals')).status).toBe(401)
    expect((await call('GET', '/api/proposals', { token: viewer })).status).toBe(403)
    expect(await reports()).toBe(0)
  })

  it('answers bad input with a clear 4xx and queues nothing', async () => {
    const cases: [string, () => Promise<{ status: number; body: any }>, number, RegExp][] = [
      ['empty text', () => intake({ text: '   ' }), 400, /empty|no text/],
      ['no text at all', () => intake({ url: reportUrl }), 400, /text or html/],
      ['binary', () => intake({ text: `PK\u0003\u0004\u0000\u0000${'\u0001\u0002'.repeat(200)}` }), 400, /binary|not text/],
      ['10 MB of text', () => intake({ text: 'The factories were inaugurated. '.repeat(330_000) }), 413, /larger than/],
      ['HTML without an article', () => intake({ html: '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2025</footer></body></html>' }), 400, /no article/],
      ['text and html at once', () => intake({ text: reportText, html: '<p>x</p>' }), 400, /not both/],
      ['a field we do not know', () => intake({ ...report, author: 'x' }), 400, /author|unrecognized/i],
      ['a URL that is not http', () => intake({ ...report, url: 'javascript:alert(1)' }), 400, /url/],
      ['an impossible date', () => intake({ ...report, published: '2025-02-30' }), 400, /published/],
    ]
    for (const [name, run, status, message] of cases) {
      const res = await run()
      expect({ name, status: res.status }).toEqual({ name, status })
      expect(res.body.error.message).toMatch(message)
    }
    expect(await reports()).toBe(0)
    expect(await queued()).toBe(0)
  })

  it('queues a report as proposals matched against the record', async () => {
    const res = await intake(report)
    expect(res.status).toBe(201)
    expect(res.body.duplicate).toBe(false)
    reportId = res.body.report.id
    expect(res.body.report).toMatchObject({ publisher: 'KCNA', url: reportUrl, published: '2025-01-21', via: 'api', received_by: 'alice' })
    const list = await call('GET', '/api/proposals?state=pending', { token: editor })
    expect(list.body.total).toBe(res.body.proposals.length)
    for (const p of list.body.items) byKind[p.match.kind] = p
    expect(byKind.confirms).toMatchObject({ event: { type: 'inauguration', locality: 'nampo.onchon', date: '2025-01-20' }, match: { project_id: '20x10.2024.nampo.onchon', event_id: '20x10.2024.nampo.onchon~inauguration' } })
    expect(byKind.conflicts).toMatchObject({ event: { locality: 'north-hwanghae.unpa', date: '2025-01-14' }, match: { event_id: '20x10.2024.north-hwanghae.unpa~inauguration', differs: [{ field: 'date', record: '2025-01-10', proposed: '2025-01-14' }] } })
    expect(byKind.new).toMatchObject({ event: { type: 'leader_visit', locality: 'north-pyongan.kusong', leader_present: true }, match: { project_id: '20x10.2024.north-pyongan.kusong', event_id: null } })
    expect(byKind.new_project).toMatchObject({ event: { type: 'groundbreaking', locality: 'kangwon.hoeyang' }, match: { project_id: null, year: 2025 } })
    const conflicts = await call('GET', `/api/proposals?match=conflicts&source=${reportId}`, { token: editor })
    expect(conflicts.body.items.map((p: any) => p.id)).toEqual([byKind.conflicts.id])
    const one = await call('GET', `/api/proposals/${byKind.conflicts.id}`, { token: editor })
    expect(one.body.report_text.slice(one.body.event.evidence_start, one.body.event.evidence_end)).toBe(one.body.event.evidence)
    expect(one.body.record.event).toMatchObject({ id: '20x10.2024.north-hwanghae.unpa~inauguration', date: '2025-01-10' })
    expect((await call('GET', '/api/proposals/count', { token: editor })).body.pending).toBe(list.body.total)
  })

  it('changes nothing when the same report comes again, by URL or by text', async () => {
    const before = { version: await dataVersion(tracker.store.db), proposals: await queued(), reports: await reports() }
    const again = await intake(report)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ duplicate: true, report: { id: reportId } })
    expect((await intake({ ...report, url: 'https://mirror.example/copy/1' })).body).toMatchObject({ duplicate: true, report: { id: reportId } })
    expect((await intake({ ...report, text: `${reportText}\nA line another outlet added.` })).body).toMatchObject({ duplicate: true, report: { id: reportId } })
    const parallel = await Promise.all([intake(report), intake(report), intake({ ...report, url: undefined })])
    expect(parallel.map((r) => r.body.duplicate)).toEqual([true, true, true])
    expect({ version: await dataVersion(tracker.store.db), proposals: await queued(), reports: await reports() }).toEqual(before)
  })

  it('accepts a new event: source, event, claim and quote in one transaction whose revisions cite the proposal', async () => {
    const p = byKind.new
    const res = await call('POST', `/api/proposals/${p.id}/accept`, { token: editor })
    expect(res.status).toBe(200)
    expect(res.body.proposal).toMatchObject({ state: 'accepted', decided_by: 'alice' })
    const project = (await call('GET', '/api/projects/20x10.2024.north-pyongan.kusong')).body
    const visit = project.events.find((e: any) => e.type === 'leader_visit' && e.date === p.event.date)
    expect(visit).toBeTruthy()
    const source = project.source_list.find((s: any) => s.url === reportUrl)
    expect(source).toMatchObject({ publisher: 'KCNA', published: '2025-01-21', kind: 'state_media' })
    const revisions = await tracker.store.db.selectFrom('revisions').selectAll().where('batch', '=', res.body.batch).execute()
    expect(revisions.length).toBeGreaterThanOrEqual(3)
    expect(new Set(revisions.map((r) => r.proposal_id))).toEqual(new Set([p.id]))
    expect(new Set(revisions.map((r) => r.entity_type))).toEqual(new Set(['source', 'event', 'claim']))
    const claims = await tracker.store.db.selectFrom('claims').selectAll().where('source_id', '=', source.id).execute()
    expect(claims.find((c) => c.field === 'date')?.quote).toBe(p.event.evidence)
    const twice = await call('POST', `/api/proposals/${p.id}/accept`, { token: editor })
    expect(twice.status).toBe(409)
  })

  it('accepts a conflict as a competing claim beside the preferred one, which stays', async () => {
    const res = await call('POST', `/api/proposals/${byKind.conflicts.id}/accept`, { token: editor })
    expect(res.status).toBe(200)
    const project = (await call('GET', '/api/projects/20x10.2024.north-hwanghae.unpa')).body
    const event = project.events.find((e: any) => e.type === 'inauguration')
    expect(event.date).toBe('2025-01-10')
    const dates = await tracker.store.db.selectFrom('claims').select(['value', 'source_id', 'rank']).where('subject_id', '=', event.id).where('field', '=', 'date').where('deleted_at', 'is', null).execute()
    expect(dates.map((c) => c.value)).toContain('2025-01-14')
    expect(dates.find((c) => c.value === '2025-01-14')?.rank).toBe('normal')
  })

  it('accepts every confirms of one source in one step', async () => {
    const res = await call('POST', '/api/proposals/accept-confirms', { token: editor, body: { source: reportId } })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toEqual([byKind.confirms.id])
    const claims = await tracker.store.db.selectFrom('claims').selectAll().where('subject_id', '=', '20x10.2024.nampo.onchon~inauguration').where('deleted_at', 'is', null).execute()
    const report = await tracker.store.db.selectFrom('reports').select('source_id').where('id', '=', reportId).executeTakeFirstOrThrow()
    expect(claims.some((c) => c.source_id === report.source_id && c.value === '2025-01-20')).toBe(true)
  })

  it('accepts a new project only with what it builds, amended by the editor', async () => {
    const p = byKind.new_project
    const bare = await call('POST', `/api/proposals/${p.id}/accept`, { token: editor, body: { kinds: [] } })
    expect(bare.status).toBe(400)
    expect(bare.body.error.message).toMatch(/kinds/)
    const unknown = await call('POST', `/api/proposals/${p.id}/accept`, { token: editor, body: { locality: 'kangwon.nowhere' } })
    expect(unknown.status).toBe(400)
    const res = await call('POST', `/api/proposals/${p.id}/accept`, { token: editor, body: { kinds: ['foodstuff_factory', 'garment_factory'], date: '2025-01-19', comment: 'first report of this locality' } })
    expect(res.status).toBe(200)
    const project = (await call('GET', '/api/projects/20x10.2025.kangwon.hoeyang')).body
    expect(project).toMatchObject({ year: 2025, locality_id: 'kangwon.hoeyang', kinds: ['foodstuff_factory', 'garment_factory'] })
    expect(project.events.map((e: any) => [e.type, e.date])).toEqual([['groundbreaking', '2025-01-19']])
  })

  it('rejects with a reason only, and a rejected fact reaches nothing', async () => {
    const more = await intake({ text: `Pyongyang, March 3 (KCNA) -- Newly built regional-industry factories were inaugurated in Sukchon County, South Pyongan Province, on March 2.`, published: '2025-03-03', url: 'https://kcna.example/other/7' })
    expect(more.status).toBe(201)
    const p = more.body.proposals[0]
    expect((await call('POST', `/api/proposals/${p.id}/reject`, { token: editor, body: { reason: '' } })).status).toBe(400)
    const res = await call('POST', `/api/proposals/${p.id}/reject`, { token: editor, body: { reason: 'the date is the anniversary, not the ceremony' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ state: 'rejected', reason: 'the date is the anniversary, not the ceremony', decided_by: 'alice' })
    const project = (await call('GET', '/api/projects/20x10.2024.south-pyongan.sukchon')).body
    expect(project.source_list.some((s: any) => s.url === 'https://kcna.example/other/7')).toBe(false)
    expect((await call('POST', `/api/proposals/${p.id}/accept`, { token: editor })).status).toBe(409)
  })

  it('takes a file upload, HTML reduced to its article', async () => {
    const html = `<!doctype html><html><head><title>Factories open</title></head><body><nav><a href="/">Home</a></nav><article><h1>Factories open</h1><p>${reportText.replace(/\n/g, '</p><p>').replace('Onchon', 'Kyongsong').replace('Nampo City', 'North Hamgyong Province').replace('January 20', 'January 12')}</p></article><footer>menu</footer></body></html>`
    const form = new FormData()
    form.set('file', new File([html], 'page.html', { type: 'text/html' }))
    form.set('published', '2025-01-21')
    form.set('url', 'https://kcna.example/upload/3')
    const res = await call('POST', '/api/intake', { token: editor, raw: form })
    expect(res.status).toBe(201)
    expect(res.body.report.title).toBe('Factories open')
    expect(res.body.proposals.some((p: any) => p.event.locality === 'north-hamgyong.kyongsong' && p.match.kind === 'confirms')).toBe(true)
  })

  it('re-ingesting the first report after review still changes nothing', async () => {
    const version = await dataVersion(tracker.store.db)
    const res = await intake(report)
    expect(res.body.duplicate).toBe(true)
    expect(res.body.proposals.map((p: any) => p.state).sort()).toEqual(['accepted', 'accepted', 'accepted', 'accepted'])
    expect(await dataVersion(tracker.store.db)).toBe(version)
  })
})
