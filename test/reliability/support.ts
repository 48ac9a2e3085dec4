/**
 * @module Shared helpers of the reliability tests (load, crash, hostile input, access): a small
 * keep-alive HTTP client for a spawned server, accounts and API tokens seeded before a server
 * starts, facts read straight from the store (record counts, revisions, data version), the check
 * that every acknowledged write is in the store exactly once with an unbroken version chain, and
 * the figures each test prints and appends to bench/reliability.md.
 *
 * The reliability suite runs with `npm run test:reliability` (vitest.reliability.config.ts sets
 * TRACKER_RELIABILITY=1); the slow files skip themselves under a plain `vitest run`.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { fileURLToPath } from 'node:url'
import { stringify } from 'csv-stringify/sync'
import { strToU8, zipSync } from 'fflate'
import { sql, type Kysely } from 'kysely'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openTracker } from '../../src/service/tracker.ts'
import type { Config } from '../../src/config/config.ts'
import { entityNames, entityTypeOf, type EntityName } from '../../src/model/dataset.ts'
import { claimId } from '../../src/model/ids.ts'
import { recordToRow, tableOfEntity } from '../../src/model/tables.ts'
import { openStore } from '../../src/store/open.ts'
import type { DB } from '../../src/store/schema.ts'
import { dataVersion } from '../../src/store/version.ts'
import type { ServerProcess } from '../support/server.ts'

/** True under `npm run test:reliability`; the slow files run only then. */
export const reliabilityRun = process.env.TRACKER_RELIABILITY === '1'

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------------------------
// Figures

const benchFile = fileURLToPath(new URL('../../bench/reliability.md', import.meta.url))

export function machine(): string {
  const cpus = os.cpus()
  return `${cpus.length}× ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`
}

/** Prints the figures of one test and appends them to bench/reliability.md with the date and machine. */
export function report(title: string, figures: Array<[string, string | number]>): void {
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const lines = [`### ${title} — ${at}`, '', `machine: ${machine()}`, '', '| figure | value |', '|---|---|', ...figures.map(([k, v]) => `| ${k} | ${v} |`), '']
  process.stdout.write(`\n[reliability] ${title}\n${figures.map(([k, v]) => `  ${k.padEnd(34)} ${v}`).join('\n')}\n`)
  if (!fs.existsSync(benchFile)) {
    fs.mkdirSync(path.dirname(benchFile), { recursive: true })
    fs.writeFileSync(
      benchFile,
      '# Reliability figures\n\nAppended by `npm run test:reliability` (test/reliability/): load, crash, hostile input and access tests. ' +
        'Each section is one run of one test, with its date and machine; the newest are at the end.\n\n',
    )
  }
  fs.appendFileSync(benchFile, `${lines.join('\n')}\n`)
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Reply {
  status: number
  text: string
  /** Parsed JSON body, or null. */
  json: any
  headers: http.IncomingHttpHeaders
  ms: number
}

export interface RequestOptions {
  token?: string
  body?: unknown
  ifMatch?: number | string
  headers?: Record<string, string>
  timeoutMs?: number
}

/** A keep-alive client for one server; rejects on network errors and timeouts. */
export class Client {
  readonly agent: http.Agent
  constructor(
    readonly base: string,
    maxSockets = 256,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets })
  }

  request(method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
    const url = new URL(path, this.base)
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (opts.ifMatch !== undefined) headers['if-match'] = String(opts.ifMatch)
    let payload: Buffer | undefined
    if (opts.body !== undefined) {
      payload = Buffer.isBuffer(opts.body) || opts.body instanceof Uint8Array ? Buffer.from(opts.body as Uint8Array) : Buffer.from(typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body))
      headers['content-type'] ??= 'application/json'
      headers['content-length'] = String(payload.length)
    }
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown = null
          if (/json/.test(res.headers['content-type'] ?? '')) {
            try {
              json = JSON.parse(text)
            } catch {
              json = null
            }
          }
          resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers, ms: performance.now() - started })
        })
      })
      req.setTimeout(opts.timeoutMs ?? 60_000, () => req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 60_000} ms: ${method} ${path}`)))
      req.on('error', reject)
      req.end(payload)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}

/** Stops a spawned server with SIGTERM and waits for it to exit (0 expected). */
export async function stopServer(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode
  server.child.kill('SIGTERM')
  return server.exited
}

/** kill -9, and waits until the process is gone. */
export async function killServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const gone = new Promise<void>((r) => server.child.once('exit', () => r()))
  server.child.kill('SIGKILL')
  await gone
}

/** Env for a spawned server on this database: PGlite (its directory) or PostgreSQL (its URL). */
export function serverEnv(config: Config, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return config.databaseUrl
    ? { DATABASE_URL: config.databaseUrl, TRACKER_DATA_DIR: undefined, TRACKER_POLL_INTERVAL_MS: '200', ...extra }
    : { TRACKER_DATA_DIR: config.dataDir, DATABASE_URL: undefined, ...extra }
}

/**
 * Resident memory of a process in bytes, read from /proc (Linux), or null where there is no /proc:
 * the tests that bound a spawned server's memory skip that assertion then, and say so.
 */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

/**
 * Polls GET /api/health on its own connection every `everyMs` until stopped; a reply slower than
 * the timeout counts as the timeout. Returns the latencies (ms) and the statuses seen.
 */
export function pollHealth(base: string, everyMs = 50, timeoutMs = 5000): { stop(): Promise<{ latencies: number[]; failures: string[] }> } {
  const client = new Client(base, 1)
  const latencies: number[] = []
  const failures: string[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const started = performance.now()
      try {
        const r = await client.request('GET', '/api/health', { timeoutMs })
        latencies.push(r.ms)
        if (r.status !== 200) failures.push(`status ${r.status}`)
      } catch (error) {
        latencies.push(performance.now() - started)
        failures.push((error as Error).message)
      }
      await sleep(everyMs)
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      client.close()
      return { latencies, failures }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Store

export interface Seeded {
  editors: string[]
  viewer: string
}

/**
 * Creates the database (migrated, bundled data loaded) with `editors` editor accounts and one
 * viewer, each with an API token, then closes it so that a server can take it over.
 */
export async function seed(config: Config, editors = 4): Promise<Seeded> {
  const tracker = await openTracker(config)
  try {
    const db = tracker.store.db
    const tokens: string[] = []
    for (let i = 0; i < editors; i++) {
      await createAccount(db, `editor${i}`, 'editor', `editor-password-${i}-reliability`)
      tokens.push(await createApiToken(db, `editor${i}`, 'reliability'))
    }
    await createAccount(db, 'viewer', 'viewer', 'viewer-password-reliability')
    return { editors: tokens, viewer: await createApiToken(db, 'viewer', 'reliability') }
  } finally {
    await tracker.close()
  }
}

/** Opens the store (no server may hold a PGlite directory), runs `fn`, closes. */
export async function withStore<T>(config: Config, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const store = await openStore(config, { command: 'reliability check' })
  try {
    return await fn(store.db)
  } finally {
    await store.close()
  }
}

export interface Facts {
  /** Rows per table, deleted ones included. */
  counts: Record<string, number>
  revisions: number
  lastRevision: number
  dataVersion: number
}

export async function facts(db: Kysely<DB>): Promise<Facts> {
  const counts: Record<string, number> = {}
  for (const table of entityNames) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  const rev = await db
    .selectFrom('revisions')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('id').as('max')])
    .executeTakeFirstOrThrow()
  return { counts, revisions: Number(rev.n), lastRevision: Number(rev.max ?? 0), dataVersion: await dataVersion(db) }
}

/** An acknowledged write: the server answered 200/201 with this record version and batch. */
export type Ack =
  | { kind: 'patch'; entity: EntityName; id: string; version: number; batch: string; notes: string }
  | { kind: 'create'; entity: EntityName; id: string; version: number; batch: string }

export interface AckCheck {
  acknowledged: number
  lost: number
  duplicated: number
  /** Records whose revisions do not form an unbroken chain 1..version. */
  brokenChains: number
  /** Writes since `since` minus data version bumps since then (0: one bump per write). */
  versionDrift: number
  recordsChecked: number
  problems: string[]
}

const normalize = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, normalize(x)])) : v

/**
 * Checks every acknowledged write against the store: its revision is there exactly once (same
 * batch), the record exists at that version or later, the acknowledged version's revision is the
 * one that wrote it, and each touched record's revisions form an unbroken chain (one revision per
 * version, each update's `before` equal to the previous `after`). With `since` (facts taken before
 * the writes), also checks one data-version bump per write batch.
 */
export async function checkAcks(db: Kysely<DB>, acks: Ack[], since?: Facts): Promise<AckCheck> {
  const problems: string[] = []
  let lost = 0
  let duplicated = 0
  let brokenChains = 0
  const byRecord = new Map<string, Ack[]>()
  for (const a of acks) byRecord.set(`${a.entity}\u0000${a.id}`, [...(byRecord.get(`${a.entity}\u0000${a.id}`) ?? []), a])
  // Two acknowledgements of the same version of a record: one of them overwrote the other.
  for (const list of byRecord.values()) {
    const versions = list.map((a) => a.version)
    const dupes = versions.length - new Set(versions).size
    if (dupes > 0) {
      duplicated += dupes
      problems.push(`${list[0]!.entity} ${list[0]!.id}: ${dupes} acknowledged write(s) share a version`)
    }
  }
  for (const [key, list] of byRecord) {
    const [entity, id] = key.split('\u0000') as [EntityName, string]
    const type = entityTypeOf[entity]
    const row = await db.selectFrom(entity).select(['id', 'version', 'deleted_at']).where('id', '=', id).executeTakeFirst()
    const revs = await db
      .selectFrom('revisions')
      .select(['id', 'action', 'batch', 'before', 'after'])
      .where('entity_type', '=', type)
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
    if (!row) {
      lost += list.length
      problems.push(`${type} ${id}: acknowledged but missing`)
      continue
    }
    // One revision per version: version n is the n-th revision of the record.
    let chainOk = revs.length === Number(row.version)
    if (!chainOk) problems.push(`${type} ${id}: version ${row.version} but ${revs.length} revision(s)`)
    if (revs[0]?.action !== 'create') {
      chainOk = false
      problems.push(`${type} ${id}: first revision is "${revs[0]?.action}", not create`)
    }
    for (let i = 1; i < revs.length; i++) {
      const prev = revs[i - 1]!
      const cur = revs[i]!
      if (cur.action === 'update' && prev.after !== null && !isDeepStrictEqual(normalize(prev.after), normalize(cur.before))) {
        chainOk = false
        problems.push(`${type} ${id}: revision ${cur.id} does not start from revision ${prev.id}`)
      }
    }
    if (!chainOk) brokenChains++
    for (const a of list) {
      const mine = revs.filter((r) => r.batch === a.batch)
      if (mine.length === 0) {
        lost++
        problems.push(`${type} ${id}: acknowledged write ${a.batch} (version ${a.version}) has no revision`)
        continue
      }
      if (mine.length > 1) {
        duplicated += mine.length - 1
        problems.push(`${type} ${id}: write ${a.batch} recorded ${mine.length} times`)
      }
      const at = revs[a.version - 1]
      if (!at || at.batch !== a.batch) {
        lost++
        problems.push(`${type} ${id}: version ${a.version} was acknowledged for ${a.batch} but written by ${at?.batch ?? 'nothing'}`)
      } else if (a.kind === 'patch' && (at.after as Record<string, unknown> | null)?.notes !== a.notes) {
        lost++
        problems.push(`${type} ${id}: version ${a.version} does not hold the acknowledged notes`)
      }
      if (Number(row.version) < a.version) {
        lost++
        problems.push(`${type} ${id}: at version ${row.version}, below the acknowledged ${a.version}`)
      }
    }
  }
  let versionDrift = 0
  if (since) {
    const batches = await db
      .selectFrom('revisions')
      .select(sql<string>`count(distinct batch)`.as('n'))
      .where('id', '>', since.lastRevision)
      .executeTakeFirstOrThrow()
    versionDrift = Number(batches.n) - ((await dataVersion(db)) - since.dataVersion)
    if (versionDrift !== 0) problems.push(`${batches.n} write batches since the start but the data version moved by ${(await dataVersion(db)) - since.dataVersion}`)
  }
  return { acknowledged: acks.length, lost, duplicated, brokenChains, versionDrift, recordsChecked: byRecord.size, problems }
}

// ---------------------------------------------------------------------------------------------
// Writes through the API

export const loadSource = '38north-2025-02-year-one'

/**
 * Changes a project's notes with If-Match: reads its version, PATCHes, and on 412 reads again and
 * retries (until `deadline`). Returns the acknowledged write, or null when it gave up.
 */
export async function patchNotes(
  client: Client,
  token: string,
  id: string,
  notes: string,
  deadline: number,
  tally: { retries412: number; statuses: Map<number, number> },
  onReply?: (r: Reply) => void,
): Promise<Ack | null> {
  let version: number | undefined
  while (Date.now() < deadline) {
    if (version === undefined) {
      const got = await client.request('GET', `/api/projects/${encodeURIComponent(id)}`)
      onReply?.(got)
      if (got.status !== 200) return null
      version = got.json.version as number
    }
    const r = await client.request('PATCH', `/api/projects/${encodeURIComponent(id)}`, { token, ifMatch: version, body: { notes, comment: `reliability: ${notes}` } })
    onReply?.(r)
    tally.statuses.set(r.status, (tally.statuses.get(r.status) ?? 0) + 1)
    if (r.status === 200) return { kind: 'patch', entity: 'projects', id, version: r.json.record.version, batch: r.json.batch, notes }
    if (r.status !== 412) return null
    tally.retries412++
    version = undefined
  }
  return null
}

/** Posts a new event (with its source) to a project; returns the acknowledged write or null. */
export async function postEvent(client: Client, token: string, project: string, label: string, onReply?: (r: Reply) => void): Promise<Ack | null> {
  const r = await client.request('POST', '/api/events', {
    token,
    body: { project, type: 'leader_visit', label, date: '2025-06', leader_present: true, source: loadSource, comment: `reliability: new event ${label}` },
  })
  onReply?.(r)
  if (r.status !== 201) return null
  return { kind: 'create', entity: 'events', id: r.json.record.id, version: r.json.record.version, batch: r.json.batch }
}

// ---------------------------------------------------------------------------------------------
// A large, valid import

export interface BigImport {
  /** sources.csv and claims.csv */
  files: Map<string, string>
  /** The same tables as a zip, the body of POST /api/import?format=csv. */
  zip: Uint8Array
  sources: number
  claims: number
}

/**
 * Generates `sources` new sources, each with `claimsPerSource` claims (field "other") about the
 * given projects: a large import that only adds records, in the CSV tables of the export format.
 */
export function bigImport(projects: string[], sources: number, claimsPerSource: number, tag = 'rel'): BigImport {
  const sourceTable = tableOfEntity('sources')
  const claimTable = tableOfEntity('claims')
  const sourceRows: string[][] = [sourceTable.columns.map((c) => c.name)]
  const claimRows: string[][] = [claimTable.columns.map((c) => c.name)]
  for (let s = 0; s < sources; s++) {
    const id = `${tag}-source-${String(s).padStart(5, '0')}`
    sourceRows.push(
      recordToRow(sourceTable, {
        id,
        kind: s % 3 === 0 ? 'state_media' : s % 3 === 1 ? 'news' : 'analysis',
        publisher: `Generated Publisher ${s % 17}`,
        title: `Generated report ${s} on regional factories — 지방공업공장 ${s}`,
        url: `https://example.org/reports/${tag}/${s}`,
        published: `2025-${String((s % 12) + 1).padStart(2, '0')}`,
        language: s % 2 ? 'en' : 'ko',
        archived_url: null,
        notes: 'Generated for the reliability tests.',
        attribution: null,
        licence: null,
      }),
    )
    for (let k = 0; k < claimsPerSource; k++) {
      const subject = projects[(s * claimsPerSource + k) % projects.length]!
      const value = `generated observation ${s}.${k}: "construction reported", line ${k}`
      const claim = { subject_type: 'project', subject_id: subject, field: 'other', value, source_id: id }
      claimRows.push(
        recordToRow(claimTable, { id: claimId(claim), ...claim, quote: `Quoted sentence number ${k} of report ${s}.`, said: null, rank: 'normal', reason: null, first_seen: null, last_seen: null }),
      )
    }
  }
  const files = new Map([
    ['sources.csv', stringify(sourceRows)],
    ['claims.csv', stringify(claimRows)],
  ])
  const zip = zipSync(Object.fromEntries([...files].map(([n, t]) => [n, strToU8(t)])))
  return { files, zip, sources, claims: sources * claimsPerSource }
}
