/**
 * `tracker intake <feed URL>` and `tracker intake --watch <feed URL>` as a user runs them, against
 * a real local HTTP server (an Atom feed and its article pages, in our own words) and a real
 * embedded database: a feed URL is taken once (a second run finds nothing new), and --watch polls
 * every TRACKER_FEED_INTERVAL, takes an item published while it runs, and stops on SIGTERM.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, trackerBin } from '../support/cli.ts'
import { copyLoadedDataTo } from '../support/template.ts'

// Real processes on a loaded 2-core machine start slowly (a minute and more was seen): generous waits.
vi.setConfig({ testTimeout: 600_000 })

const articles: Record<string, { title: string; day: string; body: string }> = {
  '1': { title: 'Factories open in Onchon', day: '2025-01-21', body: 'Pyongyang, January 21 (KCNA) -- Newly built regional-industry factories were inaugurated in Onchon County, Nampo City, on January 20.' },
  '2': { title: 'Work begins in Hoeyang', day: '2025-01-20', body: 'Pyongyang, January 20 (KCNA) -- A groundbreaking ceremony for regional-industry factories took place in Hoeyang County, Kangwon Province, on January 19.' },
  '3': { title: 'Leader tours Kusong site', day: '2025-01-22', body: 'Pyongyang, January 22 (KCNA) -- Kim Jong Un visited the construction site of the regional-industry factories in Kusong City, North Phyongan Province, on January 21.' },
}
const published = new Set(['1', '2'])

let server: http.Server
let base = ''
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-feed-cli-'))
const env = { TRACKER_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: undefined, TRACKER_FEED_INTERVAL: '10s' }
copyLoadedDataTo(env.TRACKER_DATA_DIR)

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!
    const article = /^\/article\/(\d+)\.html$/.exec(p)
    if (p === '/feed.xml') {
      const entries = [...published].map((id) => {
        const a = articles[id]!
        return `<entry><id>urn:test:item:${id}</id><title>${a.title}</title><link rel="alternate" href="${base}/article/${id}.html"/><published>${a.day}T08:00:00Z</published><updated>${a.day}T08:00:00Z</updated></entry>`
      })
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test wire</title><id>urn:test:feed</id><updated>2025-01-22T00:00:00Z</updated>${entries.join('')}</feed>`)
    } else if (article && articles[article[1]!]) {
      const a = articles[article[1]!]!
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>${a.title}</title></head><body><article><h1>${a.title}</h1><p>${a.body}</p><p>Officials and builders were there.</p></article></body></html>`)
    } else res.writeHead(404).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  fs.rmSync(dir, { recursive: true, force: true })
})

const pending = async () => JSON.parse((await runCli(['review', 'list', '--json'], { env, timeoutMs: 120_000 })).stdout).total as number

describe('tracker intake with a feed URL', () => {
  it('takes the items of a feed URL once; a second run finds nothing new', async () => {
    const first = await runCli(['intake', `${base}/feed.xml`], { env, timeoutMs: 120_000 })
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/feed polled: .*feed\.xml \(2 new, 2 queued\)/)
    expect(await pending()).toBe(2)
    const again = await runCli(['intake', `${base}/feed.xml`], { env, timeoutMs: 120_000 })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toMatch(/feed polled: .*feed\.xml \(0 new, 0 queued\)/)
    expect(await pending()).toBe(2)
  })

  it('--watch takes an item published while it runs, at the next poll, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [trackerBin, 'intake', '--watch', `${base}/feed.xml`], { env: { ...process.env, TRACKER_LOG_LEVEL: 'warn', ...env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let stdout = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const waitFor = async (test: () => boolean, ms: number) => {
      const until = Date.now() + ms
      while (!test()) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`timed out; stderr:\n${stderr}\nstdout:\n${stdout}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    try {
      await waitFor(() => /watching 1 feed\(s\) every 10 s/.test(stderr), 240_000)
      // The first poll finds nothing new (both items were taken above); then a new item appears.
      await waitFor(() => /\(0 new, 0 queued\)/.test(stderr), 150_000)
      published.add('3')
      await waitFor(() => /\(1 new, 1 queued\)/.test(stderr), 150_000)
      expect(stdout).toMatch(/article\/3\.html/)
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('close', r))
      }
    }
    expect(child.exitCode, stderr).toBe(0)
    expect(stderr).toMatch(/stopping/)
    expect(await pending()).toBe(3)
  })
})
