/**
 * @module The header's "Review (N)" link for editors: how many proposals wait for review, read
 * from GET /api/proposals/count when the page changes and after every saved change.
 */
import { useEffect, useState } from 'preact/hooks'
import { fetchJson } from '../api.ts'
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
        Review{pending === null ? null : <span class="review-count"> ({pending.toLocaleString('en')}<span class="visually-hidden"> waiting</span>)</span>}
      </a>
    </li>
  )
}
