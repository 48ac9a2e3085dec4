/**
 * @module The review queue as the Review page reads and changes it (GET /api/proposals…, accept,
 * reject, accept all confirms of one source), and the API's errors put in words a person uses.
 */
import { t } from '../i18n/i18n.ts'
import { ApiError, fetchJson, send } from '../api.ts'
import type { Amendment, ProposalDetail, ProposalView } from '../../service/review.ts'
import type { List } from '../types.ts'

export type { ProposalDetail, ProposalView }
export type AmendmentBody = Amendment

/** At most this many pending proposals are listed (the API's own limit for one page). */
export const listLimit = 1000

export const pendingList = () => fetchJson<List<ProposalView>>(`/api/proposals?state=pending&limit=${listLimit}`)
export const sourceList = (reportId: string) => fetchJson<List<ProposalView>>(`/api/proposals?source=${encodeURIComponent(reportId)}&limit=${listLimit}`)
export const proposalDetail = (id: number) => fetchJson<ProposalDetail>(`/api/proposals/${id}`)

export interface AcceptAnswer {
  proposal: ProposalView
  records: string[]
}

export const acceptProposal = (id: number, amendment?: AmendmentBody) => send<AcceptAnswer>('POST', `/api/proposals/${id}/accept`, amendment && Object.keys(amendment).length ? amendment : undefined)
export const rejectProposal = (id: number, reason: string) => send<ProposalView>('POST', `/api/proposals/${id}/reject`, { reason })
export const acceptAllConfirms = (reportId: string) => send<{ accepted: number[]; skipped: number }>('POST', '/api/proposals/accept-confirms', { source: reportId })

/** What the reason says when the editor gave none (the API keeps a reason with every rejection). */
export const noReason = 'rejected in review (no reason given)'

/**
 * "Could not accept this proposal: …" in words, for any error the API or the network gives;
 * `action` is the message key of what was tried ("review.act.accept").
 */
export function explain(action: string, error: unknown): string {
  const e = error instanceof ApiError ? error : new ApiError(0, 'network', String((error as Error)?.message ?? error))
  const values = { action: t(action), message: e.message }
  if (e.status === 0) return t('review.err.network', values)
  if (e.status === 401) return t('review.err.401', values)
  if (e.status === 403) return t('review.err.403', values)
  if (e.status === 404) return t('review.err.404', values)
  if (e.status === 409) return t('review.err.409', values)
  if (e.status === 412) return t('review.err.412', values)
  if (e.status >= 500) return t('review.err.server', values)
  return t('review.err.other', { ...values, message: e.message.replace(/^body\./, '') })
}
