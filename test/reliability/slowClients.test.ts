/**
 * Slow clients (issue 11, finding 14): a spawned `tracker serve` (PGlite) with small
 * TRACKER_HEADERS_TIMEOUT_MS, TRACKER_REQUEST_TIMEOUT_MS and TRACKER_MAX_CONNECTIONS gets more
 * slowloris connections than the cap — each sends its headers a byte at a time, some send full
 * headers and then a body a byte at a time. Connections over the cap are closed on arrival, the
 * others when their timeout passes; meanwhile a client already connected keeps getting
 * /api/health answered, and once the slow ones are cut a new client is answered too.
 */
import net from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDatabase } from '../support/engines.ts'
import { startServerProcess, type ServerProcess } from '../support/server.ts'
import { Client, percentile, reliabilityRun, report, serverEnv, sleep, stopServer } from './support.ts'

const headersTimeoutMs = 1500
const requestTimeoutMs = 3000
const maxConnections = 60
/** Node checks open connections against the timeouts once a second (server.ts). */
const checkEveryMs = 1000

interface Slow {
  kind: 'headers' | 'body'
  openedAt: number
  closedAt: number | null
  reply: string
}

function slowConnection(port: number, kind: Slow['kind'], everyMs: number): Slow {
  const s: Slow = { kind, openedAt: performance.now(), closedAt: null, reply: '' }
  const socket = net.connect(port, '127.0.0.1')
  const text = kind === 'headers' ? 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ' + 'a'.repeat(4000) : 'x'.repeat(4000)
  let at = 0
  let timer: NodeJS.Timeout | undefined
  socket.on('connect', () => {
    if (kind === 'body') socket.write('POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n')
    timer = setInterval(() => {
      if (at < text.length && !socket.destroyed) socket.write(text[at++]!)
    }, everyMs)
  })
  socket.on('data', (d) => (s.reply += d.toString()))
  socket.on('error', () => {})
  socket.on('close', () => {
    clearInterval(timer)
    s.closedAt = performance.now()
  })
  return s
}

describe.runIf(reliabilityRun)('slow clients', () => {
  let db: TestDatabase | undefined
  let server: ServerProcess | undefined
  afterAll(async () => {
    if (server) await stopServer(server).catch(() => {})
    await db?.cleanup()
  })

  it('slowloris connections are cut by the timeouts and the connection cap; /api/health keeps answering', async () => {
    db = await freshDatabase('pglite')
    server = await startServerProcess(
      serverEnv(db.config, { TRACKER_HEADERS_TIMEOUT_MS: String(headersTimeoutMs), TRACKER_REQUEST_TIMEOUT_MS: String(requestTimeoutMs), TRACKER_MAX_CONNECTIONS: String(maxConnections) }),
    )
    const client = new Client(server.url, 1)
    expect((await client.request('GET', '/api/health')).status).toBe(200)

    const slow: Slow[] = []
    // The body tricklers first, so that they are within the cap and meet the request timeout.
    for (let i = 0; i < 20; i++) slow.push(slowConnection(server.port, 'body', 200))
    await sleep(100)
    for (let i = 0; i < 80; i++) slow.push(slowConnection(server.port, 'headers', 200))
    const started = performance.now()
    const latencies: number[] = []
    const failures: string[] = []
    const deadline = started + requestTimeoutMs + checkEveryMs * 3
    while (performance.now() < deadline && (slow.some((s) => s.closedAt === null) || latencies.length < 20)) {
      try {
        const r = await client.request('GET', '/api/health', { timeoutMs: 5000 })
        latencies.push(r.ms)
        if (r.status !== 200) failures.push(`status ${r.status}`)
      } catch (error) {
        failures.push((error as Error).message)
      }
      await sleep(100)
    }
    const open = slow.filter((s) => s.closedAt === null)
    // A brand-new client once the slow connections are gone.
    const newcomer = new Client(server.url, 1)
    const late = await newcomer.request('GET', '/api/health', { timeoutMs: 5000 })
    newcomer.close()
    client.close()

    const life = (s: Slow) => (s.closedAt ?? performance.now()) - s.openedAt
    const refused = slow.filter((s) => life(s) < 500)
    const headers = slow.filter((s) => s.kind === 'headers' && life(s) >= 500)
    const bodies = slow.filter((s) => s.kind === 'body' && life(s) >= 500)
    const sorted = [...latencies].sort((a, b) => a - b)
    report('slow clients (PGlite)', [
      ['slow connections', `${slow.length} (80 trickling headers, 20 trickling a body), a byte every 200 ms`],
      ['settings', `TRACKER_HEADERS_TIMEOUT_MS ${headersTimeoutMs}, TRACKER_REQUEST_TIMEOUT_MS ${requestTimeoutMs}, TRACKER_MAX_CONNECTIONS ${maxConnections}`],
      ['closed on arrival (< 0.5 s)', refused.length],
      ['cut while sending headers', `${headers.length}, longest ${Math.max(0, ...headers.map(life)).toFixed(0)} ms`],
      ['cut while sending a body', `${bodies.length}, longest ${Math.max(0, ...bodies.map(life)).toFixed(0)} ms`],
      ['still open at the end', open.length],
      ['answered 408', slow.filter((s) => s.reply.startsWith('HTTP/1.1 408')).length],
      ['/api/health, connected client', `${latencies.length} polls, p95 ${percentile(sorted, 95).toFixed(1)} ms, ${failures.length} failed`],
      ['/api/health, new client after', late.status],
    ])
    expect(open, 'every slow connection was closed by the server').toEqual([])
    expect(refused.length, 'connections over TRACKER_MAX_CONNECTIONS closed on arrival').toBeGreaterThanOrEqual(slow.length - maxConnections)
    expect(headers.length, 'some header tricklers got in').toBeGreaterThan(0)
    expect(bodies.length, 'some body tricklers got in').toBeGreaterThan(0)
    for (const s of headers) expect(life(s), 'cut by the headers timeout').toBeLessThan(headersTimeoutMs + checkEveryMs * 2 + 500)
    for (const s of bodies) expect(life(s), 'cut by the request timeout').toBeLessThan(requestTimeoutMs + checkEveryMs * 2 + 500)
    expect(failures).toEqual([])
    expect(latencies.length).toBeGreaterThanOrEqual(10)
    expect(late.status).toBe(200)
  })
})
