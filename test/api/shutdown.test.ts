/**
 * Graceful shutdown of `tracker serve` (what `npm start` runs): SIGTERM during a request lets it
 * finish, the process exits 0, and the data directory opens cleanly afterwards.
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.ts'
import { startServerProcess } from '../support/server.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('graceful shutdown', () => {
  it('finishes a request in flight when SIGTERM arrives, then closes the database cleanly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-shutdown-'))
    dirs.push(dir)
    const server = await startServerProcess({ TRACKER_DATA_DIR: dir, DATABASE_URL: undefined })
    const body = fs.readFileSync(new URL('../input/json/good.json', import.meta.url))
    const socket = net.connect(server.port, '127.0.0.1')
    await new Promise<void>((r) => socket.once('connect', () => r()))
    let response = ''
    socket.on('data', (d) => (response += d.toString()))
    const closed = new Promise<void>((r) => socket.once('close', () => r()))
    // Headers and half the body: the request is in flight.
    socket.write(
      `POST /api/import?format=json&dry_run=true HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    )
    socket.write(body.subarray(0, 100))
    await sleep(300)
    server.child.kill('SIGTERM')
    await sleep(500)
    expect(server.child.exitCode, 'still running while a request is in flight').toBeNull()
    // New connections are refused while it drains.
    const refused = await new Promise<boolean>((r) => {
      const s = net.connect(server.port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        r(false)
      })
      s.once('error', () => r(true))
    })
    expect(refused).toBe(true)
    socket.write(body.subarray(100))
    await closed
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(response).toMatch(/"dry_run":true/)
    expect(await server.exited).toBe(0)
    expect(server.log()).toMatch(/database closed cleanly/)
    // The directory opens cleanly afterwards: no stale lock, data intact.
    const status = await runCli(['db', 'status', '--json'], { env: { TRACKER_DATA_DIR: dir, DATABASE_URL: undefined } })
    expect(status.code, status.stderr).toBe(0)
    expect(JSON.parse(status.stdout).counts.projects).toBeGreaterThanOrEqual(65)
  })

  it('a second process on the same data directory stops with a message naming the server', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-lock-'))
    dirs.push(dir)
    const server = await startServerProcess({ TRACKER_DATA_DIR: dir, DATABASE_URL: undefined })
    try {
      const r = await runCli(['stats'], { env: { TRACKER_DATA_DIR: dir, DATABASE_URL: undefined } })
      expect(r.code).toBe(1)
      expect(r.stderr.trim()).toBe(`tracker: the database in ${dir} is in use by a tracker server (pid ${server.child.pid}, ${server.url}); stop the server first, or use its API at ${server.url}/api/`)
    } finally {
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
    }
  })
})
