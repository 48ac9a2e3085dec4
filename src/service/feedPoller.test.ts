/**
 * The feed poller against a real local HTTP server (an Atom feed and its article pages, written in
 * our own words) and a real embedded database: new items are taken once, a later poll takes only
 * what is new, nothing is taken twice across a restart; a feed that is not XML and a server that
 * never answers are logged errors with backoff, and queue nothing.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { freshDatabase, pgUrl, type TestDatabase } from '../../test/support/engines.ts'
import { feedState, seenItems } from '../store/feeds.ts'
import { pollFeed, startFeedPoller, type FeedLog, type PollResult } from './feedPoller.ts'
import { openTracker, type Tracker } from './tracker.ts'

vi.setConfig({ testTimeout: 120_000 })

const articles: Record<string, { title: string; day: string; body: string }> = {
  '1': { title: 'Factories open in Onchon', day: '2025-01-21', body: 'Pyongyang, January 21 (KCNA) -- Newly built regional-industry factories were inaugurated in Onchon County, Nampo City, on January 20. Workers and officials gathered at the site for the ceremony.' },
  '2': { title: 'Work begins in Hoeyang', day: '2025-01-20', body: 'Pyongyang, January 20 (KCNA) -- A groundbreaking ceremony for regional-industry factories took place in Hoeyang County, Kangwon Province, on January 19. Builders pledged to finish the work this year.' },
  '3': { title: 'Leader tours Kusong site', day: '2025-01-22', body: 'Pyongyang, January 22 (KCNA) -- Kim Jong Un visited the construction site of the regional-industry factories in Kusong City, North Phyongan Province, on January 21. He spoke with the builders about the pace of the work.' },
}
const published = new Set(['1', '2'])
const hits: Record<string, number> = {}

function atom(base: string): string {
  const entries = [...published].map((id) => {
    const a = articles[id]!
    return `<entry><id>urn:test:item:${id}</id><title>${a.title}</title><link rel="alternate" href="${base}/article/${id}.html"/><published>${a.day}T08:00:00Z</published><updated>${a.day}T08:00:00Z</updated><summary>${a.title}.</summary></entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test wire</title><id>urn:test:feed</id><updated>2025-01-22T00:00:00Z</updated>${entries.join('')}</feed>`
}

let server: http.Server
let base = ''
const hanging: http.ServerResponse[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    hits[path] = (hits[path] ?? 0) + 1
    const article = /^\/article\/(\d+)\.html$/.exec(path)
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom(base))
    } else if (article && articles[article[1]!]) {
      const a = articles[article[1]!]!
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>${a.title}</title></head><body><nav>Home · World · Sport</nav><article><h1>${a.title}</h1><p>${a.body}</p><p>The report was read out on the evening news.</p></article><footer>All rights reserved</footer></body></html>`)
    } else if (path === '/not-a-feed') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><p>Welcome to our home page.</p></body></html>')
    } else if (path === '/hang') {
      hanging.push(res) // accepts the request and never answers
    } else {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function recordingLog(): FeedLog & { lines: { level: string; message: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = []
  const at = (level: string) => (message: string, fields: Record<string, unknown> = {}) => void lines.push({ level, message, fields })
  return { lines, info: at('info'), warn: at('warn'), error: at('error') }
}

describe('feed poller', () => {
  let db: TestDatabase
  let tracker: Tracker
  const reports = async () => (await tracker.store.db.selectFrom('reports').select(['id', 'url', 'via', 'feed_url', 'title', 'published']).orderBy('url').execute())
  const proposals = async () => Number((await tracker.store.db.selectFrom('proposals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

  beforeAll(async () => {
    db = await freshDatabase('pglite')
    tracker = await openTracker(db.config)
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  it('takes each new item of a feed once, with its URL, title and date, and queues its proposals', async () => {
    const feed = `${base}/feed.xml`
    const r = await pollFeed(tracker, feed, { intervalMs: 60_000 })
    expect(r.outcome).toBe('ok')
    expect(r.items).toBe(2)
    expect(r.taken.map((t) => [t.url, t.from, t.result?.duplicate])).toEqual([
      [`${base}/article/2.html`, 'page', false],
      [`${base}/article/1.html`, 'page', false],
    ])
    const rows = await reports()
    expect(rows).toEqual([
      { id: expect.stringMatching(/^r-/), url: `${base}/article/1.html`, via: 'feed', feed_url: feed, title: 'Factories open in Onchon', published: '2025-01-21' },
      { id: expect.stringMatching(/^r-/), url: `${base}/article/2.html`, via: 'feed', feed_url: feed, title: 'Work begins in Hoeyang', published: '2025-01-20' },
    ])
    const types = r.taken.flatMap((t) => t.result!.proposals.map((p) => `${p.event.type}:${p.event.locality}`))
    expect(types).toEqual(expect.arrayContaining(['inauguration:nampo.onchon', expect.stringMatching(/^groundbreaking:kangwon\.hoeyang/)]))
    expect(await proposals()).toBeGreaterThanOrEqual(2)
    expect((await seenItems(tracker.store.db, feed)).map((i) => i.item_key).sort()).toEqual(['urn:test:item:1', 'urn:test:item:2'])
  })

  it('a second poll takes nothing and fetches no article again; an item added later is taken', async () => {
    const feed = `${base}/feed.xml`
    const before = await proposals()
    const again = await pollFeed(tracker, feed, { intervalMs: 60_000, force: true })
    expect(again).toMatchObject({ outcome: 'ok', items: 2, taken: [] })
    expect(hits['/article/1.html']).toBe(1)
    expect(await proposals()).toBe(before)
    // Not forced: the feed was polled just now and is not due again for its interval.
    expect((await pollFeed(tracker, feed, { intervalMs: 60_000 })).outcome).toBe('not_due')

    published.add('3')
    const later = await pollFeed(tracker, feed, { intervalMs: 60_000, force: true })
    expect(later.taken.map((t) => t.url)).toEqual([`${base}/article/3.html`])
    expect((await reports()).length).toBe(3)
    expect(later.taken[0]!.result!.proposals.map((p) => p.event.type)).toContain('leader_visit')
  })

  it('takes nothing twice after a restart on the same data directory', async () => {
    const feed = `${base}/feed.xml`
    const counts = { reports: (await reports()).length, proposals: await proposals() }
    await tracker.close()
    tracker = await openTracker(db.config)
    const r = await pollFeed(tracker, feed, { intervalMs: 60_000, force: true })
    expect(r).toMatchObject({ outcome: 'ok', items: 3, taken: [] })
    expect({ reports: (await reports()).length, proposals: await proposals() }).toEqual(counts)
    expect(hits['/article/3.html']).toBe(1)
  })

  it('a feed that is not XML is a logged error with backoff, and queues nothing', async () => {
    const feed = `${base}/not-a-feed`
    const counts = (await reports()).length
    const log = recordingLog()
    const first = await pollFeed(tracker, feed, { intervalMs: 60_000, log })
    expect(first.outcome).toBe('failed')
    expect(first.error).toMatch(/not an RSS, Atom or JSON feed: the document is an HTML page/)
    expect(log.lines).toContainEqual({ level: 'error', message: 'feed poll failed', fields: expect.objectContaining({ feed, failures: 1 }) })
    const s1 = await feedState(tracker.store.db, feed)
    expect(s1.failures).toBe(1)
    expect(s1.last_error).toMatch(/not an RSS, Atom or JSON feed/)
    // Backing off: not polled again before its retry time, unless forced.
    expect((await pollFeed(tracker, feed, { intervalMs: 60_000 })).outcome).toBe('not_due')
    await pollFeed(tracker, feed, { intervalMs: 60_000, force: true, log })
    const s2 = await feedState(tracker.store.db, feed)
    expect(s2.failures).toBe(2)
    // Each failure in a row doubles the wait before the next try.
    const wait = (s: typeof s1) => Date.parse(s.next_poll_at) - Date.parse(s.last_polled_at!)
    expect(wait(s2)).toBeGreaterThan(wait(s1) * 1.5)
    expect((await reports()).length).toBe(counts)
  })

  it('a server that never answers is a timeout error, nothing queued; a good poll afterwards clears the failures', async () => {
    const feed = `${base}/hang`
    const counts = (await reports()).length
    const log = recordingLog()
    const r = await pollFeed(tracker, feed, { intervalMs: 60_000, log, limits: { timeoutMs: 300 } })
    expect(r.outcome).toBe('failed')
    expect(r.error).toBe(`${feed}: no answer within 300 ms`)
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.fields.error)).toEqual([`${feed}: no answer within 300 ms`])
    expect((await feedState(tracker.store.db, feed)).failures).toBe(1)
    expect((await reports()).length).toBe(counts)
    const good = `${base}/feed.xml`
    await pollFeed(tracker, good, { intervalMs: 60_000, force: true })
    expect(await feedState(tracker.store.db, good)).toMatchObject({ failures: 0, last_error: null })
  })
})

describe('feed poller, several at once', () => {
  it('two pollers in one process: one polls, the other finds the feed busy; a background poller stops cleanly', async () => {
    const db = await freshDatabase('pglite')
    const tracker = await openTracker(db.config)
    try {
      const feed = `${base}/feed.xml`
      const [a, b] = await Promise.all([pollFeed(tracker, feed, { intervalMs: 60_000 }), pollFeed(tracker, feed, { intervalMs: 60_000 })])
      expect([a.outcome, b.outcome].sort(), JSON.stringify([a.error, b.error])).toEqual(['busy', 'ok'])
      expect((await tracker.store.db.selectFrom('reports').select('id').execute()).length).toBe(published.size)

      let first!: (r: PollResult) => void
      const polled = new Promise<PollResult>((resolve) => (first = resolve))
      const poller = startFeedPoller(tracker, { feeds: [feed], intervalMs: 60_000, forceFirst: true, onResult: (r) => first(r) })
      expect(await polled).toMatchObject({ outcome: 'ok', taken: [] })
      await poller.stop()
    } finally {
      await tracker.close()
      await db.cleanup()
    }
  })

  it.runIf(Boolean(pgUrl()))('two instances on one PostgreSQL take each item once', async () => {
    const db = await freshDatabase('postgres')
    const one = await openTracker(db.config)
    const two = await openTracker(db.config)
    try {
      const feed = `${base}/feed.xml?instances`
      const results = await Promise.all([one, two, one, two].map((t) => pollFeed(t, feed, { intervalMs: 60_000, force: true })))
      const taken = results.flatMap((r) => r.taken.filter((t) => t.result && !t.result.duplicate).map((t) => t.url))
      expect(taken.sort()).toEqual([...published].map((id) => `${base}/article/${id}.html`).sort())
      expect((await one.store.db.selectFrom('feed_items').select('item_key').where('feed_url', '=', feed).execute()).length).toBe(published.size)
    } finally {
      await one.close()
      await two.close()
      await db.cleanup()
    }
  })
})
