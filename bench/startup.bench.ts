/**
 * @module `npx tsx bench/startup.bench.ts`: `node bin/tracker.js serve` (what npm start runs) on
 * the existing 100× PGlite directory bench/readModel.bench.ts leaves in BENCH_DIR, beside the same
 * on a data directory of the bundled data (the baseline, same run): time to the first 200 of
 * /api/health, to the first 200 of a data request (GET /api/projects?limit=1, which waits for the
 * snapshot loading in the background), and the peak memory (VmHWM) then. The 100× directory's
 * persisted snapshot (TRACKER_SNAPSHOT_CACHE) is made first when it is missing or stale (a start
 * that reads every record: reported as the same-run baseline), then each run starts from it;
 * after the first answer, /api/health is asked every 10 ms for BENCH_STALL_S seconds (default 5)
 * while the rest of the file is decoded in the background: the slowest of those answers is the
 * worst stall of the event loop then. A project's page (which needs the whole snapshot decoded)
 * is asked then (its time, and the peak memory then); BENCH_STALL_S=0 asks it at once, which
 * gives the time until everything is loaded (decoding what is left in one go).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const big = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'tracker-readmodel-100x')
if (!fs.existsSync(path.join(big, 'loaded'))) throw new Error(`${big}: no 100× data directory (run bench/readModel.bench.ts first)`)
const hwm = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

const stallWindowMs = Number(process.env.BENCH_STALL_S ?? 5) * 1000

async function start(dir: string, env: Record<string, string> = {}): Promise<{ healthMs: number; dataMs: number; peakMb: number; stallMs: number; fullMs: number; fullPeakMb: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000)
  const t0 = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'bin/tracker.js'), 'serve'], { env: { ...process.env, ...env, TRACKER_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', TRACKER_LOG_LEVEL: 'warn' }, stdio: 'ignore' })
  const until = async (url: string) => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`)
      const r = await fetch(`http://127.0.0.1:${port}${url}`).catch(() => null)
      if (r?.status === 200) return performance.now() - t0
      if (r?.status === 404) return null
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  try {
    const healthMs = await until('/api/health')
    const dataMs = (await until('/api/projects?limit=1'))!
    const peakMb = hwm(child.pid!)
    let stallMs = 0
    for (const end = performance.now() + stallWindowMs; performance.now() < end; ) {
      const asked = performance.now()
      await (await fetch(`http://127.0.0.1:${port}/api/health`)).arrayBuffer()
      stallMs = Math.max(stallMs, performance.now() - asked)
      await new Promise((r) => setTimeout(r, 10))
    }
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/projects?limit=1`)).json()) as { items: { id: string }[] }
    const asked = performance.now() - t0
    const fullMs = ((await until(`/api/projects/${encodeURIComponent(list.items[0]!.id)}`)) ?? Number.NaN) - (stallWindowMs ? asked : 0)
    return { healthMs: healthMs!, dataMs, peakMb, stallMs, fullMs, fullPeakMb: hwm(child.pid!) }
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
}

const small = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-startup-'))
try {
  await start(small) // first start: creates and loads the bundled data
  const line = (s: Awaited<ReturnType<typeof start>>) => `/api/health ${Math.round(s.healthMs)} ms, first data answer ${Math.round(s.dataMs)} ms (peak ${Math.round(s.peakMb)} MB), slowest /api/health in the ${stallWindowMs / 1000} s after it ${Math.round(s.stallMs)} ms, ${stallWindowMs ? 'then a project page' : 'whole snapshot loaded'} ${Math.round(s.fullMs)} ms (peak ${Math.round(s.fullPeakMb)} MB)`
  const off = await start(big, { TRACKER_SNAPSHOT_CACHE: 'off' })
  console.log(`100× without the persisted snapshot (TRACKER_SNAPSHOT_CACHE=off, baseline) → ${line(off)} | load average ${os.loadavg()[0]!.toFixed(1)}`)
  const first = await start(big) // writes the persisted snapshot when it is missing or stale (on shutdown)
  console.log(`100×, first start with the cache on (reads the file if current, else everything) → ${line(first)}`)
  const runs = Number(process.env.BENCH_RUNS ?? 2)
  for (let i = 0; i < runs; i++) {
    const b = await start(small)
    const s = await start(big)
    console.log(`run ${i + 1}: 100× → ${line(s)} | bundled (baseline) → /api/health ${Math.round(b.healthMs)} ms, first data answer ${Math.round(b.dataMs)} ms, peak ${Math.round(b.peakMb)} MB | load average ${os.loadavg()[0]!.toFixed(1)}`)
  }
} finally {
  fs.rmSync(small, { recursive: true, force: true })
}
