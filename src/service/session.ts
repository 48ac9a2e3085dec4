/**
 * @module Signing in and out, and who a request comes from: name + password → a session (its
 * secret for the cookie and a CSRF token); a session cookie or an API token → the user.
 *
 * Sign-in attempts are limited per account *and* address, per address, and per account, with
 * a growing wait instead of a hard lock: a stranger's wrong passwords from one address slow down
 * that address only, so the owner can still sign in from elsewhere. Each attempt is reserved in
 * the database before the (slow) password check, so concurrent attempts cannot overtake the
 * limit, also across instances sharing one PostgreSQL.
 */
import { TooManyRequestsError, UnauthorizedError } from '../model/errors.ts'
import { userNameKey } from '../model/userName.ts'
import {
  createSession,
  deleteSession,
  pruneLoginAttempts,
  reserveLoginAttempt,
  sessionUser,
  settleLoginAttempt,
  tokenById,
  userByName,
  type AttemptCount,
  type AttemptCounts,
  type User,
} from '../store/accounts.ts'
import { newSecret, sameSecret, sha256, verifyPasswordOrDummy } from './passwords.ts'
import type { Tracker } from './tracker.ts'

export type { Role, User } from '../store/accounts.ts'

export const loginLimits = {
  /** Attempts older than this no longer count. */
  windowMs: 15 * 60_000,
  /** Free attempts for one account from one address within the window… */
  perPair: 5,
  /** …from one address over all accounts (guessing many names)… */
  perAddress: 20,
  /** …and on one account over all addresses (a distributed guess; high, so strangers cannot easily lock an owner out). */
  perAccount: 100,
  /** Past a limit, the next attempt waits this long after the previous one, doubling with each further attempt… */
  backoffMs: 30_000,
  /** …up to this. */
  maxBackoffMs: 15 * 60_000,
}
export const sessionTtlMs = 14 * 24 * 3600_000

export interface SignedIn {
  user: User
  /** Goes into the HttpOnly cookie; only its hash is stored. */
  secret: string
  csrf: string
}

function waitFor({ count, last }: AttemptCount, limit: number, now: number): number {
  if (count < limit) return 0
  const backoff = Math.min(loginLimits.backoffMs * 2 ** Math.min(count - limit, 20), loginLimits.maxBackoffMs)
  return Math.max(0, last + backoff - now)
}

/** How long (ms) the next attempt must wait given the attempts so far; 0 when it may go ahead. */
export function signInWait(counts: AttemptCounts, now = Date.now()): number {
  return Math.max(waitFor(counts.pair, loginLimits.perPair, now), waitFor(counts.address, loginLimits.perAddress, now), waitFor(counts.account, loginLimits.perAccount, now))
}

let lastPrune = 0

export async function signIn(tracker: Tracker, name: string, password: string, from: string, log?: { warn(m: string): void }): Promise<SignedIn> {
  const db = tracker.store.db
  const arrivedAt = new Date()
  const account = userNameKey(name).slice(0, 200)
  if (Date.now() - lastPrune > 60_000) {
    lastPrune = Date.now()
    await pruneLoginAttempts(db, loginLimits.windowMs * 2)
  }
  const reserved = await reserveLoginAttempt(db, account, from, loginLimits.windowMs, (counts) => signInWait(counts), arrivedAt)
  if ('waitMs' in reserved) {
    const seconds = Math.max(1, Math.ceil(reserved.waitMs / 1000))
    throw new TooManyRequestsError(`too many failed sign-in attempts; try again in ${seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}`, seconds)
  }
  let ok = false
  let user: Awaited<ReturnType<typeof userByName>> = null
  try {
    user = await userByName(db, name)
    // The same scrypt work whether or not the account exists (or is disabled).
    ok = (await verifyPasswordOrDummy(password, user?.password_hash ?? null)) && user !== null && !user.disabled
  } finally {
    await settleLoginAttempt(db, reserved.id, ok)
  }
  if (!ok || !user) {
    log?.warn(`failed sign-in for "${name.slice(0, 100)}" from ${from}`)
    throw new UnauthorizedError('wrong name or password')
  }
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

/** The user an API token belongs to, or null (unknown, revoked, expired, or the user is disabled). */
export async function userOfToken(tracker: Tracker, token: string): Promise<User | null> {
  const parts = tokenParts(token)
  if (!parts) return null
  const row = await tokenById(tracker.store.db, parts.id)
  if (!row || !sameSecret(row.tokenHash, sha256(token))) return null
  if (row.revoked || row.user.disabled || (row.expiresAt !== null && row.expiresAt.getTime() <= Date.now())) return null
  return row.user
}

/** The user and CSRF token of a session cookie's secret, or null. */
export async function userOfSession(tracker: Tracker, secret: string): Promise<{ user: User; csrf: string; sessionId: string } | null> {
  const id = sha256(secret)
  const found = await sessionUser(tracker.store.db, id)
  return found ? { ...found, sessionId: id } : null
}

/** True when `sent` is the session's CSRF token; compared in constant time. */
export function csrfMatches(sent: string | undefined, expected: string | null): boolean {
  return expected !== null && sameSecret(sent, expected)
}
