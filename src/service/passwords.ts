/**
 * @module Password and token hashing. Passwords: scrypt (memory-hard, from node:crypto) with a
 * random salt, stored as "scrypt$N$r$p$salt$hash". Tokens and session ids: random 32 bytes,
 * stored as a SHA-256 hash (they are long and random, so a fast hash is enough).
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { InvalidInputError } from '../model/errors.ts'

const N = 2 ** 15
const r = 8
const p = 1
const keyLength = 32

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export const minPasswordLength = 10

export function checkPasswordStrength(password: string): void {
  if (password.length < minPasswordLength) throw new InvalidInputError(`the password must have at least ${minPasswordLength} characters`)
  if (password.length > 1024) throw new InvalidInputError('the password is longer than 1024 characters')
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, { N, r, p })
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(rr), p: Number(pp) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * A stored hash no password matches, with the same parameters as real ones: checking a password
 * against it costs what checking a real account costs, so an unknown name answers no faster
 * than a known one (usernames cannot be found by timing).
 */
const unmatchable = `scrypt$${N}$${r}$${p}$${randomBytes(16).toString('base64url')}$${randomBytes(keyLength).toString('base64url')}`

/** Checks `password` against `stored`, or — when there is no account — against a hash that never matches, at the same cost. */
export async function verifyPasswordOrDummy(password: string, stored: string | null): Promise<boolean> {
  const ok = await verifyPassword(password, stored ?? unmatchable)
  return stored !== null && ok
}

/** Compares two secrets (CSRF tokens, token hashes) in time that does not depend on where they differ. */
export function sameSecret(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false
  // Hashing first gives equal lengths, so not even the length of the expected value leaks.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
}

/** A random secret for a cookie or an API token. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
