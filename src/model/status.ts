/**
 * @module The status of a project (planned → under construction → operational, or suspended),
 * derived from its dated events where they say enough, and from stated status claims where they
 * do not. Optionally as of a past date: then only what had happened (and been reported) by then
 * counts.
 *
 * Rule, in order:
 * 1. Events give a status: announced → planned; groundbreaking, construction stage, leader visit
 *    → under construction; completion, inauguration, production start → operational. The most
 *    advanced one wins.
 * 2. A stated status claim (preferred first, then the most recently published) whose source was
 *    published after the latest event is the newest evidence and wins, even when it says less:
 *    e.g. "factories inaugurated in December, grain station still unfinished" reported later.
 * 3. Otherwise a claim only adds what events do not show (a project reported operational
 *    without a dated opening), and a suspension always stands.
 */
import type { ClaimRank, EventType, Status } from './vocab.ts'
import { happenedBy, rangeOf } from './partialDate.ts'

const eventStatus: Partial<Record<EventType, Exclude<Status, 'suspended'>>> = {
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
  let latestEvent = ''
  for (const e of evidence.events) {
    const s = eventStatus[e.type]
    if (!s || (asOf !== undefined && !happenedBy(e.date, asOf))) continue
    if (fromEvents === null || progress[s] > progress[fromEvents]) fromEvents = s
    const end = rangeOf(e.date).end
    if (end > latestEvent) latestEvent = end
  }
  const stated = evidence.claims
    .filter((c) => c.rank !== 'deprecated' && isStatus(c.value))
    .filter((c) => asOf === undefined || (c.published !== null && happenedBy(c.published, asOf)))
    .sort((a, b) => {
      if (a.rank !== b.rank) return a.rank === 'preferred' ? -1 : b.rank === 'preferred' ? 1 : 0
      return (b.published ?? '').localeCompare(a.published ?? '')
    })
  const top = stated[0]
  const claimed = top?.value as Status | undefined
  if (claimed === 'suspended') return { status: 'suspended', basis: 'claim' }
  if (claimed !== undefined) {
    const newer = top!.published !== null && rangeOf(top!.published).start > latestEvent
    if (fromEvents === null || newer || progress[claimed] > progress[fromEvents]) return { status: claimed, basis: 'claim' }
  }
  if (fromEvents !== null) return { status: fromEvents, basis: 'events' }
  return { status: null, basis: 'none' }
}
