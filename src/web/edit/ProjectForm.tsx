/**
 * @module Changing a project: notes, facility kinds, whether it counts (and why not), a status a
 * source reports. Only what the editor changed is sent, with If-Match of the version the form
 * started from; changed facts need a source (the API says so next to the field).
 */
import { t } from '../i18n/i18n.ts'
import { useState } from 'preact/hooks'
import { ApiError, send } from '../api.ts'
import { kindLabel, kindValues, statusLabel, statusValues } from '../format.ts'
import type { ProjectFull, ProjectPatchBody, WriteResult } from '../types.ts'
import { SaveConflict } from './ConflictView.tsx'
import { CheckboxField, CheckboxGroup, CommentField, EditForm, orNull, SelectField, TextArea, TextField } from './form.tsx'
import { SourcePicker, type SourceChoice } from './SourcePicker.tsx'
import { useSave } from './useSave.ts'
import { same } from './values.ts'

export function ProjectForm({ project, onDone }: { project: ProjectFull; onDone: (message?: string) => void }) {
  const [base] = useState(project)
  const [notes, setNotes] = useState(base.notes ?? '')
  const [kinds, setKinds] = useState<string[]>(base.kinds)
  const [counted, setCounted] = useState(base.counted)
  const [countedReason, setCountedReason] = useState(base.counted_reason ?? '')
  const [status, setStatus] = useState('')
  const [source, setSource] = useState<SourceChoice | null>(null)
  const [quote, setQuote] = useState('')
  const [comment, setComment] = useState('')
  const [local, setLocal] = useState<ApiError | null>(null)
  const save = useSave()

  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    if (orNull(notes) !== (base.notes ?? null)) out.notes = orNull(notes)
    const sorted = kindValues.filter((k) => kinds.includes(k))
    if (!same(sorted, base.kinds)) out.kinds = sorted
    if (counted !== base.counted) out.counted = counted
    if (!counted && orNull(countedReason) !== (base.counted_reason ?? null)) out.counted_reason = orNull(countedReason)
    if (status) out.status = status
    return out
  }
  const mine = changes()
  const body = (): ProjectPatchBody => ({ ...(mine as ProjectPatchBody), ...(source ? { source: source.id } : {}), ...(orNull(quote) ? { quote: orNull(quote) } : {}), comment })
  const submit = (version: number) => {
    if (Object.keys(mine).length === 0) {
      setLocal(new ApiError(400, 'nothing_changed', t('edit.nothingChanged')))
      return
    }
    setLocal(null)
    void save.run(
      () => send<WriteResult>('PATCH', `/api/projects/${encodeURIComponent(base.id)}`, body(), { ifMatch: version }),
      (r) => onDone(t('edit.savedVersion', { version: String(r.record.version) })),
    )
  }

  if (save.conflict) {
    return (
      <SaveConflict
        save={save}
        submit={submit}
        what={t('edit.this.project')}
        base={base as unknown as Record<string, unknown>}
        mine={mine}
        onDiscard={() => onDone(t('edit.discardedTheirs'))}
      />
    )
  }
  return (
    <EditForm title={t('edit.editProject')} error={local ?? save.error} busy={save.busy} onSubmit={() => submit(base.version)} onCancel={() => onDone()} testId="project-form">
      <TextArea name="notes" label={t('history.field.notes')} value={notes} onInput={setNotes} rows={4} maxLength={4000} hint={t('edit.notesHint')} />
      <CheckboxGroup name="kinds" label={t('table.facilities')} required values={kinds} onChange={setKinds} options={kindValues.map((k) => [k, kindLabel(k)] as const)} hint={t('edit.kindsHint')} />
      <CheckboxField name="counted" label={t('edit.countsLabel')} checked={counted} onChange={setCounted} hint={t('edit.countedHint')} />
      {!counted ? <TextField name="counted_reason" label={t('edit.countedReason')} required value={countedReason} onInput={setCountedReason} maxLength={500} hint={t('edit.countedReasonHint')} /> : null}
      <SelectField
        name="status"
        label={t('edit.statusLabel')}
        value={status}
        onChange={setStatus}
        options={[['', t('edit.noStatus')] as const, ...statusValues.map((s) => [s, statusLabel(s)] as const)]}
        hint={t('edit.statusHint')}
      />
      <SourcePicker value={source} onChange={setSource} required={'kinds' in mine || 'counted' in mine || 'status' in mine} hint={t('edit.projectSourceHint')} />
      <TextField name="quote" label={t('history.field.quote')} value={quote} onInput={setQuote} maxLength={600} hint={t('edit.quoteHint')} />
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}
