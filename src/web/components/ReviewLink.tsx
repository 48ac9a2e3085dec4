/**
 * @module The header's "Review (N)" link for editors: how many proposals wait for review, read
 * from GET /api/proposals/count when the page changes and after every saved change.
 */
import { useEffect, useState } from 'preact/hooks'
import { fetchJson } from '../api.ts'
import { num } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { canEdit, useSession } from '../session.ts'
import { useEpoch } from '../useApi.ts'

export function ReviewLink({ path, active }: { path: string; active: boolean }) {
  const { user } = useSession()
  const editor = canEdit(user)
  const epoch = useEpoch()
  const [pending, setPending] = useState<number | null>(null)
  useEffect(() => {
    if (!editor) return
    let live = true
    fetchJson<{ pending: number }>('/api/proposals/count').then(
      (r) => live && setPending(r.pending),
      () => live && setPending(null),
    )
    return () => {
      live = false
    }
  }, [editor, epoch, path])
  if (!editor) return null
  return (
    <li>
      <a href="/review" aria-current={active ? 'page' : undefined} data-testid="review-link">
        {t('nav.review')}
        {pending === null ? null : (
          <span class="review-count">
            {' '}
            ({num(pending)}
            <span class="visually-hidden"> {t('nav.reviewWaiting')}</span>)
          </span>
        )}
      </a>
    </li>
  )
}
