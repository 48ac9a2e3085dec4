/** @module Account operations shared by the API and the CLI: add users, reset passwords, disable, create, list and revoke tokens. */
import type { Kysely } from 'kysely'
import { InvalidInputError, NotFoundError } from '../model/errors.ts'
import { userNameProblem } from '../model/userName.ts'
export { listUsers, roles, type Role, type TokenInfo, type User } from '../store/accounts.ts'
import { createToken, createUser, listTokens, revokeToken, setPasswordHash, setUserDisabled, userByName, type Role, type TokenInfo, type User } from '../store/accounts.ts'
import type { DB } from '../store/schema.ts'
import { checkPasswordStrength, hashPassword, newSecret, sha256 } from './passwords.ts'
import { maxTokenDays } from '../model/accountRules.ts'

export { maxTokenDays }

/** Adds a user. The name is normalised (NFKC); one that looks like an existing name is refused (409). */
export async function createAccount(db: Kysely<DB>, name: string, role: Role, password: string): Promise<User> {
  const problem = userNameProblem(name)
  if (problem) throw new InvalidInputError(`name: ${problem}`, [{ path: 'name', message: 'invalid user name' }])
  checkPasswordStrength(password)
  return createUser(db, name, role, await hashPassword(password))
}

/** Sets a new password; the user's sessions end and their API tokens are revoked. */
export async function resetPassword(db: Kysely<DB>, name: string, password: string): Promise<void> {
  checkPasswordStrength(password)
  await setPasswordHash(db, name, await hashPassword(password))
}

export async function disableAccount(db: Kysely<DB>, name: string): Promise<void> {
  await setUserDisabled(db, name, true)
}

export interface TokenOptions {
  /** Days until the token stops working; 0 for never. The API and CLI pass the TRACKER_TOKEN_DAYS setting when the creator gives none. */
  days: number
}

/** A new token "trk_<8-char id>_<secret>"; only its hash is stored. Without options it lasts 90 days (the setting's default). */
export async function createApiToken(db: Kysely<DB>, userName: string, label: string, options: TokenOptions = { days: 90 }): Promise<string> {
  if (!Number.isInteger(options.days) || options.days < 0 || options.days > maxTokenDays) throw new InvalidInputError(`expires_in_days: a whole number of days from 0 (never) to ${maxTokenDays}`, [{ path: 'body.expires_in_days', message: `0 to ${maxTokenDays}` }])
  const user = await userByName(db, userName)
  if (!user) throw new NotFoundError(`no user named "${userName}"`)
  if (user.disabled) throw new InvalidInputError(`user ${userName} is disabled`)
  const id = newSecret().replace(/[^A-Za-z0-9]/g, '').slice(0, 8)
  const token = `trk_${id}_${newSecret()}`
  await createToken(db, id, user.id, label, sha256(token), options.days === 0 ? null : new Date(Date.now() + options.days * 86_400_000))
  return token
}

/** Tokens of one user (by name), or of everyone; never the secrets. */
export async function tokensOf(db: Kysely<DB>, userName?: string): Promise<TokenInfo[]> {
  if (userName === undefined) return listTokens(db)
  const user = await userByName(db, userName)
  if (!user) throw new NotFoundError(`no user named "${userName}"`)
  return listTokens(db, user.id)
}

/** Revokes a token by its id (the 8 characters after "trk_"); with `owner`, only a token of that user. */
export async function revokeApiToken(db: Kysely<DB>, id: string, owner?: Pick<User, 'id'>): Promise<void> {
  if (!(await revokeToken(db, id, owner?.id))) throw new NotFoundError(`no API token with id "${id}"${owner ? ' of yours' : ''}`)
}
