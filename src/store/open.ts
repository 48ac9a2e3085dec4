/**
 * @module Opens the store: PGlite in a data directory (the embedded default, one process at a
 * time) or PostgreSQL when DATABASE_URL is set. One SQL dialect, one set of migrations.
 */
import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Config } from '../config/config.ts'
import { ConfigError, UnavailableError } from '../model/errors.ts'
import { acquireDirLock, type DirLock } from './lock.ts'
import { PGliteDialect } from './pgliteDialect.ts'
import type { DB } from './schema.ts'

export const changeChannel = 'tracker_changes'

export interface Store {
  readonly db: Kysely<DB>
  readonly engine: 'pglite' | 'postgres'
  /** The data directory, or the PostgreSQL URL without its password. */
  readonly location: string
  readonly lock: DirLock | null
  /** Calls back when any process commits a write (NOTIFY on the change channel). */
  listen(onChange: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

export interface OpenOptions {
  /** Name of the command holding the data directory, shown to a second process. */
  command?: string
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}

/**
 * Creates the data directory private to its owner (700): the database files hold password and
 * token hashes. A directory left 755 by an older version is tightened when it is ours (empty, or
 * holding the database); a shared directory someone else chose is left as it is.
 */
function checkWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    fs.accessSync(dir, fs.constants.W_OK)
    const entries = fs.readdirSync(dir)
    if (entries.length === 0 || entries.includes('pgdata') || entries.includes('tracker.lock')) {
      if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ConfigError(`TRACKER_DATA_DIR=${dir} cannot be used: it is not a writable directory (${code})`)
  }
}

async function openPGlite(config: Config, options: OpenOptions): Promise<Store> {
  const dir = config.dataDir
  checkWritableDir(dir)
  const lock = acquireDirLock(dir, options.command ?? process.argv.slice(2).join(' '))
  let pglite: PGlite
  try {
    pglite = await PGlite.create(`${dir}/pgdata`)
  } catch (error) {
    lock.release()
    throw new UnavailableError(`cannot open the embedded database in ${dir}: ${(error as Error).message}`)
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  let closed = false
  return {
    db,
    engine: 'pglite',
    location: dir,
    lock,
    async listen(onChange) {
      const unlisten = await pglite.listen(changeChannel, onChange)
      return async () => {
        if (!closed) await unlisten()
      }
    },
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
      await pglite.close()
      lock.release()
    },
  }
}

function describePgError(error: unknown, where: string): string {
  const e = error as NodeJS.ErrnoException & { code?: string }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is PostgreSQL running there?)',
    ENOTFOUND: 'host not found',
    ETIMEDOUT: 'connection timed out',
    '28P01': 'password authentication failed',
    '28000': 'the user is not allowed to connect',
    '3D000': 'the database does not exist',
  }
  const reason = (e.code && reasons[e.code]) ?? (e.message || String(error))
  return `cannot connect to PostgreSQL at ${where} (DATABASE_URL): ${reason}`
}

async function openPostgres(url: string): Promise<Store> {
  const where = (() => {
    const u = new URL(url)
    return `${u.hostname || u.searchParams.get('host') || 'localhost'}:${u.port || 5432}${u.pathname}`
  })()
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 })
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  // Nor may a client in use: pg-pool listens for errors only on idle clients, and a checked-out
  // client whose server goes away between two queries (inside a transaction, or between Kysely
  // acquiring it and querying) emits 'error' with no listener — an uncaught exception that took
  // the whole server down when PostgreSQL was stopped under traffic (found by the reliability
  // tests). The next query on that client fails with "not queryable" (→ 503), and the pool drops
  // the client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}))
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end().catch(() => {})
    throw new ConfigError(describePgError(error, where))
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  const listeners = new Set<pg.Client>()
  let closed = false
  return {
    db,
    engine: 'postgres',
    location: redactUrl(url),
    lock: null,
    async listen(onChange) {
      const client = new pg.Client({ connectionString: url })
      client.on('error', () => {})
      client.on('notification', (n) => {
        if (n.channel === changeChannel) onChange(n.payload ?? '')
      })
      await client.connect()
      await client.query(`listen ${changeChannel}`)
      listeners.add(client)
      return async () => {
        listeners.delete(client)
        await client.end().catch(() => {})
      }
    },
    async close() {
      if (closed) return
      closed = true
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})))
      await db.destroy()
    },
  }
}

/**
 * Whether opening would create a new embedded database: the data directory has none yet (or does
 * not exist). False with PostgreSQL, and when the directory cannot be used (opening says why).
 */
export function isNewEmbeddedDatabase(config: Config): boolean {
  if (config.databaseUrl) return false
  try {
    if (!fs.statSync(config.dataDir).isDirectory()) return false
  } catch {
    return true
  }
  return !fs.existsSync(`${config.dataDir}/pgdata/PG_VERSION`)
}

export async function openStore(config: Config, options: OpenOptions = {}): Promise<Store> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite(config, options)
}

/** True when the error means the database could not be reached (as opposed to a bad query). */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'EPIPE' ||
    code === '57P01' || // admin shutdown
    code === '57P03' || // cannot connect now
    code === '08006' ||
    code === '08001' ||
    code === '08003' ||
    // "not queryable": a pooled client that lost its server (see openPostgres) was used again.
    /Connection terminated|timeout exceeded when trying to connect|is not queryable/i.test((error as Error)?.message ?? '')
  )
}

export async function ping(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db)
}
