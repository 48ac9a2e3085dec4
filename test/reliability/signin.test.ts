/**
 * Sign-in burst: a spawned `tracker serve` (PGlite, then PostgreSQL) gets 100 simultaneous
 * POST /api/session for one account from one address, 99 with wrong passwords and 1 right.
 * Before, all 100 had their password checked; now each attempt is reserved in the database
 * before the check, so at most the limit are checked and the rest get 429. The owner, from
 * another address (behind a trusted proxy), still signs in. Prints the figures, with the median
 * time of a sign-in for a known and an unknown name.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { loginLimits } from '../../src/service/session.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'
import { startServerProcess, type ServerProcess } from '../support/server.ts'
import { Client, reliabilityRun, report, seed, serverEnv, stopServer } from './support.ts'

const password = 'editor-password-0-reliability'

describe.runIf(reliabilityRun).each(engines())('sign-in burst on %s', (engine) => {
  let db: TestDatabase | undefined
  let server: ServerProcess | undefined
  afterAll(async () => {
    if (server) await stopServer(server).catch(() => {})
    await db?.cleanup()
  })

  it('100 simultaneous sign-ins (99 wrong, 1 right): at most the limit checked, the rest 429; the owner signs in from elsewhere', async () => {
    db = await freshDatabase(engine)
    await seed(db.config, 1)
    server = await startServerProcess(serverEnv(db.config, { TRACKER_TRUSTED_PROXY: '127.0.0.1', TRACKER_LOG_LEVEL: 'info' }))
    const client = new Client(server.url, 200)
    const attempt = (pw: string, from: string, name = 'editor0') => client.request('POST', '/api/session', { body: { name, password: pw }, headers: { 'x-forwarded-for': from } })

    const right = 37
    const started = performance.now()
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(i === right ? password : `wrong-password-${i}`, '198.51.100.23')))
    const burstMs = performance.now() - started
    const count = (s: number) => replies.filter((r) => r.status === s).length
    const checked = count(200) + count(401)
    expect(count(200) + count(401) + count(429)).toBe(100)
    expect(checked).toBeLessThanOrEqual(loginLimits.perPair)

    const owner = await attempt(password, '203.0.113.40')
    expect(owner.status).toBe(200)

    // Median time of a failed sign-in for a known and an unknown name, each from a fresh address.
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 9; i++) {
      known.push((await attempt('not-the-password', `192.0.2.${i + 1}`)).ms)
      unknown.push((await attempt('not-the-password', `192.0.2.${i + 101}`, `nobody-${i}`)).ms)
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    client.close()
    report(`sign-in burst on ${engine}`, [
      ['simultaneous attempts', 100],
      ['password checked (200 + 401)', `${checked} (${count(200)} × 200, ${count(401)} × 401)`],
      ['refused before the check (429)', count(429)],
      ['limit per account and address', loginLimits.perPair],
      ['burst wall time', `${burstMs.toFixed(0)} ms`],
      ['owner from another address', owner.status],
      ['median failed sign-in, known name', `${median(known).toFixed(1)} ms`],
      ['median failed sign-in, unknown name', `${median(unknown).toFixed(1)} ms`],
    ])
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6)
  })
})
