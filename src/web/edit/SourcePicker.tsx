/**
 * @module Picks a recorded source: a combobox that searches /api/sources?q= as the editor types
 * (publisher, title, address), arrow keys to move, Enter to pick, Escape to close. Only a recorded
 * source can be chosen; one not yet recorded is added under "New source…" without leaving the
 * form, and is then chosen.
 */
import { t } from '../i18n/i18n.ts'
import { useContext, useEffect, useRef, useState } from 'preact/hooks'
import { apiPath, getJson } from '../api.ts'
import { fmtDate, sourceKindLabel } from '../format.ts'
import type { List, SourceItem } from '../types.ts'
import { FieldMessage, FormCtx, useCheck } from './form.tsx'
import { InlineSourceForm } from './SourceForms.tsx'

export interface SourceChoice {
  id: string
  label: string
}

export function sourceLabel(s: Pick<SourceItem, 'publisher' | 'published' | 'title'>): string {
  return `${s.publisher}${s.published ? `, ${fmtDate(s.published)}` : ''} — ${s.title}`
}

export function SourcePicker({
  name = 'source',
  label = t('common.source'),
  required = true,
  hint = t('edit.pickerHintInline'),
  value,
  onChange,
}: {
  name?: string
  label?: string
  required?: boolean
  hint?: string
  value: SourceChoice | null
  onChange: (v: SourceChoice | null) => void
}) {
  const { prefix, errors } = useContext(FormCtx)
  const id = `${prefix}-${name}`
  const listId = `${id}-list`
  const error = errors.get(name)
  useCheck(name, { value: value?.id ?? null, rule: { required } })
  const [text, setText] = useState(value?.label ?? '')
  const [open, setOpen] = useState(false)
  const [items, setItems] = useState<SourceItem[]>([])
  const [active, setActive] = useState(-1)
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle')
  const input = useRef<HTMLInputElement>(null)
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<string | null>(null)

  const query = value ? '' : text.trim()
  useEffect(() => {
    if (!open) return
    let live = true
    setState('loading')
    const timer = setTimeout(() => {
      getJson<List<SourceItem>>(apiPath('/api/sources', { q: query || undefined, limit: 8 })).then(
        (list) => {
          if (!live) return
          setItems(list.items)
          setActive(list.items.length ? 0 : -1)
          setState('idle')
        },
        () => live && setState('failed'),
      )
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, open])

  const pick = (s: SourceItem) => {
    const choice = { id: s.id, label: sourceLabel(s) }
    setText(choice.label)
    setOpen(false)
    onChange(choice)
  }

  const optionId = (i: number) => `${id}-opt-${i}`
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null, value ? `${id}-picked` : null].filter(Boolean).join(' ')

  return (
    <div class={`field picker${error ? ' has-error' : ''}`} data-field={name}>
      <label for={id}>
        {label}
        {required ? <span class="req"> {t('edit.required')}</span> : <span class="opt"> {t('edit.optional')}</span>}
      </label>
      <p class="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div class="combo">
        <input
          id={id}
          ref={input}
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-required={required ? 'true' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          value={text}
          placeholder={t('edit.searchSources')}
          onInput={(e) => {
            setText(e.currentTarget.value)
            setOpen(true)
            setAdded(null)
            if (value) onChange(null)
          }}
          onFocus={() => {
            if (!value) setOpen(true)
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              if (!open) setOpen(true)
              else setActive((a) => Math.min(items.length - 1, a + 1))
            } else if (e.key === 'ArrowUp') {
              e.preventDefault()
              setActive((a) => Math.max(0, a - 1))
            } else if (e.key === 'Enter' && open) {
              e.preventDefault()
              const s = items[active]
              if (s) pick(s)
            } else if (e.key === 'Escape' && open) {
              e.preventDefault()
              setOpen(false)
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('edit.matching', { label })} class="combo-list" hidden={!open}>
          {open && state === 'loading' && items.length === 0 ? <li class="combo-note">{t('edit.searching')}</li> : null}
          {open && state === 'failed' ? <li class="combo-note">{t('edit.searchFailed')}</li> : null}
          {open && state === 'idle' && items.length === 0 ? <li class="combo-note">{t('edit.noMatch', { query })}</li> : null}
          {open
            ? items.map((s, i) => (
                <li
                  key={s.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  class={i === active ? 'active' : undefined}
                  data-source={s.id}
                  onMouseDown={(e) => {
                    e.preventDefault()
                    pick(s)
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  <span class="combo-main">
                    {s.publisher}
                    {s.published ? `, ${fmtDate(s.published)}` : ''}
                  </span>
                  <span class="combo-sub">
                    {s.title} · {sourceKindLabel(s.kind)}
                  </span>
                </li>
              ))
            : null}
        </ul>
      </div>
      {value ? (
        <p class="picked" id={`${id}-picked`}>
          {t('edit.chosen')} <code>{value.id}</code>
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} error={error} />
      {added ? (
        <p class="saved" role="status">
          {added}
        </p>
      ) : null}
      <details class="new-source-inline" open={adding} onToggle={(e) => setAdding((e.currentTarget as HTMLDetailsElement).open)}>
        <summary data-testid="new-source-inline">{t('edit.newSourceInline')}</summary>
        {adding ? (
          <InlineSourceForm
            onAdded={(s) => {
              const choice = { id: s.id, label: sourceLabel(s) }
              setText(choice.label)
              setOpen(false)
              setAdding(false)
              setAdded(t('edit.sourceAddedChosen', { label: choice.label }))
              onChange(choice)
              input.current?.focus()
            }}
          />
        ) : null}
      </details>
    </div>
  )
}
