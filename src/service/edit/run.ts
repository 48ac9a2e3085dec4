/**
 * @module Runs one editorial change: validates the comment, opens one transaction, lets the
 * change write its records (each with a revision, all in one batch), bumps the data version,
 * and refreshes the read model. If anything fails, nothing is written.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { InvalidInputError } from '../../model/errors.ts'
import type { User } from '../../store/accounts.ts'
import type { DB } from '../../store/schema.ts'
import type { RevisionContext } from '../../store/writes.ts'
import { bumpDataVersion } from '../../store/version.ts'
import type { Tracker } from '../tracker.ts'

export interface WriteResult<T> {
  result: T
  batch: string
  data_version: number
}

export function checkComment(comment: string | undefined): string {
  const c = (comment ?? '').trim()
  if (c.length < 3) throw new InvalidInputError('comment: say in a few words why you make this change (required)', [{ path: 'body.comment', message: 'required: why this change' }])
  return c.slice(0, 500)
}

export async function runWrite<T>(
  tracker: Tracker,
  user: Pick<User, 'name'>,
  comment: string | undefined,
  fn: (trx: Transaction<DB>, ctx: RevisionContext) => Promise<T>,
  options: { source_id?: string | null; reverts?: number | null; proposal_id?: number | null } = {},
): Promise<WriteResult<T>> {
  const ctx: RevisionContext = { actor: user.name, comment: checkComment(comment), batch: randomUUID(), source_id: options.source_id ?? null, reverts: options.reverts ?? null, proposal_id: options.proposal_id ?? null }
  const out = await tracker.store.db.transaction().execute(async (trx) => {
    const result = await fn(trx, ctx)
    const data_version = await bumpDataVersion(trx)
    return { result, data_version }
  })
  tracker.readModel.invalidate()
  return { ...out, batch: ctx.batch }
}

/** Parses If-Match ("3", "\"3\"" or W/"3") into a version number; null when absent. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '') return null
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
  if (!m) throw new InvalidInputError(`If-Match: expected the record's version number, e.g. If-Match: "3" (got ${header.slice(0, 40)})`, [{ path: 'header.if-match', message: 'expected a version number' }])
  return Number(m[1])
}
