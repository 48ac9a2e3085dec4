/**
 * @module The 412 case: someone else saved the record after the form was opened. Their version
 * and the editor's change side by side, field by field, then either apply the change again on
 * top of their version (with its new version as If-Match) or discard it.
 */
import { t } from '../i18n/i18n.ts'
import { useId, useLayoutEffect, useRef } from 'preact/hooks'
import { fmtTimestamp } from '../format.ts'
import type { Save } from './useSave.ts'
import { bookkeeping, fieldName, same, valueText } from './values.ts'

export interface ConflictProps {
  /** "this project", "this event"… */
  what: string
  /** The record when the form was opened. */
  base: Record<string, unknown>
  /** The record as someone else saved it. */
  current: Record<string, unknown>
  /** The fields the editor changes, with their new values (a deletion: none). */
  mine: Record<string, unknown>
  /** What the editor did, in words, when it is not a field change ("Delete it"). */
  action?: string
  busy: boolean
  reapplyLabel?: string
  onReapply: () => void
  onDiscard: () => void
}

/** Long texts (notes) shortened to their start: the point is to see that they changed. */
function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

export function ConflictView({ what, base, current, mine, action, busy, reapplyLabel = t('conflict.reapply'), onReapply, onDiscard }: ConflictProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const titleId = useId().replace(/[^A-Za-z0-9_-]/g, '') + '-conflict'
  useLayoutEffect(() => heading.current?.focus(), [current])
  const theirs = Object.keys(current).filter((f) => !bookkeeping.has(f) && !same(base[f], current[f]))
  const fields = [...new Set([...Object.keys(mine), ...theirs])].filter((f) => !bookkeeping.has(f))
  const version = typeof current.version === 'number' ? current.version : null
  const updated = typeof current.updated_at === 'string' ? current.updated_at : null
  return (
    <section class="conflict-view" aria-labelledby={titleId} data-testid="conflict">
      <h3 id={titleId} tabIndex={-1} ref={heading}>
        {t('conflict.title')}
      </h3>
      <p>
        {t(version === null ? 'conflict.text' : updated ? 'conflict.textVersionAt' : 'conflict.textVersion', {
          what: what.charAt(0).toUpperCase() + what.slice(1),
          version,
          saved: updated ? fmtTimestamp(updated) : '',
          base: String(base.version ?? '?'),
        })}
      </p>
      <div class="table-wrap">
        <table class="data compare">
          <caption class="visually-hidden">{t('conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {action ? (
              <tr class="both">
                <th scope="row">{t('conflict.whole')}</th>
                <td>{t('conflict.kept')}</td>
                <td>{action}</td>
              </tr>
            ) : null}
            {fields.map((f) => {
              const changedByThem = theirs.includes(f)
              const mineHas = f in mine
              return (
                <tr key={f} class={changedByThem && mineHas ? 'both' : changedByThem ? 'theirs' : 'mine'} data-field={f}>
                  <th scope="row">{fieldName(f)}</th>
                  <td>
                    <span class="value">{valueText(f, current[f])}</span>
                    {changedByThem ? (
                      <span class="was">
                        <strong>{t('conflict.changedByThem')}</strong> {t('conflict.before', { value: clip(valueText(f, base[f])) })}
                      </span>
                    ) : null}
                  </td>
                  <td>{mineHas ? <span class="value">{valueText(f, mine[f])}</span> : <span class="hint">{t('conflict.notMine')}</span>}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p class="form-actions">
        <button type="button" class="primary" disabled={busy} onClick={onReapply}>
          {busy ? t('edit.saving') : reapplyLabel}
        </button>
        <button type="button" disabled={busy} onClick={onDiscard}>
          {t('conflict.discard')}
        </button>
      </p>
    </section>
  )
}

/**
 * The conflict view of a save that got 412: their version from the save, and "apply again"
 * resubmitting with their version as If-Match.
 */
export function SaveConflict({ save, submit, ...props }: Omit<ConflictProps, 'current' | 'busy' | 'onReapply'> & { save: Save; submit: (version: number) => void }) {
  const current = save.conflict!.current
  return <ConflictView {...props} current={current} busy={save.busy} onReapply={() => submit(Number(current.version))} />
}
