/**
 * @module Deleting (soft: it can be restored), restoring, and reverting one revision — each
 * with the comment that goes into the history. A delete of a stale version gets the 412 view.
 */
import { t } from '../i18n/i18n.ts'
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
        onDone(t('edit.doneDeleted'))
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
        action={t('edit.deleteIt')}
        reapplyLabel={t('edit.deleteTheirs')}
        onDiscard={() => onDone(t('edit.notDeleted'))}
      />
    )
  }
  return (
    <EditForm
      title={t('edit.deleteTitle', { what })}
      error={save.error}
      busy={save.busy}
      submitLabel={t('edit.delete')}
      onSubmit={() => submit(base.version)}
      onCancel={() => onDone()}
      testId="delete-form"
      intro={<p class="hint">{note ?? t('edit.deleteNote')}</p>}
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
      () => onDone(t('edit.doneRestored')),
    )
  return (
    <EditForm title={t('edit.restoreLabel', { what })} error={save.error} busy={save.busy} submitLabel={t('edit.restore')} onSubmit={submit} onCancel={() => onDone()} testId="restore-form" intro={<p class="hint">{t('edit.restoreNote')}</p>}>
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
      () => onDone(t('edit.doneReverted')),
    )
  return (
    <EditForm
      title={t('edit.revertTitle', { revision })}
      error={save.error}
      busy={save.busy}
      submitLabel={t('edit.revert')}
      onSubmit={submit}
      onCancel={() => onDone()}
      testId="revert-form"
      intro={<p class="hint">{t('edit.revertNote')}</p>}
    >
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}
