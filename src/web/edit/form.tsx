/**
 * @module The pieces every editing form is made of: the form with its error summary at the top,
 * labelled fields that show the API's message for them (details[].path "body.source",
 * "json.kinds.0" → the field "source", "kinds"), and the required "Why this change" comment.
 * Nothing is checked in the browser first: the API's validation is the one set of rules.
 */
import { t } from '../i18n/i18n.ts'
import { createContext, type ComponentChildren } from 'preact'
import { useContext, useEffect, useId, useRef } from 'preact/hooks'
import type { ApiError } from '../api.ts'
import { errorsByField, fieldOf, messageText } from './fieldErrors.ts'

interface FormContext {
  prefix: string
  errors: Map<string, string>
}

export const FormCtx = createContext<FormContext>({ prefix: 'f', errors: new Map() })

function useField(name: string) {
  const { prefix, errors } = useContext(FormCtx)
  const id = `${prefix}-${name}`
  const error = errors.get(name)
  return { id, hintId: `${id}-hint`, errorId: `${id}-error`, error }
}

function describedBy(hint: unknown, error: unknown, hintId: string, errorId: string): string | undefined {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
}

export interface EditFormProps {
  title: string
  /** The last answer of the API when it refused the change. */
  error: ApiError | null
  busy: boolean
  submitLabel?: string
  onSubmit: () => void
  onCancel: () => void
  /** Shown under the title. */
  intro?: ComponentChildren
  children: ComponentChildren
  testId?: string
}

export function EditForm({ title, error, busy, submitLabel = t('edit.save'), onSubmit, onCancel, intro, children, testId }: EditFormProps) {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, '')
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (error) summary.current?.focus()
  }, [error])
  const errors = errorsByField(error)
  const more = (error?.details ?? []).slice(1)
  return (
    <form
      class="edit-form"
      noValidate
      aria-labelledby={`${prefix}__heading`}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault()
        if (!busy) onSubmit()
      }}
    >
      <h3 id={`${prefix}__heading`}>{title}</h3>
      {intro ? <div class="form-intro">{intro}</div> : null}
      {error ? (
        <div class="form-error" role="alert" tabIndex={-1} ref={summary} data-testid="form-error">
          <p>
            <strong>{t('edit.notSaved')}</strong> {messageText(error.message)}
          </p>
          {more.length > 0 ? (
            <ul>
              {more.map((d, i) => {
                const f = fieldOf(d.path)
                return (
                  <li key={i}>
                    {f ? <a href={`#${prefix}-${f}`}>{f.replace(/_/g, ' ')}</a> : null}
                    {f ? ': ' : null}
                    {d.message}
                  </li>
                )
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      <FormCtx.Provider value={{ prefix, errors }}>{children}</FormCtx.Provider>
      <p class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('edit.saving') : submitLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('edit.cancel')}
        </button>
      </p>
    </form>
  )
}

interface Common {
  name: string
  label: ComponentChildren
  hint?: ComponentChildren
  required?: boolean
}

function Label({ id, label, required }: { id: string; label: ComponentChildren; required?: boolean }) {
  return (
    <label for={id}>
      {label}
      {required ? <span class="req"> {t('edit.required')}</span> : <span class="opt"> {t('edit.optional')}</span>}
    </label>
  )
}

export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={id} data-testid="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null
}

function Hint({ id, hint }: { id: string; hint: ComponentChildren }) {
  return hint ? (
    <p class="field-hint" id={id}>
      {hint}
    </p>
  ) : null
}

/** The attributes that tie a control to its label, hint and error message. */
interface ControlProps {
  id: string
  name: string
  'aria-required': 'true' | undefined
  'aria-invalid': 'true' | undefined
  'aria-describedby': string | undefined
}

/** A labelled field: label, hint, the control, and the API's message for it, wired for screen readers. */
function LabelledField({ name, label, hint, required, control }: Common & { control: (props: ControlProps) => ComponentChildren }) {
  const f = useField(name)
  return (
    <div class={`field${f.error ? ' has-error' : ''}`} data-field={name}>
      <Label id={f.id} label={label} required={required} />
      <Hint id={f.hintId} hint={hint} />
      {control({
        id: f.id,
        name,
        'aria-required': required ? 'true' : undefined,
        'aria-invalid': f.error ? 'true' : undefined,
        'aria-describedby': describedBy(hint, f.error, f.hintId, f.errorId),
      })}
      <FieldMessage id={f.errorId} error={f.error} />
    </div>
  )
}

export function TextField({
  value,
  onInput,
  placeholder,
  inputMode,
  autoComplete = 'off',
  maxLength,
  ...common
}: Common & { value: string; onInput: (v: string) => void; placeholder?: string; inputMode?: 'text' | 'numeric' | 'url'; autoComplete?: string; maxLength?: number }) {
  return (
    <LabelledField
      {...common}
      control={(props) => (
        <input
          {...props}
          type="text"
          value={value}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete={autoComplete}
          maxLength={maxLength}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    />
  )
}

export function TextArea({ value, onInput, rows = 3, maxLength, ...common }: Common & { value: string; onInput: (v: string) => void; rows?: number; maxLength?: number }) {
  return <LabelledField {...common} control={(props) => <textarea {...props} rows={rows} value={value} maxLength={maxLength} onInput={(e) => onInput(e.currentTarget.value)} />} />
}

export function SelectField({ value, onChange, options, ...common }: Common & { value: string; onChange: (v: string) => void; options: readonly (readonly [string, string])[] }) {
  return (
    <LabelledField
      {...common}
      control={(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {options.map(([v, l]) => (
            <option value={v} key={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    />
  )
}

export function CheckboxField({ name, label, hint, checked, onChange }: Omit<Common, 'required'> & { checked: boolean; onChange: (v: boolean) => void }) {
  const f = useField(name)
  return (
    <div class={`field check${f.error ? ' has-error' : ''}`} data-field={name}>
      <input
        id={f.id}
        name={name}
        type="checkbox"
        checked={checked}
        aria-invalid={f.error ? 'true' : undefined}
        aria-describedby={describedBy(hint, f.error, f.hintId, f.errorId)}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <FieldMessage id={f.errorId} error={f.error} />
    </div>
  )
}

/** A set of checkboxes in a fieldset whose legend names the field. */
export function CheckboxGroup({ name, label, hint, required, values, onChange, options }: Common & { values: string[]; onChange: (v: string[]) => void; options: readonly (readonly [string, string])[] }) {
  const f = useField(name)
  return (
    <fieldset class={`field group${f.error ? ' has-error' : ''}`} data-field={name} id={f.id} aria-describedby={describedBy(hint, f.error, f.hintId, f.errorId)} tabIndex={-1}>
      <legend>
        {label}
        {required ? <span class="req"> {t('edit.required')}</span> : null}
      </legend>
      <Hint id={f.hintId} hint={hint} />
      <ul class="checks">
        {options.map(([v, l]) => (
          <li key={v}>
            <label>
              <input type="checkbox" name={name} value={v} checked={values.includes(v)} onChange={(e) => onChange(e.currentTarget.checked ? [...values, v] : values.filter((x) => x !== v))} /> {l}
            </label>
          </li>
        ))}
      </ul>
      <FieldMessage id={f.errorId} error={f.error} />
    </fieldset>
  )
}

/** The required "Why this change" comment that every change carries into the revision history. */
export function CommentField({ value, onInput, name = 'comment', label = t('edit.comment') }: { value: string; onInput: (v: string) => void; name?: string; label?: string }) {
  return <TextField name={name} label={label} required value={value} onInput={onInput} maxLength={500} hint={t('edit.commentHint')} />
}

/** A date as precise as the source gives it. */
export function DateField({ name = 'date', label = t('field.date'), required, value, onInput, hint }: { name?: string; label?: string; required?: boolean; value: string; onInput: (v: string) => void; hint?: string }) {
  return <TextField name={name} label={label} required={required} value={value} onInput={onInput} placeholder="YYYY-MM-DD" maxLength={10} hint={hint ?? t('edit.dateHint')} />
}

/** "" → null, else the trimmed text. */
export function orNull(text: string): string | null {
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}
