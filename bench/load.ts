/**
 * @module The bench's own load generator: a bounded keep-alive HTTP client (N connections,
 * 127.0.0.1 only) that records each request's latency; stops after a number of requests, a
 * duration or a deadline, whichever comes first.
 */
import http from 'node:http'

export interface LoadOptions {
  port: number
  /** The i-th request's path (and query). */
  path: (i: number) => string
  method?: string
  headers?: (i: number) => Record<string, string>
  body?: (i: number) => string | undefined
  concurrency: number
  durationMs: number
  maxRequests: number
  /** Called with each response's status and body (only when given: bodies are otherwise dropped). */
  onResponse?: (i: number, status: number, body: string) => void
}

export interface LoadResult {
  requests: number
  errors: number
  statuses: Record<string, number>
  seconds: number
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function request(agent: http.Agent, port: number, method: string, p: string, headers: Record<string, string>, body: string | undefined, keepBody: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, agent, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => keepBody && chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: keepBody ? Buffer.concat(chunks).toString('utf8') : '' }))
      res.on('error', reject)
    })
    req.setTimeout(120_000, () => req.destroy(new Error('request timed out after 120 s')))
    req.on('error', reject)
    req.end(body)
  })
}

export async function runLoad(o: LoadOptions, until = Number.POSITIVE_INFINITY): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency })
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let issued = 0
  let errors = 0
  const start = performance.now()
  const end = start + Math.min(o.durationMs, Math.max(0, until - Date.now() - 5000))
  const worker = async () => {
    while (issued < o.maxRequests && performance.now() < end) {
      const i = issued++
      const t0 = performance.now()
      try {
        const r = await request(agent, o.port, o.method ?? 'GET', o.path(i), o.headers?.(i) ?? {}, o.body?.(i), o.onResponse !== undefined)
        latencies.push(performance.now() - t0)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        o.onResponse?.(i, r.status, r.body)
      } catch {
        errors++
      }
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, worker))
  const seconds = (performance.now() - start) / 1000
  agent.destroy()
  const sorted = Float64Array.from(latencies).sort()
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : Number.NaN)
  return { requests: latencies.length, errors, statuses, seconds, rps: latencies.length / seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted.at(-1) ?? Number.NaN }
}

