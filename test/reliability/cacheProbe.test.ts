/**
 * Cache-size probe (issue 11, finding 6): a spawned `tracker serve` (PGlite) with a small
 * TRACKER_CACHE_MAX_BYTES gets 1,000 distinct valid anonymous URLs (pages and filters of
 * /api/projects). The response cache, as /api/health reports it, never holds more than its bound,
 * and the server's resident memory grows little (before, 1,000 URLs made the cache hold ~1 GB).
 * Unknown query parameters (`?cb=N`) are 400 and add nothing to the cache; the same URL under
 * many Host headers is one entry.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDatabase } from '../support/engines.ts'
import { startServerProcess, type ServerProcess } from '../support/server.ts'
import { Client, mib, reliabilityRun, report, residentBytes, serverEnv, stopServer } from './support.ts'

const maxBytes = 4 * 1024 * 1024

describe.runIf(reliabilityRun)('cache-size probe', () => {
  let db: TestDatabase | undefined
  let server: ServerProcess | undefined
  afterAll(async () => {
    if (server) await stopServer(server).catch(() => {})
    await db?.cleanup()
  })

  it('1,000 distinct URLs stay within TRACKER_CACHE_MAX_BYTES; ?cb=N is 400 and not cached; Host does not make entries', async () => {
    db = await freshDatabase('pglite')
    server = await startServerProcess(serverEnv(db.config, { TRACKER_CACHE_MAX_BYTES: String(maxBytes) }))
    const client = new Client(server.url, 8)
    const cache = async () => (await client.request('GET', '/api/health')).json.cache as { bytes: number; entries: number; max_bytes: number }
    expect((await cache()).max_bytes).toBe(maxBytes)
    const rssBefore = residentBytes(server.child.pid)

    const years = ['', '&year=2024', '&year=2025', '&year=2026', '&counted=true']
    const urls = Array.from({ length: 1000 }, (_, i) => `/api/projects?limit=${40 + (i % 40)}&offset=${Math.floor(i / 40) % 5}${years[Math.floor(i / 200)]}`)
    expect(new Set(urls).size).toBe(1000)
    let bodyBytes = 0
    let largest = 0
    let peak = 0
    for (let i = 0; i < urls.length; i += 8) {
      const replies = await Promise.all(urls.slice(i, i + 8).map((u) => client.request('GET', u)))
      for (const r of replies) {
        expect(r.status, r.text.slice(0, 200)).toBe(200)
        bodyBytes += r.text.length
        largest = Math.max(largest, r.text.length)
      }
      if (i % 80 === 0) peak = Math.max(peak, (await cache()).bytes)
    }
    const after = await cache()
    peak = Math.max(peak, after.bytes)
    const rssAfter = residentBytes(server.child.pid)

    // Made-up parameters: 400 naming them, and the cache does not change.
    const cb = await Promise.all(Array.from({ length: 50 }, (_, i) => client.request('GET', `/api/projects?year=2025&cb=${i}`)))
    const afterCb = await cache()
    // One URL under 50 Host names: at most one new entry.
    const fresh = '/api/projects?limit=7&offset=3'
    for (let i = 0; i < 50; i++) expect((await client.request('GET', fresh, { headers: { host: `h${i}.example` } })).status).toBe(200)
    const afterHost = await cache()
    client.close()

    report('cache-size probe (PGlite)', [
      ['distinct URLs', urls.length],
      ['bytes of responses sent', mib(bodyBytes)],
      ['largest response', `${(largest / 1024).toFixed(0)} KB`],
      ['TRACKER_CACHE_MAX_BYTES', mib(maxBytes)],
      ['cache after the probe', `${mib(after.bytes)} in ${after.entries} entries (peak sampled ${mib(peak)})`],
      ['server RSS', rssBefore === null || rssAfter === null ? 'not measured (no /proc)' : `${mib(rssBefore)} → ${mib(rssAfter)}`],
      ['?cb=N', `${cb.filter((r) => r.status === 400).length}/50 × 400; cache entries ${after.entries} → ${afterCb.entries}`],
      ['one URL, 50 Host headers', `cache entries ${afterCb.entries} → ${afterHost.entries}`],
    ])
    expect(bodyBytes, 'the probe sends more than the cache may hold').toBeGreaterThan(maxBytes * 4)
    expect(peak).toBeLessThanOrEqual(maxBytes)
    expect(after.entries).toBeLessThan(urls.length)
    if (rssBefore === null || rssAfter === null) process.stdout.write('[cache probe] no /proc: the server memory bound is not checked on this system\n')
    else expect(rssAfter - rssBefore, 'server RSS growth').toBeLessThan(256 * 1024 * 1024)
    for (const r of cb) {
      expect(r.status).toBe(400)
      expect(r.json.error.message).toMatch(/unknown query parameter: cb/)
    }
    expect(afterCb).toEqual(after)
    expect(afterHost.entries - afterCb.entries).toBeLessThanOrEqual(1)
  })
})
