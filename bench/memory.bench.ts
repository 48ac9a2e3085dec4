/**
 * @module `npx tsx bench/memory.bench.ts`: where the memory of a tracker at 100× goes, in a
 * child process of its own (this one): RSS and the V8 heap after opening the store, after the
 * first snapshot, after reads of the project list and statistics, after edits (and the integrity
 * check's findings), with the peak (VmHWM). Uses the 100× PGlite directory bench/readModel.bench.ts
 * leaves in BENCH_DIR (run that first). Prints one JSON line per step and a summary line.
 * The heap grows as `tracker serve` lets it (config/heapGrowth.ts; BENCH_HEAP_GROWTH=v8 for V8's
 * default, the baseline); BENCH_SNAPSHOT_CACHE=on starts from the persisted snapshot as a server
 * does (writing it first when it is missing or stale), else every record is read.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../src/api/app.ts'
import { createLogger } from '../src/api/log.ts'
import { listIndexExtra } from '../src/api/routes/projects.ts'
import { loadConfig } from '../src/config/config.ts'
import { limitHeapGrowth } from '../src/config/heapGrowth.ts'
import { changeRecord, editableEntities } from '../src/service/edit/operations.ts'
import { openTracker } from '../src/service/tracker.ts'

const dir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'tracker-readmodel-100x')
if (!fs.existsSync(path.join(dir, 'loaded'))) throw new Error(`${dir}: no 100× data directory (run bench/readModel.bench.ts first)`)
const mb = (n: number) => Math.round(n / 1048576)
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024
const t0 = performance.now()
const step = (name: string) => {
  const m = process.memoryUsage()
  // With --expose-gc, also the heap that is live (what the step keeps, garbage aside).
  const live = (globalThis.gc?.(), process.memoryUsage().heapUsed)
  console.log(JSON.stringify({ step: name, s: Math.round(performance.now() - t0) / 1000, rss: mb(m.rss), heapUsed: mb(m.heapUsed), ...(globalThis.gc ? { liveHeap: mb(live) } : {}), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), peak: Math.round(hwm()) }))
}
const config = loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent', TRACKER_TODAY: '2026-11-25' })
const cached = process.env.BENCH_SNAPSHOT_CACHE === 'on'
if (cached) {
  // The file as the server leaves it, made in a process of its own (not counted here) when stale.
  const { execFileSync } = await import('node:child_process')
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { loadConfig } = await import('./src/config/config.ts'); const { openTracker } = await import('./src/service/tracker.ts'); const { listIndexExtra } = await import('./src/api/routes/projects.ts'); const t = await openTracker(loadConfig({ TRACKER_DATA_DIR: ${JSON.stringify(dir)}, TRACKER_LOG_LEVEL: 'silent' }), { loadBundled: false }); await t.readModel.persistIn('on', ${JSON.stringify(dir)}, [listIndexExtra]); await t.readModel.current(); await t.close()`], { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname })
}
const growth = process.env.BENCH_HEAP_GROWTH === 'v8' ? 'V8 default' : limitHeapGrowth() ? 'as tracker serve (config/heapGrowth.ts)' : 'as given to node'
console.log(JSON.stringify({ heapGrowth: growth, snapshotCache: cached }))
step('node started')
const tracker = await openTracker(config, { loadBundled: false })
if (cached) await tracker.readModel.persistIn('on', dir, [listIndexExtra])
step('store open')
await tracker.readModel.current()
step(`first snapshot (${tracker.readModel.lastLoad?.kind})`)
const app = createApp({ tracker, log: createLogger('silent'), today: () => '2026-11-25' })
for (const url of ['/api/projects?limit=50&facets=year,province,kind,status,counted', '/api/stats/progress?program=20x10', '/api/stats/coverage?program=20x10', '/api/projects?sort=-year&limit=50', '/api/projects?program=p07&limit=50']) {
  await (await app.request(url)).text()
}
step('reads')
// Whether the heap's growth costs the reads: distinct filtered lists (none answered from a cache), in process.
{
  let seed = 8
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const snapshot = await tracker.readModel.current()
  const programs = [...snapshot.programs.keys()]
  const provinces = [...snapshot.provinces.keys()]
  const sorts = ['year', '-year', 'locality', 'province', 'status', '-groundbreaking', 'finished', '-updated']
  const times: number[] = []
  for (let i = 0; i < Number(process.env.BENCH_LISTS ?? 300); i++) {
    const q = [`program=${programs[Math.floor(next() * programs.length)]}`, `facets=year,province,kind,status,counted`, 'limit=50', `offset=${i % 100}`]
    if (next() < 0.4) q.push(`province=${provinces[Math.floor(next() * provinces.length)]}`)
    if (next() < 0.3) q.push(`sort=${sorts[Math.floor(next() * sorts.length)]}`)
    const started = performance.now()
    const r = await app.request(`/api/projects?${q.join('&')}`)
    await r.text()
    if (r.status !== 200) throw new Error(`list: ${r.status}`)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => Math.round(times[Math.floor(p * (times.length - 1))]! * 10) / 10
  console.log(JSON.stringify({ uncachedFilteredLists: times.length, p50ms: at(0.5), p95ms: at(0.95), maxMs: at(1) }))
}
const projects = editableEntities.find((e) => e.entity === 'projects')!
const ids = (await tracker.readModel.current()).dataset.projects.filter((p) => p.program_id !== '20x10').map((p) => p.id)
for (let i = 0; i < Number(process.env.BENCH_EDITS ?? 20); i++) {
  await changeRecord(tracker, { name: 'bench' }, projects, ids[(i * 7919) % ids.length]!, null, projects.patch.parse({ notes: `Memory bench edit ${Date.now()}.`, comment: 'memory bench edit' }) as never)
  await (await app.request(`/api/projects?limit=1&offset=${i}`)).text()
}
step('edits')
globalThis.gc?.()
step('after gc (when --expose-gc)')
console.log(`peak RSS (VmHWM) at 100×: ${Math.round(hwm())} MB`)
await tracker.close()
