/**
 * @module Numbered SQL migrations (migrations/NNN_name.sql), applied in order, each in its own
 * transaction, recorded in schema_migrations. An advisory lock keeps two instances starting at
 * once on one PostgreSQL from applying the same migration twice.
 */
import fs from 'node:fs'
import { sql, type Kysely } from 'kysely'
import type { DB } from './schema.ts'

export interface Migration {
  version: number
  name: string
  sql: string
}

const dir = new URL('./migrations/', import.meta.url)
const lockKey = 2_010_202_4

let migrations: Migration[] | null = null

/** The migration files, read once per process (they do not change while it runs; /api/health asks on every call). */
export function listMigrations(): Migration[] {
  return (migrations ??= fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: fs.readFileSync(new URL(file, dir), 'utf8'),
    })))
}

async function ensureTable(db: Kysely<DB>): Promise<void> {
  await sql`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`.execute(db)
}

async function appliedVersions(db: Kysely<DB>): Promise<Map<number, { name: string; applied_at: string }>> {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(db)
  if (!exists.rows[0]?.t) return new Map()
  const rows = await db.selectFrom('schema_migrations').select(['version', 'name', 'applied_at']).orderBy('version').execute()
  return new Map(rows.map((r) => [r.version, { name: r.name, applied_at: new Date(r.applied_at).toISOString() }]))
}

export interface MigrationStatus {
  current: number
  latest: number
  applied: { version: number; name: string; applied_at: string }[]
  pending: { version: number; name: string }[]
}

export async function migrationStatus(db: Kysely<DB>): Promise<MigrationStatus> {
  const all = listMigrations()
  const applied = await appliedVersions(db)
  return {
    current: Math.max(0, ...applied.keys()),
    latest: Math.max(0, ...all.map((m) => m.version)),
    applied: [...applied].map(([version, a]) => ({ version, ...a })),
    pending: all.filter((m) => !applied.has(m.version)).map(({ version, name }) => ({ version, name })),
  }
}

/**
 * Takes the migrations' advisory lock for this session (a connection), for work that must not
 * run twice at once across instances, such as loading the bundled data into an empty database.
 * Run migrate() on the same connection while holding it: a session may take its own lock again.
 */
export async function lockMigrations(conn: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_lock(${lockKey})`.execute(conn)
}

export async function unlockMigrations(conn: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_unlock(${lockKey})`.execute(conn)
}

/** Applies pending migrations; returns the ones applied now. */
export async function migrate(db: Kysely<DB>): Promise<Migration[]> {
  await ensureTable(db)
  const done: Migration[] = []
  for (const migration of listMigrations()) {
    const applied = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx)
      const seen = await trx.selectFrom('schema_migrations').select('version').where('version', '=', migration.version).executeTakeFirst()
      if (seen) return false
      await sql.raw(migration.sql).execute(trx)
      await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute()
      return true
    })
    if (applied) done.push(migration)
  }
  return done
}
