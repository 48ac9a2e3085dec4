/**
 * @module Reverting a revision: the record goes back to what it was before that revision (a
 * create is undone by a delete, a delete by a restore of its whole batch), as a new revision.
 * Only the latest revision of a record can be reverted, so later changes are never lost.
 */
import type { Transaction } from 'kysely'
import { ConflictError, NotFoundError } from '../../model/errors.ts'
import type { DB } from '../../store/schema.ts'
import { readRecord, restoreRecord, updateRecord, type RevisionContext, type StoredRecord } from '../../store/writes.ts'
import { deleteRecord, restoreDeleted } from './records.ts'
import { entityOfSubject } from './subjects.ts'

export async function revertRevision(trx: Transaction<DB>, revisionId: number, ctx: RevisionContext): Promise<StoredRecord> {
  const rev = await trx.selectFrom('revisions').selectAll().where('id', '=', revisionId).executeTakeFirst()
  if (!rev) throw new NotFoundError(`no revision ${revisionId}`)
  const latest = await trx.selectFrom('revisions').select('id').where('entity_type', '=', rev.entity_type).where('entity_id', '=', rev.entity_id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  if (latest.id !== rev.id) {
    throw new ConflictError(`${rev.entity_type} ${rev.entity_id} changed again after revision ${rev.id} (latest: ${latest.id}); revert the later revisions first`)
  }
  const entity = entityOfSubject(rev.entity_type)
  switch (rev.action) {
    case 'create':
    case 'restore':
      // Undoing a create (or a restore) is a delete, with the checks and cascade of DELETE: a
      // source still cited or a locality still used is refused (409), a project takes its events
      // and claims along. Programs and provinces are reference data that no route deletes. A bare
      // soft delete here left live records pointing at deleted ones (reverting the creation of
      // the "pyongyang" province broke 21 localities; found by the hostile-input tests).
      if (entity === 'programs' || entity === 'provinces') {
        throw new ConflictError(`${rev.entity_type} ${rev.entity_id} is reference data: its creation cannot be reverted`)
      }
      return deleteRecord(trx, entity, rev.entity_id, null, ctx)
    case 'delete':
      return restoreDeleted(trx, entity, rev.entity_id, ctx)
    default: {
      const before = rev.before as Record<string, unknown>
      const current = await readRecord(trx, entity, rev.entity_id)
      if (!current) throw new NotFoundError(`${rev.entity_type} ${rev.entity_id} no longer exists`)
      if (current.meta.deleted_at) await restoreRecord(trx, entity, rev.entity_id, ctx)
      return (await updateRecord(trx, entity, rev.entity_id, null, before, ctx)).stored
    }
  }
}
