/**
 * @module Benchmark of place-name resolution: every spelling case and every name form of every
 * locality, resolved over and over within a time budget, next to a baseline measured in the same
 * run — plain `Map.get` of the very same strings, i.e. the cost of a lookup with no folding at all.
 *
 * Run: `npx tsx bench/resolve.bench.ts` (about 6 s). `runResolveBench()` returns the figures for
 * `npm run bench`.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { LocalitySchema } from '../src/model/locality.ts'
import { createResolver, type LocalityMatch } from '../src/model/names/resolve.ts'
import { ProvinceSchema } from '../src/model/province.ts'

export interface BenchResult {
  name: string
  value: number
  unit: string
  baseline?: number
}

interface Input {
  text: string
  province: string | null
}

const readJson = (name: string) => JSON.parse(fs.readFileSync(new URL(`../data/gazetteer/${name}`, import.meta.url), 'utf8'))

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

/** Calls `op` on every input, round after round, until `ms` has passed; returns calls per second. */
function throughput(inputs: Input[], op: (i: Input) => unknown, ms: number): { perSecond: number; calls: number; sink: number } {
  let calls = 0
  let sink = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < ms) {
    for (const i of inputs) if (op(i)) sink++
    calls += inputs.length
    elapsed = performance.now() - start
  }
  return { perSecond: (calls / elapsed) * 1000, calls, sink }
}

/** Times each call on its own for about `ms`; returns p50 and p99 in µs. */
function latency(inputs: Input[], op: (i: Input) => unknown, ms: number): { p50: number; p99: number; sink: number } {
  const samples: number[] = []
  const start = performance.now()
  let sink = 0
  while (performance.now() - start < ms) {
    for (const i of inputs) {
      const t0 = process.hrtime.bigint()
      if (op(i)) sink++
      samples.push(Number(process.hrtime.bigint() - t0) / 1000)
    }
  }
  const sorted = Float64Array.from(samples).sort()
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), sink }
}

export async function runResolveBench(opts: { budgetMs?: number } = {}): Promise<BenchResult[]> {
  const budget = Math.min(opts.budgetMs ?? 6000, 9000)
  const localities = z.array(LocalitySchema).parse(readJson('localities.json'))
  const provinces = z.array(ProvinceSchema).parse(readJson('provinces.json'))
  const cases = z.array(z.object({ text: z.string(), province: z.string().nullable() }).passthrough()).parse(readJson('spelling-cases.json'))

  const inputs: Input[] = [
    ...cases.map((c) => ({ text: c.text, province: c.province })),
    ...localities.flatMap((l) => [l.plain, l.mr, l.rr, l.hangul, ...l.aliases, ...l.former_names].map((text) => ({ text, province: null }))),
  ]

  const buildStart = performance.now()
  const resolver = createResolver({ localities, provinces })
  const buildMs = performance.now() - buildStart

  // The baseline answers the same strings from a map filled with the resolver's own answers.
  const answers = new Map<string, LocalityMatch>()
  for (const i of inputs) answers.set(i.text, resolver.resolveLocality(i.text, { province: i.province }))
  const resolve = (i: Input) => resolver.resolveLocality(i.text, { province: i.province })
  const lookup = (i: Input) => answers.get(i.text)

  // Warm both paths up so the JIT has compiled them before anything is timed.
  throughput(inputs, resolve, Math.min(300, budget * 0.05))
  throughput(inputs, lookup, Math.min(100, budget * 0.02))

  // Most of the budget goes to the resolver, whose cost varies by input; Map.get does not.
  const fast = throughput(inputs, resolve, budget * 0.4)
  const base = throughput(inputs, lookup, budget * 0.15)
  const fastLatency = latency(inputs, resolve, budget * 0.25)
  const baseLatency = latency(inputs, lookup, budget * 0.1)
  // The sinks keep the calls observable, so the JIT cannot drop them; they must have seen results.
  if ([fast, base, fastLatency, baseLatency].some((r) => r.sink === 0)) throw new Error('benchmark produced no results')

  return [
    { name: 'resolve: resolutions per second', value: Math.round(fast.perSecond), unit: 'ops/s', baseline: Math.round(base.perSecond) },
    { name: 'resolve: p50 per resolution', value: round2(fastLatency.p50), unit: 'µs', baseline: round2(baseLatency.p50) },
    { name: 'resolve: p99 per resolution', value: round2(fastLatency.p99), unit: 'µs', baseline: round2(baseLatency.p99) },
    { name: 'resolve: cost relative to Map.get (throughput ratio)', value: round2(base.perSecond / fast.perSecond), unit: '×' },
    { name: 'resolve: distinct inputs per round', value: inputs.length, unit: 'inputs' },
    { name: 'resolve: resolutions timed', value: fast.calls, unit: 'calls' },
    { name: 'resolve: index build', value: round2(buildMs), unit: 'ms' },
  ]
}

const round2 = (x: number) => Math.round(x * 100) / 100

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runResolveBench()
  const width = Math.max(...results.map((r) => r.name.length))
  for (const r of results) {
    const base = r.baseline === undefined ? '' : `   (Map.get baseline: ${r.baseline.toLocaleString('en')} ${r.unit})`
    console.log(`${r.name.padEnd(width)}  ${r.value.toLocaleString('en')} ${r.unit}${base}`)
  }
  console.log('Per-call latencies include the timer itself (~0.05–0.1 µs), which is most of the baseline figure.')
}
