/**
 * @module `npx tsx bench/readModel.bench.ts`: the first read after an edit at 100× on PGlite (or
 * PostgreSQL with BENCH_ENGINE=postgres, on a throwaway server), in
 * one process and without the rest of `npm run bench` — where the time of a full reload goes
 * (database read and parse vs snapshot build vs the list's per-snapshot index), then an edit
 * through the edit service and the first GET /api/projects after it, several times. The 100×
 * database is generated and loaded once into BENCH_DIR (default: a directory under the system's
 * temporary directory, kept between runs) so that repeated runs measure only the reads.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../src/api/app.ts'
import { listIndexBuilds } from '../src/api/routes/projects.ts'
import { createLogger } from '../src/api/log.ts'
import { loadConfig } from '../src/config/config.ts'
import { emptyDataset } from '../src/model/dataset.ts'
import { planChanges } from '../src/model/plan.ts'
import { patchSnapshot } from '../src/model/patchSnapshot.ts'
import { buildSnapshot } from '../src/model/snapshot.ts'
import { changeRecord, editableEntities } from '../src/service/edit/operations.ts'
import { openTracker } from '../src/service/tracker.ts'
import { applyPlan } from '../src/store/applyPlan.ts'
import { loadDataset } from '../src/store/loadDataset.ts'
import { findPgBin, startPostgres, type PgServer } from '../test/support/postgresServer.ts'
import { generateSynthetic } from './synthetic.ts'

const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite'
const dir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'tracker-readmodel-100x')
const edits = Number(process.env.BENCH_EDITS ?? 5)
const ms = (t: number) => `${(performance.now() - t).toFixed(1)} ms`
const env = { TRACKER_LOG_LEVEL: 'silent', TRACKER_TODAY: '2026-11-25' }

async function load(config: ReturnType<typeof loadConfig>): Promise<void> {
  const { dataset } = generateSynthetic({ programs: Number(process.env.BENCH_PROGRAMS ?? 99) })
  const t = performance.now()
  const tracker = await openTracker(config, { loadBundled: false })
  await applyPlan(tracker.store.db, planChanges(emptyDataset(), dataset), { actor: 'bench', comment: 'Synthetic 100× dataset' })
  await tracker.close()
  console.log(`loaded the 100× dataset (${engine}): ${ms(t)}`)
}

// PGlite: a data directory kept between runs. PostgreSQL: a throwaway server (test/support), loaded each run.
let server: PgServer | null = null
let config: ReturnType<typeof loadConfig>
if (engine === 'postgres') {
  const bin = findPgBin()
  if (!bin) throw new Error('BENCH_ENGINE=postgres: no PostgreSQL binaries found (install the postgresql package)')
  server = await startPostgres(bin)
  config = loadConfig({ ...env, DATABASE_URL: server.url })
  await load(config)
} else {
  config = loadConfig({ ...env, TRACKER_DATA_DIR: dir })
  if (!fs.existsSync(path.join(dir, 'loaded'))) {
    fs.rmSync(dir, { recursive: true, force: true })
    await load(config)
    fs.writeFileSync(path.join(dir, 'loaded'), '')
  }
}

const tracker = await openTracker(config, { loadBundled: false })
const app = createApp({ tracker, log: createLogger('silent'), today: () => '2026-11-25' })
try {
  let t = performance.now()
  const { dataset, meta, version } = await loadDataset(tracker.store.db)
  console.log(`full reload, database read + parse (loadDataset): ${ms(t)}`)
  t = performance.now()
  buildSnapshot(dataset, version, meta)
  console.log(`full reload, buildSnapshot: ${ms(t)}`)
  t = performance.now()
  await tracker.readModel.current()
  console.log(`readModel.current() at start: ${ms(t)}`)
  const get = async (url: string) => {
    const t0 = performance.now()
    const res = await app.request(url)
    await res.text()
    return { ms: performance.now() - t0, status: res.status }
  }
  const first = await get('/api/projects?limit=1&program=20x10')
  console.log(`first GET /api/projects after start (builds the list index): ${first.ms.toFixed(1)} ms (${first.status})`)
  const projects = editableEntities.find((e) => e.entity === 'projects')!
  const ids = (await tracker.readModel.current()).dataset.projects.filter((p) => p.program_id !== '20x10').map((p) => p.id)
  const reads: number[] = []
  const writes: number[] = []
  for (let i = 0; i < edits; i++) {
    const id = ids[(i * 7919) % ids.length]!
    t = performance.now()
    await changeRecord(tracker, { name: 'bench' }, projects, id, null, projects.patch.parse({ notes: `Read-model bench edit ${Date.now()}.`, comment: 'read-model bench edit' }) as never)
    writes.push(performance.now() - t)
    const r = await get(`/api/projects?limit=1&program=20x10&offset=${i}`)
    reads.push(r.ms)
    const load = tracker.readModel.lastLoad
    console.log(`edit ${i + 1}: write ${writes.at(-1)!.toFixed(1)} ms, first read after it ${r.ms.toFixed(1)} ms (${r.status}; read model: ${load?.kind} of ${load?.records} records in ${load?.ms.toFixed(1)} ms; list indexes so far ${JSON.stringify(listIndexBuilds)})`)
  }
  // The patch alone, in memory: one project record replaced (what a notes edit does).
  const s = await tracker.readModel.current()
  const p = s.dataset.projects[1234]!
  const m = s.meta.get(`project:${p.id}`)!
  const inMemory: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    patchSnapshot(s, [{ entity: 'projects', id: p.id, record: { ...p, notes: `in-memory ${i}` }, meta: m }], s.version + 1)
    inMemory.push(performance.now() - t0)
  }
  console.log(`patchSnapshot alone (one project): ${inMemory.map((x) => x.toFixed(1)).join(', ')} ms`)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(`median over ${edits} edits: write ${median(writes).toFixed(1)} ms, first read after an edit ${median(reads).toFixed(1)} ms`)
} finally {
  await tracker.close()
  await server?.stop()
}
