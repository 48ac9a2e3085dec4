/** @module Account operations shared by the API and the CLI: add users, reset passwords, disable, create tokens. */
import type { Kysely } from 'kysely'
import { InvalidInputError, NotFoundError } from '../model/errors.ts'
export { listUsers, roles, type Role, type User } from '../store/accounts.ts'
import { createToken, createUser, setPasswordHash, setUserDisabled, userByName, type Role, type User } from '../store/accounts.ts'
import type { DB } from '../store/schema.ts'
import { checkPasswordStrength, hashPassword, newSecret, sha256 } from './passwords.ts'

export async function createAccount(db: Kysely<DB>, name: string, role: Role, password: string): Promise<User> {
  if (!/^[\p{L}\p{N}._@-]{1,100}$/u.test(name)) throw new InvalidInputError('name: letters, digits, ".", "_", "@" and "-" only (up to 100)', [{ path: 'name', message: 'invalid user name' }])
  checkPasswordStrength(password)
  return createUser(db, name, role, await hashPassword(password))
}

export async function resetPassword(db: Kysely<DB>, name: string, password: string): Promise<void> {
  checkPasswordStrength(password)
  await setPasswordHash(db, name, await hashPassword(password))
}

export async function disableAccount(db: Kysely<DB>, name: string): Promise<void> {
  await setUserDisabled(db, name, true)
}

/** A new token "trk_<8-char id>_<secret>"; only its hash is stored. */
export async function createApiToken(db: Kysely<DB>, userName: string, label: string): Promise<string> {
  const user = await userByName(db, userName)
  if (!user) throw new NotFoundError(`no user named "${userName}"`)
  if (user.disabled) throw new InvalidInputError(`user ${userName} is disabled`)
  const id = newSecret().replace(/[^A-Za-z0-9]/g, '').slice(0, 8)
  const token = `trk_${id}_${newSecret()}`
  await createToken(db, id, user.id, label, sha256(token))
  return token
}
