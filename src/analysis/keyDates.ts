/** @module The dates analysts ask for first: when a project broke ground and when it was finished. */
import type { Event } from '../model/event.ts'
import { happenedBy } from '../model/partialDate.ts'

export interface KeyDates {
  announced: string | null
  groundbreaking: string | null
  /** The first inauguration, else the first completion, else the first production start. */
  finished: string | null
  finished_type: 'inauguration' | 'completion' | 'production_start' | null
  leader_visits: number
}

/** From a project's events (in date order), as of an optional date. */
export function keyDates(events: readonly Event[], asOf?: string): KeyDates {
  const seen = asOf === undefined ? events : events.filter((e) => happenedBy(e.date, asOf))
  const first = (type: Event['type']) => seen.find((e) => e.type === type)?.date ?? null
  const finishedEvent =
    seen.find((e) => e.type === 'inauguration') ?? seen.find((e) => e.type === 'completion') ?? seen.find((e) => e.type === 'production_start')
  return {
    announced: first('announced'),
    groundbreaking: first('groundbreaking'),
    finished: finishedEvent?.date ?? null,
    finished_type: (finishedEvent?.type as KeyDates['finished_type']) ?? null,
    leader_visits: seen.filter((e) => e.leader_present === true || e.type === 'leader_visit').length,
  }
}
