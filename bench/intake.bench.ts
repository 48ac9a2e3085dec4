/**
 * @module Benchmark of extraction: the intake fixtures (reports in our own words in eight forms:
 * English, Korean, Russian, round-ups, HTML…) extracted over and over within a time budget, on one
 * core. The goal (issue 13) is ≥ 500 articles/s.
 *
 * Also the time from `POST /api/intake` to the proposals being listed by `GET /api/proposals`, over
 * a fresh embedded database, in-process (`app.request`, no socket), beside `GET /api/health` in the
 * same run as the baseline.
 *
 * Run: `npx tsx bench/intake.bench.ts` (about 30 s with the database). `runIntakeBench()` and
 * `runIntakeQueueBench()` return the figures for `npm run bench`.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createExtractor } from '../src/intake/extractReport.ts'
import type { ReportInput } from '../src/intake/types.ts'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../src/api/app.ts'
import { createLogger } from '../src/api/log.ts'
import { loadConfig } from '../src/config/config.ts'
import { createAccount, createApiToken } from '../src/service/accounts.ts'
import { openTracker } from '../src/service/tracker.ts'

const data = (f: string) => JSON.parse(fs.readFileSync(new URL(`../data/${f}`, import.meta.url), 'utf8'))

export async function runIntakeBench(opts: { budgetMs: number }): Promise<{ name: string; value: number; unit: string }[]> {
  const extractor = createExtractor({ localities: data('gazetteer/localities.json'), provinces: data('gazetteer/provinces.json') })
  const dir = new URL('../test/input/intake/', import.meta.url)
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(new URL(f, dir), 'utf8'))
  const inputs: ReportInput[] = texts.map((text) => ({ text, published: '2025-12-31' }))
  const html: ReportInput[] = texts.map((text) => ({ html: `<html><body><nav>Home · News</nav><article>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</article></body></html>`, published: '2025-12-31' }))
  const measure = (list: ReportInput[], ms: number) => {
    for (const i of list) extractor.extract(i) // warm-up
    let n = 0
    let events = 0
    const start = performance.now()
    while (performance.now() - start < ms) for (const i of list) { events += extractor.extract(i).events.length; n++ }
    return { perSecond: (n / (performance.now() - start)) * 1000, events }
  }
  const textRate = measure(inputs, opts.budgetMs * 0.6)
  const htmlRate = measure(html, opts.budgetMs * 0.4)
  return [
    { name: 'extract: text reports', value: textRate.perSecond, unit: 'articles/s' },
    { name: 'extract: HTML pages (Readability)', value: htmlRate.perSecond, unit: 'articles/s' },
  ]
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!
}

/**
 * Milliseconds from POST /api/intake (a new report each time, in our own words) until GET
 * /api/proposals lists its proposals; baseline: GET /api/health, same process, same run.
 */
export async function runIntakeQueueBench(opts: { runs: number }): Promise<{ name: string; value: number; unit: string; baseline: number }[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-bench-intake-'))
  const tracker = await openTracker(loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent' }))
  try {
    const app = createApp({ tracker, log: createLogger('silent') })
    await createAccount(tracker.store.db, 'bench', 'editor', 'bench-editor-password-42')
    const auth = { authorization: `Bearer ${await createApiToken(tracker.store.db, 'bench', 'bench')}` }
    const places = ['Onchon County, Nampo City', 'Hoeyang County, Kangwon Province', 'Unpa County, North Hwanghae Province', 'Kusong City, North Phyongan Province']
    const intakeMs: number[] = []
    const healthMs: number[] = []
    for (let i = 0; i < opts.runs + 1; i++) {
      const day = (i % 27) + 1
      const text = `Pyongyang, March ${day + 1} (KCNA) -- Newly built regional-industry factories were inaugurated in ${places[i % places.length]}, on March ${day}. Bench report number ${i} of this run.`
      const h0 = performance.now()
      const health = await app.request('/api/health')
      await health.text()
      const h1 = performance.now()
      const posted = await app.request('/api/intake', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text, url: `https://bench.example/${process.pid}/${i}.html`, published: '2025-03-28' }) })
      const body = (await posted.json()) as { report: { id: string } }
      if (posted.status !== 201) throw new Error(`POST /api/intake answered ${posted.status}`)
      const listed = await app.request(`/api/proposals?source=${body.report.id}`, { headers: auth })
      const list = (await listed.json()) as { total: number }
      const t1 = performance.now()
      if (list.total < 1) throw new Error('the proposals were not listed')
      if (i > 0) {
        // the first round warms the extractor and the read model
        intakeMs.push(t1 - h1)
        healthMs.push(h1 - h0)
      }
    }
    const baseline = percentile(healthMs, 0.5)
    return [
      { name: 'POST /api/intake → GET /api/proposals, median', value: percentile(intakeMs, 0.5), unit: 'ms', baseline },
      { name: 'POST /api/intake → GET /api/proposals, p95', value: percentile(intakeMs, 0.95), unit: 'ms', baseline: percentile(healthMs, 0.95) },
    ]
  } finally {
    await tracker.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runIntakeBench({ budgetMs: 3000 })) console.log(`${r.name}: ${Math.round(r.value)} ${r.unit}`)
  for (const r of await runIntakeQueueBench({ runs: 20 })) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (baseline GET /api/health ${r.baseline.toFixed(2)} ms)`)
}
