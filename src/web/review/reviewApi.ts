/**
 * @module The review queue as the Review page reads and changes it (GET /api/proposals…, accept,
 * reject, accept all confirms of one source), and the API's errors put in words a person uses.
 */
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

/** "Could not accept this proposal: …" in words, for any error the API or the network gives. */
export function explain(action: string, error: unknown): string {
  const e = error instanceof ApiError ? error : new ApiError(0, 'network', String((error as Error)?.message ?? error))
  const what = `Could not ${action}`
  if (e.status === 0) return `${what}: ${e.message}. Check the connection and try again.`
  if (e.status === 401) return `${what}: you are no longer signed in. Sign in again, then retry; nothing was changed.`
  if (e.status === 403) return `${what}: only editors can review proposals.`
  if (e.status === 404) return `${what}: it is no longer in the queue (someone may have removed it). The list has been read again.`
  if (e.status === 409) return `${what}: ${e.message}. The list has been read again.`
  if (e.status === 412) return `${what}: the record changed meanwhile. The list has been read again; try once more.`
  if (e.status >= 500) return `${what}: the server failed (${e.message}). Nothing was changed; try again later.`
  return `${what}: ${e.message.replace(/^body\./, '')}.`
}
