/** @module Queries on accounts: users, sessions, API tokens and failed logins (for rate limiting). */
import type { Kysely } from 'kysely'
import { ConflictError, NotFoundError } from '../model/errors.ts'
import type { DB } from './schema.ts'

export type Role = 'viewer' | 'editor' | 'admin'
export const roles: readonly Role[] = ['viewer', 'editor', 'admin']

export interface User {
  id: number
  name: string
  role: Role
  disabled: boolean
}

function toUser(row: { id: number; name: string; role: string; disabled_at: unknown }): User {
  return { id: row.id, name: row.name, role: row.role as Role, disabled: row.disabled_at !== null }
}

export async function createUser(db: Kysely<DB>, name: string, role: Role, passwordHash: string): Promise<User> {
  const existing = await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst()
  if (existing) throw new ConflictError(`a user named "${name}" already exists`)
  const row = await db.insertInto('users').values({ name, role, password_hash: passwordHash }).returningAll().executeTakeFirstOrThrow()
  return toUser(row)
}

export async function listUsers(db: Kysely<DB>): Promise<(User & { created_at: string })[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute()
  return rows.map((r) => ({ ...toUser(r), created_at: new Date(r.created_at).toISOString() }))
}

export async function userByName(db: Kysely<DB>, name: string): Promise<(User & { password_hash: string }) | null> {
  const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst()
  return row ? { ...toUser(row), password_hash: row.password_hash } : null
}

export async function setUserDisabled(db: Kysely<DB>, name: string, disabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? new Date().toISOString() : null, updated_at: new Date().toISOString() })
      .where('name', '=', name)
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
    const row = await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('name', '=', name).returning('id').executeTakeFirst()
    if (!row) throw new NotFoundError(`no user named "${name}"`)
    // A new password ends every session signed in with the old one.
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute()
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

export async function createToken(db: Kysely<DB>, id: string, userId: number, label: string, hash: string): Promise<void> {
  await db.insertInto('api_tokens').values({ id, user_id: userId, label, token_hash: hash }).execute()
}

export async function tokenUser(db: Kysely<DB>, id: string, hash: string): Promise<User | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.disabled_at', 'api_tokens.token_hash', 'api_tokens.revoked_at'])
    .where('api_tokens.id', '=', id)
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || row.disabled_at !== null || row.token_hash !== hash) return null
  return toUser(row)
}

export async function recordLoginFailure(db: Kysely<DB>, account: string, address: string): Promise<void> {
  await db.insertInto('login_failures').values({ account, address }).execute()
}

export async function recentLoginFailures(db: Kysely<DB>, account: string, address: string, sinceMs: number): Promise<{ account: number; address: number }> {
  const since = new Date(Date.now() - sinceMs).toISOString()
  const count = async (column: 'account' | 'address', value: string) =>
    Number(
      (
        await db
          .selectFrom('login_failures')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where(column, '=', value)
          .where('at', '>', since as never)
          .executeTakeFirstOrThrow()
      ).n,
    )
  return { account: await count('account', account), address: await count('address', address) }
}

export async function clearLoginFailures(db: Kysely<DB>, account: string): Promise<void> {
  await db.deleteFrom('login_failures').where('account', '=', account).execute()
}

export async function revokeToken(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute()
}
