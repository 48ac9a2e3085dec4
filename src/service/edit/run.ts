/**
 * @module Runs one editorial change: validates the comment, opens one transaction, lets the
 * change write its records (each with a revision, all in one batch), checks the data as it then
 * stands against the rules of `tracker validate`, bumps the data version, and tells the read
 * model which batch to patch its snapshot with. If anything fails, nothing is written.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { InvalidInputError } from '../../model/errors.ts'
import type { User } from '../../store/accounts.ts'
import type { DB } from '../../store/schema.ts'
import type { RevisionContext } from '../../store/writes.ts'
import { bumpDataVersion } from '../../store/version.ts'
import type { Tracker } from '../tracker.ts'
import { checkIntegrity } from './integrity.ts'
import type { FindingsState } from '../../model/findings.ts'
import { today } from '../../model/partialDate.ts'

/**
 * The findings of `tracker validate` over the data as the last few writes here left it (per
 * tracker, by data version): the next write, starting from one of those versions, compares
 * against them instead of validating the data before it once more (a pass of seconds at 100×).
 * Several, not only the last: concurrent editors start from snapshots a version or two behind.
 */
const recentFindings = new WeakMap<Tracker, Map<number, { today: string; findings: FindingsState }>>()
const findingsKept = 4

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
  const day = tracker.config.today ?? today()
  const ctx: RevisionContext = { actor: user.name, comment: checkComment(comment), batch: randomUUID(), source_id: options.source_id ?? null, reverts: options.reverts ?? null, proposal_id: options.proposal_id ?? null }
  // Taken before the transaction: the read model reads through the same (PGlite: only) connection.
  const before = await tracker.readModel.current()
  let recent = recentFindings.get(tracker)
  if (!recent) recentFindings.set(tracker, (recent = new Map()))
  const last = recent.get(before.version)
  const known = last && last.today === day ? last.findings : null
  const out = await tracker.store.db.transaction().execute(async (trx) => {
    const result = await fn(trx, ctx)
    const findings = await checkIntegrity(trx, before, ctx.batch, day, known, (from, to) => tracker.readModel.batchesBetween(from, to))
    const data_version = await bumpDataVersion(trx, ctx.batch)
    return { result, data_version, findings }
  })
  // Committed: the findings are those of the data at this version, where the next write starts.
  recent.set(out.data_version, { today: day, findings: out.findings })
  for (const v of recent.keys()) if (recent.size > findingsKept) recent.delete(v)
  tracker.readModel.written(out.data_version, ctx.batch)
  return { result: out.result, data_version: out.data_version, batch: ctx.batch }
}

/** What an If-Match header asks for: a record version, any current version ("*"), or a tag no version can match. */
export type Precondition = { version: number } | 'any' | 'never'

/**
 * Parses If-Match (RFC 9110): "*", or one or more entity tags. The record tag a GET returns
 * ("v3-…", strong) and the bare version ("3", 3, W/"3") name version 3; any other well-formed
 * tag — a list endpoint's data-version tag W/"d12", a made-up "abc" — matches no record version
 * and so fails the precondition (412), it is not bad input. Null when the header is absent.
 * Only the version is compared: the rest of a record tag tells caches when what the page shows
 * beside the record (its events, its claims) changed, and that does not make an edit stale.
 */
export function parseIfMatch(header: string | undefined): Precondition | null {
  if (header === undefined || header.trim() === '') return null
  const value = header.trim()
  if (value === '*') return 'any'
  if (/^\d{1,9}$/.test(value)) return { version: Number(value) }
  const tags = value.length <= 1000 ? value.split(',').map((t) => t.trim()) : []
  const versions: number[] = []
  for (const tag of tags) {
    const m = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/.exec(tag)
    if (!m) {
      throw new InvalidInputError(`If-Match: expected the ETag of the record (as GET returned it) or its version, e.g. If-Match: "3" (got ${header.slice(0, 40)})`, [
        { path: 'header.if-match', message: 'expected an entity tag or a version number' },
      ])
    }
    const v = /^(?:v(\d{1,9})-[0-9a-f]+|(\d{1,9}))$/.exec(m[2]!)
    if (v) versions.push(Number(v[1] ?? v[2]))
  }
  // One version is what a form sends; a list naming several cannot tell which the editor saw.
  const distinct = [...new Set(versions)]
  return distinct.length === 1 ? { version: distinct[0]! } : 'never'
}

/** The version to check a write against: null for "*" (any), -1 for a tag that cannot match (the write answers 412). */
export function expectedVersion(p: Precondition): number | null {
  return p === 'any' ? null : p === 'never' ? -1 : p.version
}
