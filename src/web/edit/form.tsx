/**
 * @module The pieces every editing form is made of: the form with its error summary at the top
 * (every field's problem at once, each linking to its field), labelled fields that show their
 * message beside them, and the required "Why this change" comment. Each field checks what the
 * browser can tell (required, a date, an address) before anything is sent; the API's refusals
 * (details[].path "body.source" → the field "source") land on the same fields in the same words.
 */
import { t } from '../i18n/i18n.ts'
import { createContext, type ComponentChildren } from 'preact'
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks'
import { ApiError, type ErrorDetail } from '../api.ts'
import { checkFields, errorsByField, fieldOf, humanMessage, messageText, type FieldRule } from './fieldErrors.ts'

/** A field's check as the form runs it on submit: its current value and rule. */
interface Check {
  value: string | boolean | null | readonly string[]
  rule: FieldRule
  label?: string
}

interface FormContext {
  prefix: string
  errors: Map<string, string>
  /** The fields on the form now, by name, with what each checks. */
  checks: Map<string, Check>
}

export const FormCtx = createContext<FormContext>({ prefix: 'f', errors: new Map(), checks: new Map() })

/** Registers a field's check with its form while the field is shown. */
export function useCheck(name: string, check: Check): void {
  const { checks } = useContext(FormCtx)
  checks.set(name, check)
  useEffect(() => () => void checks.delete(name), [checks, name])
}

function useField(name: string) {
  const { prefix, errors } = useContext(FormCtx)
  const id = `${prefix}-${name}`
  const error = errors.get(name)
  return { id, hintId: `${id}-hint`, errorId: `${id}-error`, error }
}

/** The problems of the fields shown, checked in the browser before the form is sent. */
function checkForm(checks: Map<string, Check>): ErrorDetail[] {
  return checkFields([...checks].map(([name, c]) => ({ name, value: c.value, rule: c.rule, ...(c.label ? { label: c.label } : {}) })))
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

/** A form's checks, its summary's state and the submit that checks before it sends. */
function useFormState(apiError: ApiError | null, onSubmit: () => void) {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, '')
  const summary = useRef<HTMLDivElement>(null)
  const checks = useRef(new Map<string, Check>()).current
  const [checked, setChecked] = useState<ApiError | null>(null)
  // A newer answer of the API replaces the browser's own findings.
  useEffect(() => setChecked(null), [apiError])
  const error = checked ?? apiError
  useEffect(() => {
    if (error) summary.current?.focus()
  }, [error])
  const submit = () => {
    const problems = checkForm(checks)
    if (problems.length > 0) {
      setChecked(new ApiError(400, 'invalid_input', t('edit.fixFields', { count: problems.length }), problems))
      return
    }
    setChecked(null)
    onSubmit()
  }
  return { prefix, summary, checks, error, errors: errorsByField(error), submit }
}

/** The summary at the top: every field's problem, each a link to its field, or the API's message. */
function ErrorSummary({ state }: { state: ReturnType<typeof useFormState> }) {
  const { prefix, summary, checks, error, errors } = state
  if (!error) return null
  const details = error.details ?? []
  const seen = new Set<string>()
  const fieldItems: string[] = []
  const others: string[] = []
  for (const d of details) {
    const f = fieldOf(d.path)
    if (f !== null && checks.has(f)) {
      if (!seen.has(f)) fieldItems.push(f)
      seen.add(f)
    } else others.push(d.message)
  }
  return (
    <div class="form-error" role="alert" tabIndex={-1} ref={summary} data-testid="form-error">
      <p>
        <strong>{t('edit.notSaved')}</strong> {fieldItems.length > 0 ? t('edit.fixFields', { count: fieldItems.length }) : messageText(error.message)}
      </p>
      {fieldItems.length > 0 || others.length > 1 ? (
        <ul data-testid="error-summary">
          {fieldItems.map((f) => {
            const target = `${prefix}-${f}`
            return (
              <li key={f} data-field={f}>
                <a
                  href={`#${target}`}
                  onClick={(e) => {
                    const el = document.getElementById(target)
                    if (!el) return
                    e.preventDefault()
                    el.focus()
                    el.scrollIntoView({ block: 'center' })
                  }}
                >
                  {errors.get(f)}
                </a>
              </li>
            )
          })}
          {others.map((m, i) => (
            <li key={`o${i}`}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export function EditForm({ title, error: apiError, busy, submitLabel = t('edit.save'), onSubmit, onCancel, intro, children, testId }: EditFormProps) {
  const state = useFormState(apiError, onSubmit)
  const { prefix, errors, checks } = state
  return (
    <form
      class="edit-form"
      noValidate
      aria-labelledby={`${prefix}__heading`}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault()
        if (!busy) state.submit()
      }}
    >
      <h3 id={`${prefix}__heading`}>{title}</h3>
      {intro ? <div class="form-intro">{intro}</div> : null}
      <ErrorSummary state={state} />
      <FormCtx.Provider value={{ prefix, errors, checks }}>{children}</FormCtx.Provider>
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

/**
 * A form inside another form (HTML has no nested forms): a group with its own fields, checks and
 * summary, sent by its own button; Enter in its fields sends it, not the form around it.
 */
export function SubForm({ title, error: apiError, busy, actionLabel, onSubmit, intro, children, testId }: { title: string; error: ApiError | null; busy: boolean; actionLabel: string; onSubmit: () => void; intro?: ComponentChildren; children: ComponentChildren; testId?: string }) {
  const state = useFormState(apiError, onSubmit)
  const { prefix, errors, checks } = state
  return (
    <div
      class="edit-form sub-form"
      role="group"
      aria-labelledby={`${prefix}__heading`}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault()
          e.stopPropagation()
          if (!busy) state.submit()
        }
      }}
    >
      <h4 id={`${prefix}__heading`}>{title}</h4>
      {intro ? <div class="form-intro">{intro}</div> : null}
      <ErrorSummary state={state} />
      <FormCtx.Provider value={{ prefix, errors, checks }}>{children}</FormCtx.Provider>
      <p class="form-actions">
        <button type="button" class="primary" disabled={busy} onClick={() => !busy && state.submit()}>
          {busy ? t('edit.saving') : actionLabel}
        </button>
      </p>
    </div>
  )
}

interface Common {
  name: string
  label: ComponentChildren
  hint?: ComponentChildren
  required?: boolean
  /** What the field checks before sending, beyond `required`. */
  rule?: FieldRule
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
function LabelledField({ name, label, hint, required, rule, value, control }: Common & { value: string; control: (props: ControlProps) => ComponentChildren }) {
  const f = useField(name)
  useCheck(name, { value, rule: { ...rule, required: !!required }, ...(typeof label === 'string' ? { label } : {}) })
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
      {...(inputMode === 'url' ? { rule: { ...common.rule, url: true } } : {})}
      value={value}
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
  return <LabelledField {...common} value={value} control={(props) => <textarea {...props} rows={rows} value={value} maxLength={maxLength} onInput={(e) => onInput(e.currentTarget.value)} />} />
}

export function SelectField({ value, onChange, options, ...common }: Common & { value: string; onChange: (v: string) => void; options: readonly (readonly [string, string])[] }) {
  return (
    <LabelledField
      {...common}
      value={value}
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
  useCheck(name, { value: values, rule: { required: !!required }, ...(typeof label === 'string' ? { label } : {}) })
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
  return <TextField name={name} label={label} required rule={{ minLength: 3 }} value={value} onInput={onInput} maxLength={500} hint={t('edit.commentHint')} />
}

/** A date as precise as the source gives it. */
export function DateField({ name = 'date', label = t('field.date'), required, value, onInput, hint }: { name?: string; label?: string; required?: boolean; value: string; onInput: (v: string) => void; hint?: string }) {
  return <TextField name={name} label={label} required={required} rule={{ date: true }} value={value} onInput={onInput} placeholder="YYYY-MM-DD" maxLength={10} hint={hint ?? t('edit.dateHint')} />
}

/** "" → null, else the trimmed text. */
export function orNull(text: string): string | null {
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}
