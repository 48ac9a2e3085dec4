/**
 * @module Benchmark of extraction: the intake fixtures (reports in our own words in eight forms:
 * English, Korean, Russian, round-ups, HTML…) extracted over and over within a time budget, on one
 * core. The goal (issue 13) is ≥ 500 articles/s.
 *
 * Run: `npx tsx bench/intake.bench.ts` (about 3 s). `runIntakeBench()` returns the figures for `npm run bench`.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createExtractor } from '../src/intake/extractReport.ts'
import type { ReportInput } from '../src/intake/types.ts'

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runIntakeBench({ budgetMs: 3000 })) console.log(`${r.name}: ${Math.round(r.value)} ${r.unit}`)
}
