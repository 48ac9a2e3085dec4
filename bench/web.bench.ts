/**
 * @module Benchmark of the web app's first load in headless Chromium against a started server
 * (in-process, throwaway data directory): the JavaScript fetched for / (raw and gzip bytes) and
 * the time from navigation until the overview shows its data (headline figures and the grid).
 * Budgets (docs/DESIGN): initial JS ≤ 250 KB gzip, overview data ≤ 1.5 s on localhost.
 *
 * Run: `npx tsx bench/web.bench.ts` (about 15 s; builds the app first if there is no build).
 * `runWebBench()` returns the figures for `npm run bench`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { startServer } from '../src/api/server.ts'
import { loadConfig } from '../src/config/config.ts'
import { chromiumArgs, chromiumPath, ensureBuilt } from '../test/web/support.ts'

export interface BenchResult {
  name: string
  value: number
  unit: string
  baseline?: number
}

const budgets = { gzipKb: 250, overviewMs: 1500 }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Loads / `runs` times in fresh browser contexts (empty cache); stops early after `budgetMs`. */
export async function runWebBench(opts: { runs?: number; budgetMs?: number } = {}): Promise<BenchResult[]> {
  const runs = opts.runs ?? 5
  const deadline = Date.now() + (opts.budgetMs ?? 60_000)
  ensureBuilt()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-webbench-'))
  const server = await startServer(loadConfig({ TRACKER_DATA_DIR: dataDir, PORT: '0', TRACKER_LOG_LEVEL: 'silent' }))
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
  try {
    const times: number[] = []
    let jsRaw = 0
    let jsGzip = 0
    let jsFiles = 0
    for (let i = 0; i < runs && (i === 0 || Date.now() < deadline); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      const scripts: Promise<Buffer>[] = []
      if (i === 0) page.on('response', (r) => r.request().resourceType() === 'script' && scripts.push(r.body()))
      await page.goto(`${server.url}/`, { waitUntil: 'commit', timeout: 15_000 })
      await page.waitForFunction(() => document.querySelector('[data-testid=headline]') && document.querySelector('.grid-slots a.slot'), undefined, { timeout: 15_000, polling: 'raf' })
      // Milliseconds since the navigation started (the page's time origin).
      times.push(await page.evaluate(() => performance.now()))
      if (i === 0) {
        await page.waitForLoadState('networkidle')
        const bodies = await Promise.all(scripts)
        jsFiles = bodies.length
        jsRaw = bodies.reduce((n, b) => n + b.length, 0)
        jsGzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0)
      }
      await context.close()
    }
    return [
      { name: 'web: JS on first load of / (raw)', value: Math.round(jsRaw / 102.4) / 10, unit: `KB in ${jsFiles} files` },
      { name: 'web: JS on first load of / (gzip)', value: Math.round(jsGzip / 102.4) / 10, unit: 'KB', baseline: budgets.gzipKb },
      { name: 'web: overview shows its data (median)', value: Math.round(median(times)), unit: `ms over ${times.length} loads`, baseline: budgets.overviewMs },
      { name: 'web: overview shows its data (slowest)', value: Math.round(Math.max(...times)), unit: 'ms' },
    ]
  } finally {
    await browser.close().catch(() => {})
    await server.shutdown()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runWebBench()
  const width = Math.max(...results.map((r) => r.name.length))
  for (const r of results) {
    const budget = r.baseline === undefined ? '' : `  (budget ≤ ${r.baseline}${r.value <= r.baseline ? ', within' : ', OVER'})`
    console.log(`${r.name.padEnd(width)}  ${r.value.toLocaleString('en')} ${r.unit}${budget}`)
  }
}
