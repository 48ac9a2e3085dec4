/**
 * Feeds people subscribe to (issue 15 item 6): /api/changes and /api/changes.atom filtered by
 * province, locality, project or event type list only the changes about that (a project's edit,
 * its events, the claims about them); the Atom feed names what it follows; an unknown id or type
 * is a 400 naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { freshDatabase, type TestDatabase } from '../support/engines.ts'

const songchon = '20x10.2024.south-pyongan.songchon'
let db: TestDatabase
let tracker: Tracker
let app: App
let editor: string

beforeAll(async () => {
  db = await freshDatabase('pglite')
  tracker = await openTracker(db.config)
  app = createApp({ tracker, log: createLogger('silent') })
  await createAccount(tracker.store.db, 'feed-editor', 'editor', 'feed-editor-password')
  editor = await createApiToken(tracker.store.db, 'feed-editor', 'tests')
}, 120_000)
afterAll(async () => {
  await tracker?.close()
  await db?.cleanup()
})

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(url, { method, headers: { authorization: `Bearer ${editor}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) })
  const text = await res.text()
  return { status: res.status, text, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null, etag: res.headers.get('etag') }
}

async function patch(url: string, change: Record<string, unknown>) {
  const got = await call('GET', url)
  const r = await call('PATCH', url, change, { 'if-match': got.etag! })
  expect(r.status, r.text).toBe(200)
}

describe('filtered changes', () => {
  let since = 0
  it('lists only the changes about a province, locality, project or event type', async () => {
    since = (await call('GET', '/api/changes?limit=1')).body.items[0].id
    const snap = await tracker.readModel.current()
    const songchonEvent = snap.eventsByProject.get(songchon)!.find((e) => e.type === 'groundbreaking')!
    const kangdong = [...snap.projects.values()].find((p) => p.locality_id === 'pyongyang.kangdong')!
    await patch(`/api/projects/${songchon}`, { notes: 'Feed filter test: Songchon project', comment: 'songchon project' })
    await patch(`/api/events/${encodeURIComponent(songchonEvent.id)}`, { notes: 'Feed filter test: Songchon groundbreaking', comment: 'songchon event' })
    await patch(`/api/projects/${encodeURIComponent(kangdong.id)}`, { notes: 'Feed filter test: Kangdong', comment: 'kangdong project' })

    const comments = async (q: string) => (await call('GET', `/api/changes?since=${since}&${q}`)).body.items.map((r: { comment: string }) => r.comment).sort()
    expect(await comments('province=south-pyongan')).toEqual(['songchon event', 'songchon project'])
    expect(await comments('locality=south-pyongan.songchon')).toEqual(['songchon event', 'songchon project'])
    expect(await comments(`project=${songchon}`)).toEqual(['songchon event', 'songchon project'])
    expect(await comments('province=pyongyang')).toEqual(['kangdong project'])
    expect(await comments('type=groundbreaking')).toEqual(['songchon event'])
    expect(await comments('province=south-pyongan&type=inauguration')).toEqual([])
    const all = await call('GET', `/api/changes?since=${since}&province=south-pyongan`)
    expect(all.body.total).toBe(2)
  })

  it('names what the Atom feed follows, with a self link carrying the filter', async () => {
    const r = await call('GET', `/api/changes.atom?since=${since}&province=south-pyongan`)
    expect(r.status).toBe(200)
    expect(r.text).toMatch(/<title>20×10 Tracker: recent changes — South Pyongan<\/title>/)
    expect(r.text.match(/<entry>/g)).toHaveLength(2)
    expect(r.text).toMatch(/<link rel="self" href="[^"]*\/api\/changes\.atom\?province=south-pyongan"\/>/)
  })

  it('refuses an unknown province, locality, project or event type with a 400 naming it', async () => {
    for (const [q, name] of [['province=atlantis', 'province'], ['locality=nowhere.none', 'locality'], ['project=no-such-project', 'project'], ['type=party', 'type']] as const) {
      for (const path of ['/api/changes', '/api/changes.atom']) {
        const r = await call('GET', `${path}?${q}`)
        expect(r.status, `${path}?${q}`).toBe(400)
        expect(r.text, `${path}?${q}`).toContain(name)
      }
    }
  })
})
