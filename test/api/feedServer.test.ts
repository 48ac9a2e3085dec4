/**
 * `tracker serve` with TRACKER_FEEDS: the server polls the feed in the background (new items queued
 * for review) and stops the poller when it shuts down, closing the database cleanly.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../src/api/log.ts'
import { startServer } from '../../src/api/server.ts'
import { freshDatabase, type TestDatabase } from '../support/engines.ts'

vi.setConfig({ testTimeout: 120_000 })

const body = 'Pyongyang, January 21 (KCNA) -- Newly built regional-industry factories were inaugurated in Onchon County, Nampo City, on January 20. Workers and officials gathered for the ceremony at the new site.'
let feedServer: http.Server
let base = ''
beforeAll(async () => {
  feedServer = http.createServer((req, res) => {
    if (req.url === '/feed.rss') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>W</title><item><title>Onchon</title><guid>w-1</guid><link>${base}/a.html</link><pubDate>Tue, 21 Jan 2025 08:00:00 +0000</pubDate></item></channel></rss>`)
    else if (req.url === '/a.html') res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><article><h1>Onchon</h1><p>${body}</p></article></body></html>`)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`
})
afterAll(async () => {
  feedServer.closeAllConnections()
  await new Promise<void>((resolve) => feedServer.close(() => resolve()))
})

describe('server with TRACKER_FEEDS', () => {
  let db: TestDatabase
  afterAll(async () => db?.cleanup())

  it('polls the feed, queues its new item once, and stops polling on shutdown', async () => {
    db = await freshDatabase('pglite', { TRACKER_FEEDS: `${base}/feed.rss`, TRACKER_FEED_INTERVAL: '10s', PORT: '0' })
    const lines: string[] = []
    const running = await startServer(db.config, createLogger('info', (l) => lines.push(l)))
    try {
      await vi.waitFor(async () => {
        const rows = await running.tracker.store.db.selectFrom('reports').select(['url', 'via']).execute()
        expect(rows).toEqual([{ url: `${base}/a.html`, via: 'feed' }])
      }, { timeout: 60_000, interval: 200 })
      expect(lines.some((l) => /msg="feed poller started" feeds=1 interval_s=10/.test(l))).toBe(true)
    } finally {
      await running.shutdown('test')
    }
    expect(lines.at(-1)).toMatch(/stopped; database closed cleanly/)
  })
})
