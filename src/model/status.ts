/**
 * @module The status of a project (planned → under construction → operational, or suspended),
 * derived from its dated events where they say enough, and from stated status claims where they
 * do not. Optionally as of a past date: then only what had happened (and been reported) by then counts.
 */
import type { ClaimRank, EventType, Status } from './vocab.ts'
import { happenedBy } from './partialDate.ts'

const eventStatus: Partial<Record<EventType, Status>> = {
  announced: 'planned',
  groundbreaking: 'under_construction',
  construction_stage: 'under_construction',
  leader_visit: 'under_construction',
  completion: 'operational',
  inauguration: 'operational',
  production_start: 'operational',
}

const progress: Record<Exclude<Status, 'suspended'>, number> = { planned: 0, under_construction: 1, operational: 2 }

export interface StatusEvidence {
  events: ReadonlyArray<{ type: EventType; date: string }>
  /** Status claims with the publication date of their source (null when unknown). */
  claims: ReadonlyArray<{ value: unknown; rank: ClaimRank; published: string | null }>
}

export interface DerivedStatus {
  status: Status | null
  /** What the status rests on: dated events, a stated claim, or nothing yet. */
  basis: 'events' | 'claim' | 'none'
}

function isStatus(v: unknown): v is Status {
  return v === 'planned' || v === 'under_construction' || v === 'operational' || v === 'suspended'
}

export function deriveStatus(evidence: StatusEvidence, asOf?: string): DerivedStatus {
  let fromEvents: Exclude<Status, 'suspended'> | null = null
  for (const e of evidence.events) {
    if (asOf !== undefined && !happenedBy(e.date, asOf)) continue
    const s = eventStatus[e.type]
    if (s && s !== 'suspended' && (fromEvents === null || progress[s] > progress[fromEvents])) fromEvents = s
  }
  const stated = evidence.claims
    .filter((c) => c.rank !== 'deprecated' && isStatus(c.value))
    .filter((c) => asOf === undefined || (c.published !== null && happenedBy(c.published, asOf)))
    .sort((a, b) => (a.rank === b.rank ? 0 : a.rank === 'preferred' ? -1 : b.rank === 'preferred' ? 1 : 0))
  const claimed = stated[0]?.value as Status | undefined
  if (claimed === 'suspended') return { status: 'suspended', basis: 'claim' }
  if (claimed !== undefined && (fromEvents === null || progress[claimed] > progress[fromEvents])) {
    return { status: claimed, basis: 'claim' }
  }
  if (fromEvents !== null) return { status: fromEvents, basis: 'events' }
  return { status: null, basis: 'none' }
}
