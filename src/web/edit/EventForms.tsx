/**
 * @module Events of a project: adding one (type, date, the source that reports it and its words)
 * and changing one — a new date is recorded as the preferred claim of its source, with the
 * reason, while the claims it replaces stay beside it.
 */
import { t } from '../i18n/i18n.ts'
import { useState } from 'preact/hooks'
import { ApiError, send } from '../api.ts'
import { eventLabel } from '../format.ts'
import type { EventCreateBody, EventPatchBody, EventRecord, ProjectFull, WriteResult } from '../types.ts'
import { eventTypes } from '../../model/vocab.ts'
import { SaveConflict } from './ConflictView.tsx'
import { CommentField, DateField, EditForm, orNull, SelectField, TextArea, TextField } from './form.tsx'
import { nextEventType } from './nextEventType.ts'
import { SourcePicker, type SourceChoice } from './SourcePicker.tsx'
import { useSave } from './useSave.ts'

const leaderOptions = () =>
  [
    ['', t('edit.notKnown')],
    ['true', t('edit.yes')],
    ['false', t('edit.no')],
  ] as const

function leaderValue(v: string): boolean | null {
  return v === '' ? null : v === 'true'
}

export function EventAddForm({ project, onDone }: { project: ProjectFull; onDone: (message?: string) => void }) {
  const [type, setType] = useState<string>(() => nextEventType(project.events.map((e) => e.type)))
  const [label, setLabel] = useState('')
  const [date, setDate] = useState('')
  const [leader, setLeader] = useState('')
  const [notes, setNotes] = useState('')
  const [source, setSource] = useState<SourceChoice | null>(null)
  const [quote, setQuote] = useState('')
  const [comment, setComment] = useState('')
  const save = useSave()
  const submit = () => {
    const body: EventCreateBody = {
      project: project.id,
      type: type as EventCreateBody['type'],
      label: orNull(label),
      date: date.trim(),
      leader_present: leaderValue(leader),
      notes: orNull(notes),
      ...(source ? { source: source.id } : {}),
      quote: orNull(quote),
      comment,
    }
    void save.run(
      () => send<WriteResult>('POST', '/api/events', body),
      () => onDone(t('edit.added', { what: eventLabel(type) })),
    )
  }
  return (
    <EditForm title={t('edit.addAnEvent')} error={save.error} busy={save.busy} submitLabel={t('edit.addEvent')} onSubmit={submit} onCancel={() => onDone()} testId="event-form" intro={<p class="hint">{t('edit.requiredNote')}</p>}>
      <SelectField name="type" label={t('edit.whatHappened')} required value={type} onChange={setType} options={eventTypes.values.map((e) => [e, eventLabel(e)] as const)} />
      <TextField name="label" label={t('history.field.label')} value={label} onInput={setLabel} maxLength={80} hint={t('edit.labelHint')} />
      <DateField required value={date} onInput={setDate} />
      <SelectField name="leader_present" label={t('history.field.leader_present')} value={leader} onChange={setLeader} options={leaderOptions()} />
      <TextArea name="notes" label={t('history.field.notes')} value={notes} onInput={setNotes} rows={2} maxLength={4000} />
      <SourcePicker value={source} onChange={setSource} />
      <TextField name="quote" label={t('history.field.quote')} value={quote} onInput={setQuote} maxLength={600} hint={t('edit.quoteHint')} />
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}

export function EventEditForm({ event, onDone }: { event: EventRecord; onDone: (message?: string) => void }) {
  const [base] = useState(event)
  const [date, setDate] = useState(base.date)
  const [leader, setLeader] = useState(base.leader_present === null || base.leader_present === undefined ? '' : String(base.leader_present))
  const [notes, setNotes] = useState(base.notes ?? '')
  const [source, setSource] = useState<SourceChoice | null>(null)
  const [quote, setQuote] = useState('')
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  const [local, setLocal] = useState<ApiError | null>(null)
  const save = useSave()

  const mine: Record<string, unknown> = {}
  if (date.trim() !== base.date) mine.date = date.trim()
  if (leaderValue(leader) !== (base.leader_present ?? null)) mine.leader_present = leaderValue(leader)
  if (orNull(notes) !== (base.notes ?? null)) mine.notes = orNull(notes)
  const submit = (version: number) => {
    if (Object.keys(mine).length === 0) {
      setLocal(new ApiError(400, 'nothing_changed', t('edit.nothingChangedEvent')))
      return
    }
    setLocal(null)
    const body: EventPatchBody = {
      ...(mine as EventPatchBody),
      ...(source ? { source: source.id } : {}),
      ...(orNull(quote) ? { quote: orNull(quote) } : {}),
      ...(orNull(reason) ? { reason: orNull(reason) } : {}),
      comment,
    }
    void save.run(
      () => send<WriteResult>('PATCH', `/api/events/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
      () => onDone(mine.date ? t('edit.savedDate') : t('edit.saved')),
    )
  }
  if (save.conflict) {
    return (
      <SaveConflict
        save={save}
        submit={submit}
        what={t('edit.this.event')}
        base={base as unknown as Record<string, unknown>}
        mine={mine}
        onDiscard={() => onDone(t('edit.discarded'))}
      />
    )
  }
  return (
    <EditForm
      title={t('edit.changeEvent', { event: `${eventLabel(base.type).toLowerCase()}${base.label ? ` (${base.label})` : ''}` })}
      error={local ?? save.error}
      busy={save.busy}
      onSubmit={() => submit(base.version)}
      onCancel={() => onDone()}
      testId="event-edit-form"
      intro={<p class="hint">{t('edit.changeEventNote')}</p>}
    >
      <DateField label={t('field.date')} required value={date} onInput={setDate} />
      <SourcePicker value={source} onChange={setSource} required={date.trim() !== base.date} hint={t('edit.dateSourceHint')} />
      <TextField name="quote" label={t('history.field.quote')} value={quote} onInput={setQuote} maxLength={600} hint={t('edit.quoteHint')} />
      <TextField name="reason" label={t('edit.whyDate')} value={reason} onInput={setReason} maxLength={1000} hint={t('edit.whyDateHint')} />
      <SelectField name="leader_present" label={t('history.field.leader_present')} value={leader} onChange={setLeader} options={leaderOptions()} />
      <TextArea name="notes" label={t('history.field.notes')} value={notes} onInput={setNotes} rows={2} maxLength={4000} />
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}
