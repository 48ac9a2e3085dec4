/**
 * @module `npx tsx bench/startup.bench.ts`: `node bin/tracker.js serve` (what npm start runs) on
 * the existing 100× PGlite directory bench/readModel.bench.ts leaves in BENCH_DIR, beside the same
 * on a data directory of the bundled data (the baseline, same run): time to the first 200 of
 * /api/health, to the first 200 of a data request (GET /api/projects?limit=1, which waits for the
 * snapshot loading in the background), and the peak memory (VmHWM) then.
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

async function start(dir: string): Promise<{ healthMs: number; dataMs: number; peakMb: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000)
  const t0 = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'bin/tracker.js'), 'serve'], { env: { ...process.env, TRACKER_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', TRACKER_LOG_LEVEL: 'warn' }, stdio: 'ignore' })
  const until = async (url: string) => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`)
      const r = await fetch(`http://127.0.0.1:${port}${url}`).catch(() => null)
      if (r?.status === 200) return performance.now() - t0
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  try {
    const healthMs = await until('/api/health')
    const dataMs = await until('/api/projects?limit=1')
    return { healthMs, dataMs, peakMb: hwm(child.pid!) }
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
}

const small = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-startup-'))
try {
  await start(small) // first start: creates and loads the bundled data
  const runs = Number(process.env.BENCH_RUNS ?? 2)
  for (let i = 0; i < runs; i++) {
    const b = await start(small)
    const s = await start(big)
    console.log(`run ${i + 1}: 100× → /api/health ${Math.round(s.healthMs)} ms, first data answer ${Math.round(s.dataMs)} ms, peak ${Math.round(s.peakMb)} MB | bundled (baseline) → /api/health ${Math.round(b.healthMs)} ms, first data answer ${Math.round(b.dataMs)} ms, peak ${Math.round(b.peakMb)} MB | load average ${os.loadavg()[0]!.toFixed(1)}`)
  }
} finally {
  fs.rmSync(small, { recursive: true, force: true })
}
