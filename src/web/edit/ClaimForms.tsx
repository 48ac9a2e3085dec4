/**
 * @module Claims: adding one (a source asserting a value of the project or of one of its events)
 * and preferring one of competing claims, with the reason (an event's date follows it).
 */
import { t } from '../i18n/i18n.ts'
import { useState } from 'preact/hooks'
import { send } from '../api.ts'
import { eventLabel, fieldLabel, fmtValue, kindLabel, kindValues, statusLabel, statusValues } from '../format.ts'
import type { Claim, ClaimCreateBody, ProjectFull, WriteResult } from '../types.ts'
import { claimFields } from '../../model/vocab.ts'
import { CheckboxField, CheckboxGroup, CommentField, DateField, EditForm, orNull, SelectField, TextField } from './form.tsx'
import { SourcePicker, type SourceChoice } from './SourcePicker.tsx'
import { useSave } from './useSave.ts'

type Field = ClaimCreateBody['field']

function ValueInput({ field, value, onChange }: { field: string; value: unknown; onChange: (v: unknown) => void }) {
  const text = typeof value === 'string' ? value : ''
  switch (field) {
    case 'date':
      return <DateField name="value" label={t('edit.valueDate')} required value={text} onInput={onChange} />
    case 'status':
      return <SelectField name="value" label={t('edit.valueStatus')} required value={text} onChange={onChange} options={statusValues.map((s) => [s, statusLabel(s)] as const)} />
    case 'kinds':
      return <CheckboxGroup name="value" label={t('edit.valueKinds')} required values={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} options={kindValues.map((k) => [k, kindLabel(k)] as const)} />
    case 'counted':
    case 'leader_present':
      return (
        <SelectField
          name="value"
          label={field === 'counted' ? t('edit.valueCounted') : t('edit.valueLeader')}
          required
          value={value === true ? 'true' : 'false'}
          onChange={(v) => onChange(v === 'true')}
          options={[
            ['true', t('edit.yes')],
            ['false', t('edit.no')],
          ]}
        />
      )
    default:
      return <TextField name="value" label={t('edit.valueOther')} required value={text} onInput={onChange} maxLength={2000} hint={field === 'province' || field === 'locality' ? t('edit.valueIdHint') : undefined} />
  }
}

function initialValue(field: string): unknown {
  if (field === 'kinds') return []
  if (field === 'status') return statusValues[0]
  if (field === 'counted' || field === 'leader_present') return true
  return ''
}

export function ClaimAddForm({ project, onDone }: { project: ProjectFull; onDone: (message?: string) => void }) {
  const subjects = [
    ['project', t('project.theProject')] as const,
    ...project.events.map((e) => [`event:${e.id}`, `${eventLabel(e.type)}${e.label ? ` (${e.label})` : ''}`] as const),
  ]
  const [subject, setSubject] = useState('project')
  const [field, setField] = useState<string>('status')
  const [value, setValue] = useState<unknown>(initialValue('status'))
  const [source, setSource] = useState<SourceChoice | null>(null)
  const [quote, setQuote] = useState('')
  const [said, setSaid] = useState('')
  const [preferred, setPreferred] = useState(false)
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  const save = useSave()
  const changeField = (f: string) => {
    setField(f)
    setValue(initialValue(f))
  }
  const submit = () => {
    const event = subject.startsWith('event:') ? subject.slice(6) : null
    const body = {
      subject_type: event ? 'event' : 'project',
      subject_id: event ?? project.id,
      field: field as Field,
      value: (typeof value === 'string' ? value.trim() : value) as ClaimCreateBody['value'],
      source: source?.id ?? '',
      quote: orNull(quote),
      said: orNull(said),
      rank: preferred ? 'preferred' : 'normal',
      reason: orNull(reason),
      comment,
    } satisfies ClaimCreateBody
    void save.run(
      () => send<WriteResult>('POST', '/api/claims', body),
      () => onDone(t('edit.addedClaim', { claim: `${fieldLabel(field).toLowerCase()} ${fmtValue(field, body.value)}` })),
    )
  }
  return (
    <EditForm title={t('edit.addAClaim')} error={save.error} busy={save.busy} submitLabel={t('edit.addClaim')} onSubmit={submit} onCancel={() => onDone()} testId="claim-form" intro={<p class="hint">{t('edit.claimNote')}</p>}>
      <SelectField name="subject_id" label={t('edit.about')} required value={subject} onChange={setSubject} options={subjects} />
      <SelectField name="field" label={t('edit.whichValue')} required value={field} onChange={changeField} options={claimFields.values.map((f) => [f, fieldLabel(f)] as const)} />
      <ValueInput field={field} value={value} onChange={setValue} />
      <SourcePicker value={source} onChange={setSource} />
      <TextField name="quote" label={t('history.field.quote')} value={quote} onInput={setQuote} maxLength={600} hint={t('edit.quoteHint')} />
      <TextField name="said" label={t('edit.said')} value={said} onInput={setSaid} maxLength={600} hint={t('edit.saidHint')} />
      <CheckboxField name="rank" label={t('edit.preferCheck')} checked={preferred} onChange={setPreferred} />
      {preferred ? <TextField name="reason" label={t('edit.whyPreferred')} required value={reason} onInput={setReason} maxLength={1000} /> : null}
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}

export function PreferForm({ claim, names, onDone }: { claim: Claim; names?: (id: string) => string; onDone: (message?: string) => void }) {
  const [reason, setReason] = useState('')
  const save = useSave()
  const submit = () =>
    void save.run(
      () => send<WriteResult>('POST', `/api/claims/${encodeURIComponent(claim.id)}/prefer`, { reason, comment: reason }),
      () => onDone(t('edit.donePreferred')),
    )
  return (
    <EditForm
      title={t('edit.preferTitle', { value: fmtValue(claim.field, claim.value, names) })}
      error={save.error}
      busy={save.busy}
      submitLabel={t('edit.preferClaim')}
      onSubmit={submit}
      onCancel={() => onDone()}
      testId="prefer-form"
      intro={<p class="hint">{t(claim.subject_type === 'event' && claim.field === 'date' ? 'edit.preferNoteDate' : 'edit.preferNote')}</p>}
    >
      <CommentField name="reason" label={t('edit.preferWhy')} value={reason} onInput={setReason} />
    </EditForm>
  )
}
