/**
 * @module Deleting (soft: it can be restored), restoring, and reverting one revision — each
 * with the comment that goes into the history. A delete of a stale version gets the 412 view.
 */
import { useState } from 'preact/hooks'
import { send } from '../api.ts'
import type { WriteResult } from '../types.ts'
import { SaveConflict } from './ConflictView.tsx'
import { CommentField, EditForm } from './form.tsx'
import { useSave } from './useSave.ts'

export type Entity = 'projects' | 'events' | 'sources' | 'claims' | 'localities'

export function DeleteForm({
  entity,
  record,
  what,
  note,
  onDone,
  onDeleted,
}: {
  entity: Entity
  record: { id: string; version: number } & Record<string, unknown>
  /** "this project" */
  what: string
  note?: string
  onDone: (message?: string) => void
  onDeleted?: () => void
}) {
  const [base] = useState(record)
  const [comment, setComment] = useState('')
  const save = useSave()
  const submit = (version: number) =>
    void save.run(
      () => send<WriteResult>('DELETE', `/api/${entity}/${encodeURIComponent(base.id)}`, { comment }, { ifMatch: version }),
      () => {
        onDone('Deleted')
        onDeleted?.()
      },
    )
  if (save.conflict) {
    return (
      <SaveConflict
        save={save}
        submit={submit}
        what={what}
        base={base}
        mine={{}}
        action="Delete it"
        reapplyLabel="Delete their version"
        onDiscard={() => onDone('Not deleted')}
      />
    )
  }
  return (
    <EditForm
      title={`Delete ${what}`}
      error={save.error}
      busy={save.busy}
      submitLabel="Delete"
      onSubmit={() => submit(base.version)}
      onCancel={() => onDone()}
      testId="delete-form"
      intro={<p class="hint">{note ?? 'Nothing is lost: a deleted record stays in the history and can be restored.'}</p>}
    >
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}

export function RestoreForm({ entity, id, what, onDone }: { entity: Entity; id: string; what: string; onDone: (message?: string) => void }) {
  const [comment, setComment] = useState('')
  const save = useSave()
  const submit = () =>
    void save.run(
      () => send<WriteResult>('POST', `/api/${entity}/${encodeURIComponent(id)}/restore`, { comment }),
      () => onDone('Restored'),
    )
  return (
    <EditForm title={`Restore ${what}`} error={save.error} busy={save.busy} submitLabel="Restore" onSubmit={submit} onCancel={() => onDone()} testId="restore-form" intro={<p class="hint">What was deleted along with it comes back too.</p>}>
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}

export function RevertForm({ revision, onDone }: { revision: number; onDone: (message?: string) => void }) {
  const [comment, setComment] = useState('')
  const save = useSave()
  const submit = () =>
    void save.run(
      () => send<WriteResult>('POST', `/api/revisions/${revision}/revert`, { comment }),
      () => onDone('Reverted'),
    )
  return (
    <EditForm
      title={`Revert revision ${revision}`}
      error={save.error}
      busy={save.busy}
      submitLabel="Revert"
      onSubmit={submit}
      onCancel={() => onDone()}
      testId="revert-form"
      intro={<p class="hint">The record goes back to what it was before this revision; the revert is itself a new revision. Only the latest change of a record can be reverted.</p>}
    >
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}
