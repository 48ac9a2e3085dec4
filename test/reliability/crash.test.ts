/**
 * Crash: `tracker serve` killed with SIGKILL (kill -9) in the middle of a large import and of a
 * burst of edits, on PGlite and on PostgreSQL; after a restart the database opens (a PGlite lock
 * left by the dead process is taken over), the partial import left nothing behind, and every
 * acknowledged edit is there. And PostgreSQL itself stopped while the app runs: requests answer
 * 503 "unavailable" (never 500, no crash), and the app recovers by itself when it is back.
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'
import { findPgBin, startPostgres, type PgServer } from '../support/postgresServer.ts'
import { startServerProcess, type ServerProcess } from '../support/server.ts'
import {
  bigImport,
  checkAcks,
  Client,
  facts,
  killServer,
  patchNotes,
  postEvent,
  reliabilityRun,
  report,
  seed,
  serverEnv,
  sleep,
  stopServer,
  withStore,
  type Ack,
  type Reply,
  type Seeded,
} from './support.ts'

const importSources = Number(process.env.RELIABILITY_IMPORT_SOURCES ?? 6000)
const claimsPerSource = 6

/** Newest modification time among the WAL files of a PGlite data directory. */
function walMtime(dataDir: string): number {
  const wal = path.join(dataDir, 'pgdata', 'pg_wal')
  let newest = 0
  for (const f of fs.readdirSync(wal)) {
    const st = fs.statSync(path.join(wal, f))
    if (st.isFile()) newest = Math.max(newest, st.mtimeMs)
  }
  return newest
}

describe.runIf(reliabilityRun).each(engines())('crash on %s', (engine) => {
  let db: TestDatabase
  let tokens: Seeded
  let server: ServerProcess | undefined
  let projects: string[] = []
  const start = async () => {
    server = await startServerProcess(serverEnv(db.config))
    return server
  }

  beforeAll(async () => {
    db = await freshDatabase(engine)
    tokens = await seed(db.config, 3)
  })
  afterAll(async () => {
    if (server) await killServer(server).catch(() => {})
    await db?.cleanup()
  })

  it('kill -9 during a burst of edits: after restart every acknowledged write is there, once', async () => {
    const before = await withStore(db.config, facts)
    const s1 = await start()
    const client = new Client(s1.url)
    projects = (await client.request('GET', '/api/projects?limit=1000')).json.items.map((p: { id: string }) => p.id)
    const acks: Ack[] = []
    const tally = { retries412: 0, statuses: new Map<number, number>() }
    let killed = false
    let inFlight = 0
    let unanswered = 0
    const deadline = Date.now() + 60_000
    const writer = async (n: number) => {
      const token = tokens.editors[n % tokens.editors.length]!
      // Each patcher owns one project: no 412, every write is acknowledged until the kill.
      const project = projects[n]!
      for (let i = 0; !killed; i++) {
        inFlight++
        try {
          const ack = n < 16 ? await patchNotes(client, token, project, `burst ${engine} w${n} #${i}`, deadline, tally) : await postEvent(client, token, project, `burst-${engine}-w${n}-n${i}`)
          if (ack) acks.push(ack)
        } catch {
          unanswered++
        } finally {
          inFlight--
        }
      }
    }
    const writers = Array.from({ length: 24 }, (_, n) => writer(n))
    const t0 = Date.now()
    while (Date.now() - t0 < 1500 || acks.length < 40) {
      expect(Date.now() - t0, 'too few writes acknowledged').toBeLessThan(60_000)
      await sleep(20)
    }
    const atKill = inFlight
    killed = true
    await killServer(s1)
    await Promise.all(writers)
    client.close()

    // Restart, and read every acknowledged write back through the API.
    const s2 = await start()
    const c2 = new Client(s2.url)
    let missingViaApi = 0
    const histories = new Map<string, Set<string>>()
    for (const a of acks) {
      const key = `${a.entity}/${a.id}`
      if (!histories.has(key)) {
        const h = await c2.request('GET', `/api/${a.entity}/${encodeURIComponent(a.id)}/history`)
        histories.set(key, new Set(h.status === 200 ? h.json.items.map((r: { batch: string }) => r.batch) : []))
      }
      if (!histories.get(key)!.has(a.batch)) missingViaApi++
    }
    c2.close()
    expect(await stopServer(s2)).toBe(0)
    const check = await withStore(db.config, (store) => checkAcks(store, acks, before))
    report(`crash during edits (${engine})`, [
      ['engine', engine],
      ['faults injected', `1 × kill -9 after ${((Date.now() - t0) / 1000).toFixed(1)} s of 24 concurrent writers`],
      ['writes acknowledged before the kill', acks.length],
      ['requests in flight at the kill', atKill],
      ['requests cut off by the kill', unanswered],
      ['acknowledged writes missing (API after restart)', missingViaApi],
      ['lost (store)', check.lost],
      ['duplicated', check.duplicated],
      ['broken version chains', check.brokenChains],
    ])
    expect(missingViaApi).toBe(0)
    expect(check.problems.slice(0, 10)).toEqual([])
    expect(check.lost).toBe(0)
    expect(check.duplicated).toBe(0)
    expect(check.brokenChains).toBe(0)
    expect(check.versionDrift).toBe(0)
  })

  it('kill -9 during a large import: the database opens after restart and the import left nothing behind', async () => {
    const before = await withStore(db.config, facts)
    const s1 = await start()
    const client = new Client(s1.url)
    const big = bigImport(projects, importSources, claimsPerSource)
    const records = big.sources + big.claims
    const url = (dryRun: boolean) => `/api/import?format=csv${dryRun ? '' : '&dry_run=false&comment=reliability%20import'}`
    const headers = { 'content-type': 'application/zip' }

    // The dry run validates the input and times the parsing and planning the real run repeats.
    const dry = await client.request('POST', url(true), { body: big.zip, headers, timeoutMs: 120_000 })
    expect(dry.status, dry.text.slice(0, 300)).toBe(200)
    expect(dry.json.counts.sources.add + dry.json.counts.claims.add).toBe(records)

    // The applying import: kill -9 once its transaction is writing.
    let pgAdmin: pg.Client | null = null
    if (engine === 'postgres') {
      pgAdmin = new pg.Client({ connectionString: db.config.databaseUrl! })
      await pgAdmin.connect()
    }
    const writing = async (): Promise<boolean> => {
      if (pgAdmin) {
        const r = await pgAdmin.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query ilike 'insert into%'`,
        )
        return r.rows[0].n > 0
      }
      return walMtime(db.config.dataDir) > walBefore
    }
    const walBefore = engine === 'pglite' ? walMtime(db.config.dataDir) : 0
    const sent = Date.now()
    let answered: Reply | null = null
    const apply = client
      .request('POST', url(false), { token: tokens.editors[0], body: big.zip, headers, timeoutMs: 120_000 })
      .then((r) => (answered = r))
      .catch(() => null)
    while (!(await writing())) {
      expect(answered, 'the import finished before it could be killed: make it larger').toBeNull()
      expect(Date.now() - sent, 'the import never started writing').toBeLessThan(60_000)
      await sleep(10)
    }
    const writingAfter = Date.now() - sent
    await sleep(engine === 'pglite' ? 400 : 300)
    expect(answered, 'the import finished before it could be killed: make it larger').toBeNull()
    await killServer(s1)
    const killedAfter = Date.now() - sent
    await apply
    expect(answered, 'a killed import must not be acknowledged').toBeNull()
    await pgAdmin?.end()
    client.close()

    // Restart: the database opens (a PGlite lock left by the dead process is taken over).
    const s2 = await start()
    const c2 = new Client(s2.url)
    const health = await c2.request('GET', '/api/health')
    expect(health.status).toBe(200)
    expect(health.json.data_version).toBe(before.dataVersion)
    c2.close()
    expect(await stopServer(s2)).toBe(0)
    const afterCrash = await withStore(db.config, facts)
    expect(afterCrash, 'record counts, revisions and data version exactly as before the import').toEqual(before)

    // The same import, run to the end now, applies in full: the killed one left nothing in its way.
    const s3 = await start()
    const c3 = new Client(s3.url)
    const t0 = Date.now()
    const full = await c3.request('POST', url(false), { token: tokens.editors[0], body: big.zip, headers, timeoutMs: 120_000 })
    const fullMs = Date.now() - t0
    expect(full.status, full.text.slice(0, 300)).toBe(200)
    expect(full.json.applied.added).toBe(records)
    c3.close()
    expect(await stopServer(s3)).toBe(0)
    const afterFull = await withStore(db.config, facts)
    expect(afterFull.counts.sources).toBe(before.counts.sources! + big.sources)
    expect(afterFull.counts.claims).toBe(before.counts.claims! + big.claims)
    expect(afterFull.dataVersion).toBe(before.dataVersion + 1)

    report(`crash during import (${engine})`, [
      ['engine', engine],
      ['import size', `${records} records (${big.sources} sources, ${big.claims} claims), ${(big.zip.length / 1024).toFixed(0)} KiB zip`],
      ['faults injected', `1 × kill -9, ${killedAfter} ms after sending (writing seen at ${writingAfter} ms)`],
      ['restart', 'database opened, health 200'],
      ['records left behind by the killed import', Object.keys(before.counts).reduce((n, k) => n + (afterCrash.counts[k]! - before.counts[k]!), 0)],
      ['revisions left behind', afterCrash.revisions - before.revisions],
      ['data version', `${before.dataVersion} → ${afterCrash.dataVersion} (unchanged)`],
      ['same import afterwards', `${full.json.applied.added} added in ${fullMs} ms`],
      ['data lost', 0],
    ])
  })
})

const pgBin = findPgBin()

describe.runIf(reliabilityRun && (pgBin !== null || !!process.env.CI))('PostgreSQL stopped and started while the app runs', () => {
  let pgServer: PgServer | undefined
  let server: ServerProcess | undefined
  afterAll(async () => {
    if (server) await killServer(server).catch(() => {})
    await pgServer?.stop()
  })

  it('answers 503 "unavailable" while PostgreSQL is down (never 500, no crash) and recovers by itself', async () => {
    expect(pgBin, 'PostgreSQL binaries (CI must install postgresql)').not.toBeNull()
    pgServer = await startPostgres(pgBin!)
    const config = loadConfig({ DATABASE_URL: pgServer.url, TRACKER_LOG_LEVEL: 'silent' })
    const tokens = await seed(config, 2)
    server = await startServerProcess(serverEnv(config, { TRACKER_POLL_INTERVAL_MS: '200' }))
    const running = server
    onTestFailed(() => {
      process.stderr.write(`[outage] server exit ${running.child.exitCode} ${running.child.signalCode}; its log:\n${running.log()}\n`)
    })
    const client = new Client(server.url)
    const project = '20x10.2024.south-pyongan.songchon'
    const tally = { retries412: 0, statuses: new Map<number, number>() }
    const statuses = new Map<number, number>()
    const bad: string[] = []
    const seen = (r: Reply, what: string) => {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
      if (r.status >= 500 && (r.status !== 503 || r.json?.error?.code !== 'unavailable')) bad.push(`${what}: ${r.status} ${r.text.slice(0, 200)}`)
    }
    expect((await client.request('GET', '/api/health')).status).toBe(200)

    // Background traffic through the whole outage: reads, uncached reads, writes.
    let stop = false
    let networkErrors = 0
    let requests = 0
    const traffic = async (n: number) => {
      const urls = ['/api/health', '/api/projects?year=2025', '/api/changes?limit=5', `/api/projects/${project}/history`, '/api/stats/progress']
      for (let i = 0; !stop; i++) {
        try {
          if (n === 0 && i % 3 === 0) {
            const r = await client.request('PATCH', `/api/projects/${project}`, { token: tokens.editors[0], ifMatch: 999_999, body: { notes: 'x', comment: 'outage probe' } })
            requests++
            seen(r, 'PATCH')
          } else {
            const url = urls[(n + i) % urls.length]!
            const r = await client.request('GET', url)
            requests++
            seen(r, url)
          }
        } catch {
          networkErrors++
        }
        await sleep(20)
      }
    }
    const background = Array.from({ length: 6 }, (_, n) => traffic(n))
    await sleep(500)

    // The fault: PostgreSQL stops (fast shutdown: the app's connections are terminated).
    const downAt = Date.now()
    await pgServer.halt()
    await sleep(300)
    const during: Record<string, number> = {}
    for (let i = 0; i < 5; i++) {
      const health = await client.request('GET', '/api/health')
      seen(health, 'health (down)')
      expect(health.status).toBe(503)
      expect(health.json.error.code).toBe('unavailable')
      expect(health.headers['retry-after']).toBeDefined()
      const write = await patchNotes(client, tokens.editors[1]!, project, `during outage ${i}`, Date.now() + 5000, tally, (r) => {
        seen(r, 'write (down)')
        during[r.status] = (during[r.status] ?? 0) + 1
      })
      expect(write, 'no write is acknowledged while the database is down').toBeNull()
      const changes = await client.request('GET', '/api/changes?limit=5')
      seen(changes, 'changes (down)')
      expect(changes.status).toBe(503)
      await sleep(400)
    }
    expect(server.child.exitCode, 'the server is still running').toBeNull()
    expect(server.child.signalCode).toBeNull()

    // PostgreSQL comes back on the same port and data directory; the app recovers by itself.
    await pgServer.restart()
    const upAt = Date.now()
    let recoveredMs = -1
    while (Date.now() - upAt < 15_000) {
      const r = await client.request('GET', '/api/health')
      seen(r, 'health (back)')
      if (r.status === 200) {
        recoveredMs = Date.now() - upAt
        break
      }
      await sleep(100)
    }
    expect(recoveredMs, 'health answers 200 again within 15 s').toBeGreaterThanOrEqual(0)
    const ack = await patchNotes(client, tokens.editors[1]!, project, 'after the outage', Date.now() + 10_000, tally, (r) => seen(r, 'write (back)'))
    expect(ack, 'a write works again').not.toBeNull()
    const read = await client.request('GET', `/api/projects/${project}`)
    expect(read.json.notes).toBe('after the outage')
    stop = true
    await Promise.all(background)
    client.close()
    expect(await stopServer(server)).toBe(0)

    report('PostgreSQL outage while the app runs', [
      ['faults injected', `PostgreSQL stopped for ${((upAt - downAt) / 1000).toFixed(1)} s, then started on the same port and data directory`],
      ['requests during the test', requests + Object.values(during).reduce((a, b) => a + b, 0)],
      ['statuses', [...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')],
      ['500 or non-"unavailable" 5xx', bad.length],
      ['network errors', networkErrors],
      ['server crashed', 'no'],
      ['recovered (health 200) after restart', `${recoveredMs} ms`],
      ['write after recovery', 'acknowledged and read back'],
    ])
    expect(bad).toEqual([])
    expect(networkErrors).toBe(0)
  })
})
