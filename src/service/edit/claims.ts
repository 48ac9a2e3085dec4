/** @module Writing claims: adding one (with its source), changing its rank, quote or note, preferring it over competing claims. */
import type { Transaction } from 'kysely'
import { ClaimValue, type Claim } from '../../model/claim.ts'
import { InvalidInputError, NotFoundError, validRecord } from '../../model/errors.ts'
import { claimId } from '../../model/ids.ts'
import { ClaimSchema } from '../../model/claim.ts'
import type { DB } from '../../store/schema.ts'
import { insertRecord, readRecord, updateRecord, type RevisionContext } from '../../store/writes.ts'
import { z } from 'zod'
import { claimFields, claimRanks } from '../../model/vocab.ts'
import { entityOfSubject } from './subjects.ts'

export const ClaimCreate = z
  .strictObject({
    subject_type: z.enum(['program', 'locality', 'project', 'event', 'source']),
    subject_id: z.string().min(1).max(400),
    field: claimFields.schema,
    value: ClaimValue,
    source: z.string().min(1).max(160).optional().describe('Id of the source that asserts the value (required: no fact without a source).'),
    source_id: z.string().min(1).max(160).optional().describe('The same as `source` (the name responses use); give one of them.'),
    quote: z.string().max(600).nullish(),
    said: z.string().max(600).nullish(),
    rank: claimRanks.schema.default('normal'),
    reason: z.string().max(1000).nullish(),
    comment: z.string().max(500).optional(),
  })
  .meta({ id: 'ClaimCreate' })

export const ClaimPatch = z
  .object({ quote: z.string().max(600).nullish(), said: z.string().max(600).nullish(), rank: claimRanks.schema.optional(), reason: z.string().max(1000).nullish(), comment: z.string().max(500).optional() })
  .strict()
  .meta({ id: 'ClaimPatch' })

export async function requireSource(trx: Transaction<DB>, id: string | undefined | null): Promise<string> {
  if (!id) throw new InvalidInputError('source: a new fact needs a source — give the id of a recorded source (add the source first if it is new)', [{ path: 'body.source', message: 'required for a new fact' }])
  const s = await readRecord(trx, 'sources', id)
  if (!s || s.meta.deleted_at) throw new InvalidInputError(`source: unknown source "${id}" (add it first with POST /api/sources)`, [{ path: 'body.source', message: `unknown source "${id}"` }])
  return id
}

async function claimsOn(trx: Transaction<DB>, subjectType: string, subjectId: string, field: string): Promise<Claim[]> {
  const rows = await trx.selectFrom('claims').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).where('field', '=', field).where('deleted_at', 'is', null).execute()
  return rows as unknown as Claim[]
}

/** Makes `claim` the preferred one of its subject and field: others that were preferred become normal; an event's date follows. */
export async function preferClaim(trx: Transaction<DB>, claim: Claim, reason: string, ctx: RevisionContext): Promise<void> {
  if (!reason || reason.trim().length < 3) throw new InvalidInputError('reason: say why this claim is preferred', [{ path: 'body.reason', message: 'required' }])
  for (const other of await claimsOn(trx, claim.subject_type, claim.subject_id, claim.field)) {
    if (other.id !== claim.id && other.rank === 'preferred') await updateRecord(trx, 'claims', other.id, null, { rank: 'normal', reason: null }, ctx)
  }
  await updateRecord(trx, 'claims', claim.id, null, { rank: 'preferred', reason }, ctx)
  if (claim.subject_type === 'event' && claim.field === 'date') await updateRecord(trx, 'events', claim.subject_id, null, { date: claim.value }, ctx)
  if (claim.subject_type === 'event' && claim.field === 'leader_present') await updateRecord(trx, 'events', claim.subject_id, null, { leader_present: claim.value }, ctx)
}

export async function createClaim(trx: Transaction<DB>, input: z.infer<typeof ClaimCreate>, ctx: RevisionContext): Promise<Claim> {
  const subject = await readRecord(trx, entityOfSubject(input.subject_type), input.subject_id)
  if (!subject || subject.meta.deleted_at) throw new InvalidInputError(`subject_id: no ${input.subject_type} "${input.subject_id}"`, [{ path: 'body.subject_id', message: 'unknown record' }])
  const source_id = await requireSource(trx, input.source)
  const core = { subject_type: input.subject_type, subject_id: input.subject_id, field: input.field, value: input.value, source_id }
  const today = new Date().toISOString().slice(0, 10)
  const claim = validRecord(ClaimSchema, { id: claimId(core), ...core, quote: input.quote ?? null, said: input.said ?? null, rank: input.rank === 'preferred' ? 'normal' : input.rank, reason: input.rank === 'deprecated' ? (input.reason ?? null) : null, first_seen: today, last_seen: today })
  if (input.rank === 'deprecated' && !input.reason) throw new InvalidInputError('reason: a deprecated claim needs the reason', [{ path: 'body.reason', message: 'required' }])
  await insertRecord(trx, 'claims', claim, ctx)
  if (input.rank === 'preferred') await preferClaim(trx, claim, input.reason ?? ctx.comment, ctx)
  return ((await readRecord(trx, 'claims', claim.id))!.record as unknown) as Claim
}

export async function patchClaim(trx: Transaction<DB>, id: string, version: number | null, patch: z.infer<typeof ClaimPatch>, ctx: RevisionContext): Promise<Claim> {
  const { comment: _c, rank, ...fields } = patch
  const current = await readRecord(trx, 'claims', id)
  if (!current || current.meta.deleted_at) throw new NotFoundError(`no claim with id "${id}"`)
  if (rank === 'deprecated' && !(patch.reason ?? current.record.reason)) throw new InvalidInputError('reason: a deprecated claim needs the reason', [{ path: 'body.reason', message: 'required' }])
  const { stored } = await updateRecord(trx, 'claims', id, version, { ...fields, ...(rank && rank !== 'preferred' ? { rank } : {}) }, ctx)
  if (rank === 'preferred') await preferClaim(trx, stored.record as unknown as Claim, patch.reason ?? ctx.comment, ctx)
  return (await readRecord(trx, 'claims', id))!.record as unknown as Claim
}
