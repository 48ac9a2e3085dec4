/**
 * @module Signing in and out, and who a request comes from: name + password → a session (its
 * secret for the cookie and a CSRF token); a session cookie or an API token → the user. Failed
 * sign-ins are counted per account and per address; past the limit the answer is "wait".
 */
import { TooManyRequestsError, UnauthorizedError } from '../model/errors.ts'
import { clearLoginFailures, createSession, deleteSession, recentLoginFailures, recordLoginFailure, sessionUser, tokenUser, userByName, type User } from '../store/accounts.ts'
import { newSecret, sha256, verifyPassword } from './passwords.ts'
import type { Tracker } from './tracker.ts'

export type { Role, User } from '../store/accounts.ts'

export const loginLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 }
export const sessionTtlMs = 14 * 24 * 3600_000

export interface SignedIn {
  user: User
  /** Goes into the HttpOnly cookie; only its hash is stored. */
  secret: string
  csrf: string
}

export async function signIn(tracker: Tracker, name: string, password: string, from: string, log?: { warn(m: string): void }): Promise<SignedIn> {
  const db = tracker.store.db
  const failures = await recentLoginFailures(db, name, from, loginLimits.windowMs)
  if (failures.account >= loginLimits.perAccount || failures.address >= loginLimits.perAddress) {
    throw new TooManyRequestsError('too many failed sign-in attempts; try again in 15 minutes', Math.ceil(loginLimits.windowMs / 1000))
  }
  const user = await userByName(db, name)
  const ok = user !== null && !user.disabled && (await verifyPassword(password, user.password_hash))
  if (!ok || !user) {
    await recordLoginFailure(db, name, from)
    log?.warn(`failed sign-in for "${name.slice(0, 100)}" from ${from}`)
    throw new UnauthorizedError('wrong name or password')
  }
  await clearLoginFailures(db, name)
  const secret = newSecret()
  const csrf = newSecret()
  await createSession(db, sha256(secret), user.id, csrf, sessionTtlMs)
  const { password_hash: _h, ...plain } = user
  return { user: plain, secret, csrf }
}

export async function signOut(tracker: Tracker, sessionId: string): Promise<void> {
  await deleteSession(tracker.store.db, sessionId)
}

/** Splits "trk_<id>_<secret>" into its public id; null when it is not of that form. */
export function tokenParts(token: string): { id: string } | null {
  const m = /^trk_([A-Za-z0-9]{8})_[A-Za-z0-9_-]{20,}$/.exec(token)
  return m ? { id: m[1]! } : null
}

/** The user an API token belongs to, or null (unknown, revoked, or the user is disabled). */
export async function userOfToken(tracker: Tracker, token: string): Promise<User | null> {
  const parts = tokenParts(token)
  return parts ? tokenUser(tracker.store.db, parts.id, sha256(token)) : null
}

/** The user and CSRF token of a session cookie's secret, or null. */
export async function userOfSession(tracker: Tracker, secret: string): Promise<{ user: User; csrf: string; sessionId: string } | null> {
  const id = sha256(secret)
  const found = await sessionUser(tracker.store.db, id)
  return found ? { ...found, sessionId: id } : null
}
