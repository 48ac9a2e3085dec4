/** @module Rejecting a proposal, with a reason when the editor gives one (Enter rejects, Escape cancels). */
import { t } from '../i18n/i18n.ts'
import { useLayoutEffect, useRef, useState } from 'preact/hooks'

export function RejectForm({ id, busy, onSubmit, onCancel }: { id: number; busy: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('')
  const input = useRef<HTMLInputElement>(null)
  // A layout effect: focused in the same frame it appears, so a key pressed right after lands in it.
  useLayoutEffect(() => input.current?.focus(), [])
  return (
    <form
      class="edit-form reject-form"
      data-testid="reject-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        onSubmit(reason.trim())
      }}
      onKeyDown={(ev) => ev.key === 'Escape' && onCancel()}
    >
      <div class="field">
        <label for={`reject-reason-${id}`}>
          {t('review.whyReject')} <span class="opt">{t('edit.optional')}</span>
        </label>
        <input id={`reject-reason-${id}`} ref={input} type="text" maxLength={1000} placeholder={t('review.rejectPlaceholder')} value={reason} onInput={(ev) => setReason(ev.currentTarget.value)} />
      </div>
      <p class="form-actions">
        <button type="submit" class="danger-button" disabled={busy}>
          {busy ? t('review.rejecting') : t('review.reject')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </p>
    </form>
  )
}
