/**
 * @module "Edit, then accept": the proposal's type, place, date and its precision (and, for a new
 * project, what it builds) corrected before it is accepted. An ambiguous place lists the
 * places the report could mean first; nothing is picked for the editor.
 */
import { t } from '../i18n/i18n.ts'
import { useEffect, useRef, useState } from 'preact/hooks'
import { eventTypes, facilityKinds } from '../../model/vocab.ts'
import { PartialDate, precisionOf, type DatePrecision } from '../../model/partialDate.ts'
import { eventLabel, kindLabel } from '../format.ts'
import type { AmendmentBody, ProposalView } from './reviewApi.ts'
import type { Places } from './usePlaces.ts'

const shapes: Record<DatePrecision, { length: number; example: string; words: () => string }> = {
  day: { length: 10, example: '2025-12-20', words: () => t('amend.shapeDay') },
  month: { length: 7, example: '2025-12', words: () => t('amend.shapeMonth') },
  year: { length: 4, example: '2025', words: () => t('amend.shapeYear') },
}

export interface FormProblem {
  field: 'type' | 'locality' | 'date' | 'kinds' | null
  message: string
}

/** Checks the form in words; null when it can be sent. */
export function checkAmendment(values: { locality: string; date: string; precision: DatePrecision; kinds: string[] }, newProject: boolean): FormProblem | null {
  if (!values.locality) return { field: 'locality', message: t('amend.pickPlace') }
  const date = values.date.trim()
  if (!date) return { field: 'date', message: t('amend.giveDate', { example: shapes[values.precision].example }) }
  const shape = shapes[values.precision]
  if (date.length !== shape.length || !PartialDate.safeParse(date).success) return { field: 'date', message: t('amend.badDate', { words: shape.words(), example: shape.example, date }) }
  if (newProject && values.kinds.length === 0) return { field: 'kinds', message: t('amend.kinds') }
  return null
}

export function AcceptForm({
  proposal,
  places,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  proposal: ProposalView
  places: Places
  busy: boolean
  error: FormProblem | null
  onSubmit: (amendment: AmendmentBody) => void
  onCancel: () => void
}) {
  const e = proposal.event
  const newProject = proposal.match.kind === 'new_project'
  const [type, setType] = useState<string>(e.type)
  const [locality, setLocality] = useState<string>(e.locality ?? '')
  const [date, setDate] = useState<string>(e.date ?? '')
  const [precision, setPrecision] = useState<DatePrecision>(e.date ? precisionOf(e.date) : 'day')
  const [kinds, setKinds] = useState<string[]>(e.kinds)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const first = useRef<HTMLSelectElement>(null)
  const [edited, setEdited] = useState(false)
  // A message stays until the editor changes something; then the next submit checks again.
  const shown = problem ?? (edited ? null : error)
  const touch = () => {
    setProblem(null)
    setEdited(true)
  }
  useEffect(() => {
    ;(e.locality ? first.current : (document.getElementById(`amend-place-${proposal.id}`) as HTMLSelectElement | null))?.focus()
  }, [])

  const changePrecision = (next: DatePrecision) => {
    setPrecision(next)
    const d = date.trim()
    if (d.length > shapes[next].length) setDate(d.slice(0, shapes[next].length))
  }
  const submit = (event: Event) => {
    event.preventDefault()
    const p = checkAmendment({ locality, date, precision, kinds }, newProject)
    setProblem(p)
    setEdited(false)
    if (p) return
    const amendment: AmendmentBody = {}
    if (type !== e.type) amendment.type = type as AmendmentBody['type'] & string
    if (locality !== (e.locality ?? '')) amendment.locality = locality
    if (date.trim() !== (e.date ?? '')) amendment.date = date.trim()
    if (newProject && (kinds.length !== e.kinds.length || kinds.some((k) => !(e.kinds as string[]).includes(k)))) amendment.kinds = kinds as AmendmentBody['kinds']
    if (comment.trim()) amendment.comment = comment.trim()
    onSubmit(amendment)
  }
  const id = (f: string) => `amend-${f}-${proposal.id}`
  const invalid = (f: FormProblem['field']) => (shown?.field === f ? { 'aria-invalid': true as const, 'aria-describedby': id('error') } : {})

  return (
    <form class="edit-form amend-form" data-testid="amend-form" onSubmit={submit} onKeyDown={(ev) => ev.key === 'Escape' && onCancel()} noValidate>
      <h3>{t('review.editAccept')}</h3>
      {shown ? (
        <p class="form-error" role="alert" id={id('error')} data-testid="form-error">
          {shown.message}
        </p>
      ) : null}
      <div class={`field${shown?.field === 'type' ? ' has-error' : ''}`}>
        <label for={id('type')}>{t('edit.whatHappened')}</label>
        <select id={id('type')} ref={first} value={type} onChange={(ev) => (touch(), setType(ev.currentTarget.value))}>
          {eventTypes.values.map((et) => (
            <option value={et} key={et}>
              {eventLabel(et)}
            </option>
          ))}
        </select>
      </div>
      <div class={`field${shown?.field === 'locality' ? ' has-error' : ''}`}>
        <label for={id('place')}>{t('amend.place')}</label>
        {e.candidates.length ? <p class="field-hint">{t('amend.couldMean', { places: e.candidates.map((c) => places.full(c)).join(t('search.or')) })}</p> : null}
        <select id={id('place')} value={locality} onChange={(ev) => (touch(), setLocality(ev.currentTarget.value))} {...invalid('locality')}>
          <option value="">{t('amend.pickPlaceOption')}</option>
          {e.candidates.length ? (
            <optgroup label={t('amend.candidates')}>
              {e.candidates.map((c) => (
                <option value={c} key={`c-${c}`}>
                  {places.full(c)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {places.byProvince.map((g) => (
            <optgroup label={g.province} key={g.province}>
              {g.localities.map((l) => (
                <option value={l.id} key={l.id}>
                  {l.name}
                </option>
              ))}
            </optgroup>
          ))}
          {e.locality && !places.byProvince.some((g) => g.localities.some((l) => l.id === e.locality)) ? <option value={e.locality}>{e.locality}</option> : null}
        </select>
      </div>
      <div class="amend-date">
        <div class={`field${shown?.field === 'date' ? ' has-error' : ''}`}>
          <label for={id('date')}>{t('field.date')}</label>
          <input id={id('date')} type="text" inputMode="numeric" autocomplete="off" placeholder={shapes[precision].example} value={date} onInput={(ev) => (touch(), setDate(ev.currentTarget.value))} {...invalid('date')} />
        </div>
        <div class="field">
          <label for={id('precision')}>{t('amend.precision')}</label>
          <select id={id('precision')} value={precision} onChange={(ev) => (touch(), changePrecision(ev.currentTarget.value as DatePrecision))}>
            <option value="day">{t('amend.toDay')}</option>
            <option value="month">{t('amend.monthOnly')}</option>
            <option value="year">{t('amend.yearOnly')}</option>
          </select>
        </div>
      </div>
      {newProject ? (
        <fieldset class={`field group${shown?.field === 'kinds' ? ' has-error' : ''}`}>
          <legend>{t('amend.builds')}</legend>
          <ul class="checks">
            {facilityKinds.values.map((k) => (
              <li key={k}>
                <label>
                  <input type="checkbox" checked={kinds.includes(k)} onChange={(ev) => (touch(), setKinds(ev.currentTarget.checked ? [...kinds, k] : kinds.filter((x) => x !== k)))} /> {kindLabel(k)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <div class="field">
        <label for={id('comment')}>
          {t('amend.why')} <span class="opt">{t('edit.optional')}</span>
        </label>
        <input id={id('comment')} type="text" value={comment} maxLength={500} onInput={(ev) => setComment(ev.currentTarget.value)} />
      </div>
      <p class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('amend.accepting') : t('amend.acceptChanged')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </p>
    </form>
  )
}
