/** @module Queries on accounts: users, sessions, API tokens and sign-in attempts (for rate limiting). */
import { sql, type Kysely } from 'kysely'
import { ConflictError, NotFoundError } from '../model/errors.ts'
import { userNameKey, userNameSkeleton } from '../model/userName.ts'
import type { DB } from './schema.ts'

import type { Role } from '../model/accountRules.ts'
export { roles, type Role } from '../model/accountRules.ts'

export interface User {
  id: number
  name: string
  role: Role
  disabled: boolean
}

function toUser(row: { id: number; name: string; role: string; disabled_at: unknown }): User {
  return { id: row.id, name: row.name, role: row.role as Role, disabled: row.disabled_at !== null }
}

/** Adds a user unless one with a look-alike name exists (same skeleton); serialised so two look-alikes cannot slip in at once. */
export async function createUser(db: Kysely<DB>, name: string, role: Role, passwordHash: string): Promise<User> {
  const display = name.normalize('NFKC')
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${usersLockKey})`.execute(trx)
    const skeleton = userNameSkeleton(display)
    const clash = (await trx.selectFrom('users').select('name').execute()).find((u) => userNameSkeleton(u.name) === skeleton)
    if (clash) {
      throw new ConflictError(
        clash.name === display ? `a user named "${display}" already exists` : `the name "${display}" looks like the existing user "${clash.name}": choose a name that cannot be mistaken for it`,
        [{ path: 'body.name', message: `looks like "${clash.name}"` }],
      )
    }
    const row = await trx.insertInto('users').values({ name: display, name_key: userNameKey(display), role, password_hash: passwordHash }).returningAll().executeTakeFirstOrThrow()
    return toUser(row)
  })
}

const usersLockKey = 2_010_202_5

export async function listUsers(db: Kysely<DB>): Promise<(User & { created_at: string })[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute()
  return rows.map((r) => ({ ...toUser(r), created_at: new Date(r.created_at).toISOString() }))
}

/** The user a typed name means: by its normalised key ("ALICE" is alice), or by the exact stored name. */
export async function userByName(db: Kysely<DB>, name: string): Promise<(User & { password_hash: string }) | null> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('name_key', '=', userNameKey(name)), eb('name', '=', name)]))
    .orderBy('id')
    .execute()
  // Names that differ only in case can predate normalisation: the exact one wins.
  const row = rows.find((r) => r.name === name) ?? rows[0]
  return row ? { ...toUser(row), password_hash: row.password_hash } : null
}

export async function setUserDisabled(db: Kysely<DB>, name: string, disabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? new Date().toISOString() : null, updated_at: new Date().toISOString() })
      .where('id', '=', (await userByName(trx, name))?.id ?? -1)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw new NotFoundError(`no user named "${name}"`)
    if (disabled) {
      await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute()
      await trx.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', row.id).where('revoked_at', 'is', null).execute()
    }
  })
}

export async function setPasswordHash(db: Kysely<DB>, name: string, hash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: new Date().toISOString() })
      .where('id', '=', (await userByName(trx, name))?.id ?? -1)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw new NotFoundError(`no user named "${name}"`)
    // A new password ends every session and API token made under the old one: a reset is what
    // one does after a leak, and a token that outlives it would keep the leak open.
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute()
    await trx.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', row.id).where('revoked_at', 'is', null).execute()
  })
}

export async function createSession(db: Kysely<DB>, id: string, userId: number, csrf: string, ttlMs: number): Promise<void> {
  await db.insertInto('sessions').values({ id, user_id: userId, csrf_token: csrf, expires_at: new Date(Date.now() + ttlMs).toISOString() }).execute()
}

export async function sessionUser(db: Kysely<DB>, id: string): Promise<{ user: User; csrf: string } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.disabled_at', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row || new Date(row.expires_at).getTime() < Date.now() || row.disabled_at !== null) return null
  return { user: toUser(row), csrf: row.csrf_token }
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function createToken(db: Kysely<DB>, id: string, userId: number, label: string, hash: string, expiresAt: Date | null): Promise<void> {
  await db.insertInto('api_tokens').values({ id, user_id: userId, label, token_hash: hash, expires_at: expiresAt?.toISOString() ?? null }).execute()
}

export interface TokenRow {
  user: User
  tokenHash: string
  revoked: boolean
  expiresAt: Date | null
}

/** A token by its public id, with the stored hash: the caller compares it (in constant time) and checks the dates. */
export async function tokenById(db: Kysely<DB>, id: string): Promise<TokenRow | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.disabled_at', 'api_tokens.token_hash', 'api_tokens.revoked_at', 'api_tokens.expires_at'])
    .where('api_tokens.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return { user: toUser(row), tokenHash: row.token_hash, revoked: row.revoked_at !== null, expiresAt: row.expires_at === null ? null : new Date(row.expires_at) }
}

export interface TokenInfo {
  id: string
  user: string
  label: string
  created_at: string
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString())

/** Tokens (never their secrets), newest first; of one user when `userId` is given. */
export async function listTokens(db: Kysely<DB>, userId?: number): Promise<TokenInfo[]> {
  let q = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'users.name', 'api_tokens.label', 'api_tokens.created_at', 'api_tokens.expires_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id')
  if (userId !== undefined) q = q.where('api_tokens.user_id', '=', userId)
  const rows = await q.execute()
  return rows.map((r) => ({ id: r.id, user: r.name, label: r.label, created_at: iso(r.created_at)!, expires_at: iso(r.expires_at), last_used_at: iso(r.last_used_at), revoked_at: iso(r.revoked_at) }))
}

/** Revokes a token (of `userId` only, when given); false when there is no such token. Revoking twice is fine. */
export async function revokeToken(db: Kysely<DB>, id: string, userId?: number): Promise<boolean> {
  let q = db.updateTable('api_tokens').set({ revoked_at: sql`coalesce(revoked_at, now())` }).where('id', '=', id)
  if (userId !== undefined) q = q.where('user_id', '=', userId)
  const rows = await q.returning('id').execute()
  return rows.length > 0
}

// ---------------------------------------------------------------------------------------------
// Sign-in attempts

export interface AttemptCount {
  /** Reservations and failures within the window. */
  count: number
  /** When the latest of them was made (ms since the epoch), 0 when none. */
  last: number
}

export interface AttemptCounts {
  pair: AttemptCount
  account: AttemptCount
  address: AttemptCount
}

/**
 * Reserves one sign-in attempt for (account, address) before the password is checked, unless
 * `wait(counts)` says to wait (ms > 0). The counts and the insert happen under advisory locks on
 * the account and on the address, so concurrent attempts — on this or another instance using
 * the same PostgreSQL — see each other's reservations. A success settled after `arrivedAt` (while
 * this attempt waited for the locks) still counts, so a burst gets no more checks than the limit.
 */
export async function reserveLoginAttempt(
  db: Kysely<DB>,
  account: string,
  address: string,
  windowMs: number,
  wait: (counts: AttemptCounts) => number,
  arrivedAt: Date = new Date(),
): Promise<{ id: number } | { waitMs: number }> {
  return db.transaction().execute(async (trx) => {
    // Both locks, always in the same order, so two requests cannot each hold one and wait for the other.
    const keys = await sql<{ a: string; b: string }>`select hashtextextended(${`account:${account}`}, 0)::text as a, hashtextextended(${`address:${address}`}, 0)::text as b`.execute(trx)
    const [first, second] = [BigInt(keys.rows[0]!.a), BigInt(keys.rows[0]!.b)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    await sql`select pg_advisory_xact_lock(${String(first)}::bigint)`.execute(trx)
    if (second !== first) await sql`select pg_advisory_xact_lock(${String(second)}::bigint)`.execute(trx)
    const since = new Date(Date.now() - windowMs).toISOString()
    const arrived = arrivedAt.toISOString()
    const rows = await sql<{ scope: string; n: string; last: Date | string | null }>`
      with counted as (select account, address, at from login_attempts where at > ${since} and (outcome <> 'ok' or at >= ${arrived}))
      select 'pair' as scope, count(*)::text as n, max(at) as last from counted where account = ${account} and address = ${address}
      union all select 'account', count(*)::text, max(at) from counted where account = ${account}
      union all select 'address', count(*)::text, max(at) from counted where address = ${address}`.execute(trx)
    const counts = Object.fromEntries(rows.rows.map((r) => [r.scope, { count: Number(r.n), last: r.last === null ? 0 : new Date(r.last).getTime() }])) as unknown as AttemptCounts
    const waitMs = wait(counts)
    if (waitMs > 0) return { waitMs }
    const row = await trx.insertInto('login_attempts').values({ account, address }).returning('id').executeTakeFirstOrThrow()
    return { id: row.id }
  })
}

/**
 * Settles a reservation: a failure stays counted until it ages out; a success becomes 'ok',
 * stamped now, and counts only for attempts that arrived before that (see reserveLoginAttempt).
 * (Clearing the earlier failures on success, or the success's own row, would let attempts of the
 * same burst waiting for the locks be checked too: more checks than the limit.)
 */
export async function settleLoginAttempt(db: Kysely<DB>, id: number, ok: boolean): Promise<void> {
  if (ok) await db.updateTable('login_attempts').set({ outcome: 'ok', at: new Date().toISOString() } as never).where('id', '=', id).execute()
  else await db.updateTable('login_attempts').set({ outcome: 'failed' }).where('id', '=', id).execute()
}

/** Forgets attempts older than `olderThanMs` (they no longer count). */
export async function pruneLoginAttempts(db: Kysely<DB>, olderThanMs: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', new Date(Date.now() - olderThanMs).toISOString() as never).execute()
}
