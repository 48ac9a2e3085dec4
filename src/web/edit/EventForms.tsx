/**
 * @module Events of a project: adding one (type, date, the source that reports it and its words)
 * and changing one — a new date is recorded as the preferred claim of its source, with the
 * reason, while the claims it replaces stay beside it.
 */
import { useState } from 'preact/hooks'
import { ApiError, send } from '../api.ts'
import { eventLabel } from '../format.ts'
import type { EventCreateBody, EventPatchBody, EventRecord, ProjectFull, WriteResult } from '../types.ts'
import { eventTypes } from '../../model/vocab.ts'
import { SaveConflict } from './ConflictView.tsx'
import { CommentField, DateField, EditForm, orNull, SelectField, TextArea, TextField } from './form.tsx'
import { SourcePicker, type SourceChoice } from './SourcePicker.tsx'
import { useSave } from './useSave.ts'

const leaderOptions = [
  ['', 'Not known'],
  ['true', 'Yes'],
  ['false', 'No'],
] as const

function leaderValue(v: string): boolean | null {
  return v === '' ? null : v === 'true'
}

export function EventAddForm({ project, onDone }: { project: ProjectFull; onDone: (message?: string) => void }) {
  const [type, setType] = useState<string>('groundbreaking')
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
      () => onDone(`Added: ${eventLabel(type)}`),
    )
  }
  return (
    <EditForm title="Add an event" error={save.error} busy={save.busy} submitLabel="Add event" onSubmit={submit} onCancel={() => onDone()} testId="event-form">
      <SelectField name="type" label="What happened" required value={type} onChange={setType} options={eventTypes.values.map((t) => [t, eventLabel(t)] as const)} />
      <TextField name="label" label="Label" value={label} onInput={setLabel} maxLength={80} hint="Only to tell apart two events of one type, e.g. “August 2024”." />
      <DateField required value={date} onInput={setDate} />
      <SelectField name="leader_present" label="Kim Jong Un present" value={leader} onChange={setLeader} options={leaderOptions} />
      <TextArea name="notes" label="Notes" value={notes} onInput={setNotes} rows={2} maxLength={4000} />
      <SourcePicker value={source} onChange={setSource} />
      <TextField name="quote" label="Quote" value={quote} onInput={setQuote} maxLength={600} hint="At most one sentence of the source's words." />
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
      setLocal(new ApiError(400, 'nothing_changed', 'nothing to save yet: change the date, the leader or the notes first'))
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
      () => onDone(mine.date ? 'Saved: the new date is now the preferred claim' : 'Saved'),
    )
  }
  if (save.conflict) {
    return (
      <SaveConflict
        save={save}
        submit={submit}
        what="this event"
        base={base as unknown as Record<string, unknown>}
        mine={mine}
        onDiscard={() => onDone('Your change was discarded')}
      />
    )
  }
  return (
    <EditForm
      title={`Change ${eventLabel(base.type).toLowerCase()}${base.label ? ` (${base.label})` : ''}`}
      error={local ?? save.error}
      busy={save.busy}
      onSubmit={() => submit(base.version)}
      onCancel={() => onDone()}
      testId="event-edit-form"
      intro={<p class="hint">A new date is recorded as a claim of its source and becomes the preferred one; the other claims stay, side by side.</p>}
    >
      <DateField label="Date" required value={date} onInput={setDate} />
      <SourcePicker value={source} onChange={setSource} required={false} hint="Required for a new date: the source that gives it. Type part of the publisher, title or address, then pick it." />
      <TextField name="quote" label="Quote" value={quote} onInput={setQuote} maxLength={600} hint="At most one sentence of the source's words." />
      <TextField name="reason" label="Why this date is preferred" value={reason} onInput={setReason} maxLength={1000} hint="Shown beside the preferred claim; the comment is used when left empty." />
      <SelectField name="leader_present" label="Kim Jong Un present" value={leader} onChange={setLeader} options={leaderOptions} />
      <TextArea name="notes" label="Notes" value={notes} onInput={setNotes} rows={2} maxLength={4000} />
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}
