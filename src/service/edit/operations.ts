/**
 * @module The editorial operations people run on the record, each one transaction with its
 * revisions: create, change, delete, restore, prefer a claim, merge, revert, and a record's
 * history. api/ and cli/ call these; none of them knows about HTTP.
 */
import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Claim } from '../../model/claim.ts'
import type { EntityName } from '../../model/dataset.ts'
import { NotFoundError } from '../../model/errors.ts'
import type { User } from '../../store/accounts.ts'
import { historyOf, type RevisionRow } from '../../store/revisions.ts'
import type { DB } from '../../store/schema.ts'
import { readRecord, updateRecord, type RevisionContext, type StoredRecord } from '../../store/writes.ts'
import type { Tracker } from '../tracker.ts'
import { ClaimCreate, ClaimPatch, createClaim, patchClaim, preferClaim } from './claims.ts'
import {
  createEvent,
  createProject,
  createSimple,
  deleteRecord,
  EventCreate,
  EventPatch,
  LocalityCreate,
  LocalityPatch,
  mergeLocalities,
  mergeSources,
  patchEvent,
  patchProject,
  ProjectCreate,
  ProjectPatch,
  aliased,
  restoreDeleted,
  SourceCreate,
  SourcePatch,
} from './records.ts'
import { revertRevision } from './revert.ts'
import { runWrite, type WriteResult } from './run.ts'

export type { StoredRecord } from '../../store/writes.ts'
export type { RevisionRow } from '../../store/revisions.ts'
export type { WriteResult } from './run.ts'
export { expectedVersion, parseIfMatch, type Precondition } from './run.ts'

type Editor = Pick<User, 'name'>

export interface EditableEntity {
  entity: EntityName
  /** The URL segment and the word people use. */
  path: string
  type: string
  create: z.ZodType
  patch: z.ZodType
  doCreate: (trx: Transaction<DB>, input: any, ctx: RevisionContext) => Promise<StoredRecord>
  doPatch: (trx: Transaction<DB>, id: string, version: number | null, input: any, ctx: RevisionContext) => Promise<StoredRecord>
}

/** Every kind of record an editor can create and change, with the shapes of those requests. */
export const editableEntities: EditableEntity[] = [
  { entity: 'projects', path: 'projects', type: 'project', create: ProjectCreate, patch: ProjectPatch, doCreate: createProject, doPatch: patchProject },
  { entity: 'events', path: 'events', type: 'event', create: EventCreate, patch: EventPatch, doCreate: createEvent, doPatch: patchEvent },
  {
    entity: 'sources',
    path: 'sources',
    type: 'source',
    create: SourceCreate,
    patch: SourcePatch,
    doCreate: (trx, input, ctx) => createSimple(trx, 'sources', input, ctx),
    doPatch: async (trx, id, version, { comment: _c, ...patch }, ctx) => (await updateRecord(trx, 'sources', id, version, patch, ctx)).stored,
  },
  {
    entity: 'localities',
    path: 'localities',
    type: 'locality',
    create: LocalityCreate,
    patch: LocalityPatch,
    doCreate: (trx, input, ctx) => createSimple(trx, 'localities', input, ctx),
    doPatch: async (trx, id, version, { comment: _c, ...patch }, ctx) => (await updateRecord(trx, 'localities', id, version, patch, ctx)).stored,
  },
  {
    entity: 'claims',
    path: 'claims',
    type: 'claim',
    create: ClaimCreate,
    patch: ClaimPatch,
    doCreate: async (trx, input, ctx) => {
      const { source_id: _alias, ...rest } = input
      return (await readRecord(trx, 'claims', (await createClaim(trx, { ...rest, source: aliased(input, 'source', 'source_id') }, ctx)).id))!
    },
    doPatch: async (trx, id, version, input, ctx) => (await readRecord(trx, 'claims', (await patchClaim(trx, id, version, input, ctx)).id))!,
  },
]

type Input = { comment?: string; source?: string }

export function createRecord(tracker: Tracker, user: Editor, e: EditableEntity, input: Input): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, input.comment, (trx, ctx) => e.doCreate(trx, input, ctx), { source_id: input.source ?? null })
}

export function changeRecord(tracker: Tracker, user: Editor, e: EditableEntity, id: string, version: number | null, input: Input): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, input.comment, (trx, ctx) => e.doPatch(trx, id, version, input, ctx), { source_id: input.source ?? null })
}

export function removeRecord(tracker: Tracker, user: Editor, entity: EntityName, id: string, version: number | null, comment: string): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, comment, (trx, ctx) => deleteRecord(trx, entity, id, version, ctx))
}

export function restoreRecord(tracker: Tracker, user: Editor, entity: EntityName, id: string, comment: string): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, comment, (trx, ctx) => restoreDeleted(trx, entity, id, ctx))
}

export function preferClaimOp(tracker: Tracker, user: Editor, id: string, reason: string, comment?: string): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, comment ?? reason, async (trx, ctx) => {
    const claim = await readRecord(trx, 'claims', id)
    if (!claim || claim.meta.deleted_at) throw new NotFoundError(`no claim with id "${id}"`)
    await preferClaim(trx, claim.record as unknown as Claim, reason, ctx)
    return (await readRecord(trx, 'claims', id))!
  })
}

export const mergeable = { localities: mergeLocalities, sources: mergeSources } as const

export function mergeRecords(tracker: Tracker, user: Editor, kind: keyof typeof mergeable, from: string, into: string, comment: string): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, comment, (trx, ctx) => mergeable[kind](trx, from, into, ctx))
}

export function revert(tracker: Tracker, user: Editor, revisionId: number, comment: string): Promise<WriteResult<StoredRecord>> {
  return runWrite(tracker, user, comment, (trx, ctx) => revertRevision(trx, revisionId, ctx), { reverts: revisionId })
}

/** Revisions of a record, newest first; for a project also of its events and claims, for an event of its claims. */
export async function recordHistory(tracker: Tracker, e: Pick<EditableEntity, 'entity' | 'type'>, id: string): Promise<RevisionRow[]> {
  const db = tracker.store.db
  const exists = await db.transaction().execute((trx) => readRecord(trx, e.entity, id))
  if (!exists) throw new NotFoundError(`no ${e.type} with id "${id}"`)
  const subjects = [{ type: e.type, id }]
  if (e.entity === 'projects' || e.entity === 'events') {
    const events = e.entity === 'projects' ? await db.selectFrom('events').select('id').where('project_id', '=', id).execute() : []
    for (const ev of events) subjects.push({ type: 'event', id: ev.id })
    const claims = await db.selectFrom('claims').select('id').where('subject_id', 'in', subjects.map((s) => s.id)).execute()
    for (const cl of claims) subjects.push({ type: 'claim', id: cl.id })
  }
  return historyOf(db, subjects)
}
