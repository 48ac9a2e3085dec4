/**
 * Several instances on one PostgreSQL, started together on an empty database (as an
 * orchestrator starts replicas): the first migrates and loads the bundled dataset under the
 * migrations' advisory lock, the others wait and find it loaded. All serve; the data is loaded
 * once (one revision batch). Real openTracker calls (each its own connection pool) and real
 * `tracker serve` processes. Skipped without PostgreSQL (an error in CI).
 */
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { freshDatabase, pgUrl, type TestDatabase } from '../support/engines.ts'
import { startServerProcess, type ServerProcess } from '../support/server.ts'

async function loadFacts(url: string): Promise<{ batches: number; projects: number; duplicates: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const batches = await client.query(`select count(distinct batch)::int as n from revisions where comment = 'Initial load of the bundled dataset'`)
    const projects = await client.query(`select count(*)::int as n from projects`)
    const duplicates = await client.query(`select count(*)::int as n from (select entity_type, entity_id from revisions where action = 'create' group by 1, 2 having count(*) > 1) x`)
    return { batches: batches.rows[0].n, projects: projects.rows[0].n, duplicates: duplicates.rows[0].n }
  } finally {
    await client.end()
  }
}

describe.runIf(Boolean(pgUrl()))('instances started together on an empty PostgreSQL', () => {
  let db: TestDatabase | undefined
  const trackers: Tracker[] = []
  const servers: ServerProcess[] = []
  afterEach(async () => {
    await Promise.all(trackers.splice(0).map((t) => t.close().catch(() => {})))
    await Promise.all(
      servers.splice(0).map(async (s) => {
        if (s.child.exitCode === null && s.child.signalCode === null) {
          s.child.kill('SIGTERM')
          await s.exited
        }
      }),
    )
    await db?.cleanup()
    db = undefined
  })

  for (const n of [2, 5]) {
    it(`${n} openTracker calls at once: all open, the bundled data is loaded once`, async () => {
      db = await freshDatabase('postgres')
      const results = await Promise.allSettled(Array.from({ length: n }, () => openTracker(db!.config)))
      for (const r of results) if (r.status === 'fulfilled') trackers.push(r.value)
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(Array(n).fill('ok'))
      const counts = await Promise.all(trackers.map(async (t) => (await t.readModel.current()).projects.size))
      expect(new Set(counts).size).toBe(1)
      expect(counts[0]).toBeGreaterThan(60)
      const facts = await loadFacts(db.config.databaseUrl!)
      expect(facts).toEqual({ batches: 1, projects: counts[0], duplicates: 0 })
    })
  }

  it('2 `tracker serve` processes at once on an empty database: both serve the same data', async () => {
    db = await freshDatabase('postgres')
    const env = { DATABASE_URL: db.config.databaseUrl!, TRACKER_DATA_DIR: undefined }
    const started = await Promise.allSettled([startServerProcess(env, 90_000), startServerProcess(env, 90_000)])
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value)
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 400) : 'serving'))).toEqual(['serving', 'serving'])
    const totals = await Promise.all(servers.map(async (s) => (await (await fetch(`${s.url}/api/projects?limit=1`)).json()).total as number))
    expect(totals[0]).toBe(totals[1])
    expect((await loadFacts(db.config.databaseUrl!)).batches).toBe(1)
  }, 120_000)
})
