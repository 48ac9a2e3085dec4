/**
 * @module The cached project list against a bare node:http server sending the same bytes, measured
 * with autocannon (a standard load generator: 32 connections, pipelining 1) and with the bench's own
 * client (bench/load.ts) at the same 32 connections, moments apart in the same run. Used by
 * bench/run.ts on the 100× server; `npx tsx bench/autocannon.bench.ts` runs it alone on a server
 * over the bundled data (the cached body does not depend on the size of the data).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runLoad } from './load.ts'

interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p97_5: number; p99: number }
  non2xx: number
  errors: number
}
type Autocannon = (o: { url: string; connections: number; duration: number; pipelining?: number }) => Promise<AutocannonResult>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

export interface CachedComparison {
  autocannon: { tracker: number; bare: number; ratio: number; trackerP99: number; bareP99: number; non2xx: number }
  own: { tracker: number; bare: number; ratio: number }
}

/** Requests per second of the tracker and of the bare server for `urlPath`, both ways. */
export async function cachedVsBare(o: { trackerPort: number; barePort: number; urlPath: string; connections?: number; durationS?: number }): Promise<CachedComparison> {
  const connections = o.connections ?? 32
  const duration = o.durationS ?? 3
  const url = (port: number) => `http://127.0.0.1:${port}${o.urlPath}`
  // Warm-up of both (JIT, the response cache), then bare and tracker alternately.
  await autocannon({ url: url(o.trackerPort), connections, duration: 1 })
  await autocannon({ url: url(o.barePort), connections, duration: 1 })
  const bare = await autocannon({ url: url(o.barePort), connections, duration })
  const tracker = await autocannon({ url: url(o.trackerPort), connections, duration })
  const own = async (port: number) => (await runLoad({ port, path: () => o.urlPath, concurrency: connections, durationMs: duration * 1000, maxRequests: 1_000_000 })).rps
  const ownBare = await own(o.barePort)
  const ownTracker = await own(o.trackerPort)
  return {
    autocannon: { tracker: tracker.requests.average, bare: bare.requests.average, ratio: tracker.requests.average / bare.requests.average, trackerP99: tracker.latency.p99, bareP99: bare.latency.p99, non2xx: tracker.non2xx + tracker.errors },
    own: { tracker: ownTracker, bare: ownBare, ratio: ownTracker / ownBare },
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-autocannon-'))
  const children: ReturnType<typeof spawn>[] = []
  const portOf = (child: ReturnType<typeof spawn>, pattern: RegExp) =>
    new Promise<number>((resolve, reject) => {
      let out = ''
      const on = (d: Buffer) => {
        out += d.toString()
        const m = pattern.exec(out)
        if (m) resolve(Number(m[1]))
      }
      child.stdout?.on('data', on)
      child.stderr?.on('data', on)
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
    })
  try {
    const server = spawn(process.execPath, [path.join(root, 'bin/tracker.js'), 'serve'], { env: { ...process.env, TRACKER_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', TRACKER_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(server)
    const trackerPort = await portOf(server, /serving http:\/\/[^:]+:(\d+)/)
    const urlPath = '/api/projects?limit=50&facets=year,province,kind,status,counted'
    let body = ''
    for (let i = 0; i < 600 && !body; i++) {
      const r = await fetch(`http://127.0.0.1:${trackerPort}${urlPath}`).catch(() => null)
      if (r?.status === 200) body = await r.text()
      else await new Promise((r) => setTimeout(r, 100))
    }
    const bodies = path.join(dir, 'bodies.json')
    fs.writeFileSync(bodies, JSON.stringify({ '/api/projects': body }))
    const bare = spawn(process.execPath, [path.join(root, 'bench/bare-server.mjs'), bodies], { stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(bare)
    const barePort = await portOf(bare, /^(\d+)/)
    const r = await cachedVsBare({ trackerPort, barePort, urlPath, durationS: Number(process.env.BENCH_SECONDS ?? 3) })
    console.log(`cached list (${(Buffer.byteLength(body) / 1024).toFixed(1)} KB), 32 connections, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`)
    console.log(`autocannon: tracker ${Math.round(r.autocannon.tracker)} req/s, bare ${Math.round(r.autocannon.bare)} req/s, ratio ${r.autocannon.ratio.toFixed(2)} (p99 ${r.autocannon.trackerP99} vs ${r.autocannon.bareP99} ms; non-2xx/errors ${r.autocannon.non2xx})`)
    console.log(`own client: tracker ${Math.round(r.own.tracker)} req/s, bare ${Math.round(r.own.bare)} req/s, ratio ${r.own.ratio.toFixed(2)}`)
  } finally {
    for (const c of children) c.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 500))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
