/**
 * HTTP as clients expect it (RFC 9110): every record route's GET returns a strong ETag for the
 * record's version; sending it back as If-Match succeeds; an old or foreign (but well-formed)
 * tag is 412 with the current record, a malformed one 400; If-None-Match gets 304; list
 * endpoints keep their weak data-version tags. And unknown fields in request bodies are 400
 * naming them, while the names the responses use are accepted where unambiguous.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

const songchon = '20x10.2024.south-pyongan.songchon'
const source = 'wikipedia-20x10-policy'

describe.each(engines())('record ETags and strict bodies on %s', (engine) => {
  let db: TestDatabase
  let tracker: Tracker
  let app: App
  let editor: string

  beforeAll(async () => {
    db = await freshDatabase(engine)
    tracker = await openTracker(db.config)
    app = createApp({ tracker, log: createLogger('silent') })
    await createAccount(tracker.store.db, 'etag-editor', 'editor', 'etag-editor-password')
    editor = await createApiToken(tracker.store.db, 'etag-editor', 'tests')
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  const call = async (method: string, url: string, opts: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {}) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? editor}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    const res = await app.request(url, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') }
  }

  it('every record route: GET → strong ETag → If-Match with it succeeds; the old tag is then 412; If-None-Match gets 304', async () => {
    const snapshot = await tracker.readModel.current()
    const event = snapshot.eventsByProject.get(songchon)![0]!.id
    const claim = snapshot.claimsBySubject.get(`project:${songchon}`)![0]!.id
    const routes: Array<[string, Record<string, unknown>]> = [
      [`/api/projects/${songchon}`, { notes: 'ETag round trip', comment: 'etag test' }],
      [`/api/events/${encodeURIComponent(event)}`, { notes: 'ETag round trip', comment: 'etag test' }],
      [`/api/sources/${source}`, { notes: 'ETag round trip', comment: 'etag test' }],
      ['/api/localities/south-pyongan.songchon', { uncertain: 'ETag round trip', comment: 'etag test' }],
      [`/api/claims/${encodeURIComponent(claim)}`, { quote: 'ETag round trip', comment: 'etag test' }],
    ]
    for (const [url, patch] of routes) {
      const got = await call('GET', url, { token: null })
      expect(got.status, url).toBe(200)
      expect(got.etag, url).toMatch(/^"v\d+-[0-9a-f]+"$/)
      expect(got.etag, url).toBe(`"v${got.body.version}-${got.etag!.split('-')[1]!.slice(0, -1)}"`)
      expect((await call('GET', url, { token: null, headers: { 'if-none-match': got.etag! } })).status, `${url} If-None-Match`).toBe(304)
      const changed = await call('PATCH', url, { body: patch, headers: { 'if-match': got.etag! } })
      expect(changed.status, `${url} PATCH with its ETag: ${JSON.stringify(changed.body)}`).toBe(200)
      expect(changed.body.record.version).toBe(got.body.version + 1)
      const after = await call('GET', url, { token: null })
      expect(after.etag).not.toBe(got.etag)
      expect((await call('GET', url, { token: null, headers: { 'if-none-match': got.etag! } })).status, `${url} stale If-None-Match`).toBe(200)
      const stale = await call('PATCH', url, { body: patch, headers: { 'if-match': got.etag! } })
      expect(stale.status, `${url} stale If-Match`).toBe(412)
      expect(stale.body.error.current.version).toBe(after.body.version)
    }
  })

  it('a well-formed tag that is not the record’s version is 412, a malformed one 400, "*" matches', async () => {
    const url = `/api/projects/${songchon}`
    const list = await call('GET', '/api/projects?limit=1', { token: null })
    expect(list.etag).toMatch(/^W\/"d\d+"$/)
    const patch = { notes: 'tag forms', comment: 'etag test' }
    for (const tag of [list.etag!, '"abc"', 'W/"d1"', '"v999-0123abcd"', '"1", "2"']) {
      expect((await call('PATCH', url, { body: patch, headers: { 'if-match': tag } })).status, tag).toBe(412)
    }
    for (const tag of ['abc', '"unterminated', 'v3-abc', '"a" junk']) {
      const r = await call('PATCH', url, { body: patch, headers: { 'if-match': tag } })
      expect(r.status, tag).toBe(400)
      expect(r.body.error.details[0].path).toBe('header.if-match')
    }
    const current = await call('GET', url, { token: null })
    expect((await call('PATCH', url, { body: patch, headers: { 'if-match': String(current.body.version) } })).status).toBe(200)
    expect((await call('PATCH', url, { body: { notes: 'any version', comment: 'etag test' }, headers: { 'if-match': '*' } })).status).toBe(200)
  })

  it('DELETE takes the record’s ETag too', async () => {
    const made = await call('POST', '/api/events', { body: { project: songchon, type: 'leader_visit', label: 'etag delete', date: '2024-05', source, comment: 'etag test' } })
    expect(made.status).toBe(201)
    const url = `/api/events/${encodeURIComponent(made.body.record.id)}`
    const got = await call('GET', url, { token: null })
    expect((await call('DELETE', url, { body: { comment: 'etag test' }, headers: { 'if-match': got.etag! } })).status).toBe(200)
  })

  it('unknown fields are 400 naming them; the names responses use are accepted', async () => {
    const typo = await call('POST', '/api/events', { body: { project: songchon, type: 'leader_visit', label: 'typo', date: '2024-06', source, comment: 'strict test', leader: true } })
    expect(typo.status).toBe(400)
    expect(typo.body.error.message).toContain('body.leader: unknown field')
    // Before: project_id was ignored and a programme-wide event was created. Now it is the project.
    const aliased = await call('POST', '/api/events', { body: { project_id: songchon, type: 'leader_visit', label: 'alias', date: '2024-06', source, comment: 'strict test' } })
    expect(aliased.status, JSON.stringify(aliased.body)).toBe(201)
    expect(aliased.body.record.project_id).toBe(songchon)
    const both = await call('POST', '/api/events', { body: { project: songchon, project_id: '20x10.2025.kangwon.kimhwa', type: 'leader_visit', label: 'both', date: '2024-06', source, comment: 'strict test' } })
    expect(both.status).toBe(400)
    const claim = await call('POST', '/api/claims', { body: { subject_type: 'project', subject_id: songchon, field: 'status', value: 'suspended', source_id: source, comment: 'strict test' } })
    expect(claim.status, JSON.stringify(claim.body)).toBe(201)
    expect(claim.body.record.source_id).toBe(source)
    const p = await call('GET', `/api/projects/${songchon}`, { token: null })
    for (const [method, url, body, ifMatch] of [
      ['PATCH', `/api/projects/${songchon}`, { notes: 'x', comment: 'strict test', colour: 'red' }, p.etag],
      ['PATCH', `/api/sources/${source}`, { notez: 'x', comment: 'strict test' }, '*'],
      ['POST', '/api/sources/merge', { from: 'a', into: 'b', comment: 'strict test', force: true }, undefined],
      ['POST', '/api/tokens', { label: 'x', scope: 'all' }, undefined],
      ['POST', '/api/session', { name: 'x', password: 'y', remember: true }, undefined],
    ] as const) {
      const r = await call(method, url, { body, headers: ifMatch ? { 'if-match': ifMatch } : {} })
      expect(r.status, `${method} ${url}`).toBe(400)
      expect(r.body.error.details.some((d: { message: string }) => /unknown field/.test(d.message)), `${method} ${url}`).toBe(true)
    }
  })

  it('PATCH changes only the fields it names (defaults of the record schema are not applied)', async () => {
    const before = await call('GET', '/api/localities/south-pyongan.songchon', { token: null })
    expect(before.body.aliases.length).toBeGreaterThan(0)
    const r = await call('PATCH', '/api/localities/south-pyongan.songchon', { body: { uncertain: 'only this', comment: 'patch test' }, headers: { 'if-match': before.etag! } })
    expect(r.status).toBe(200)
    const after = await call('GET', '/api/localities/south-pyongan.songchon', { token: null })
    expect(after.body.aliases).toEqual(before.body.aliases)
    expect(after.body.sources).toEqual(before.body.sources)
  })
})
