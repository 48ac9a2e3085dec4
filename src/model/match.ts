/**
 * @module Matching a proposed fact (an event the intake read from a report) against the record:
 * new (no such event yet), confirms (same project, type and date), conflicts (same project and
 * type, another date, province or leader presence), new_project (a locality and policy year the
 * record lacks) or duplicate (this source already says it). Pure: a fact and a snapshot in, a
 * match out. Dates compare as ranges, so "Dec 2024" and "20 Dec 2024" agree.
 */
import type { Event } from './event.ts'
import { rangeOf, type DatePrecision, type PartialDate } from './partialDate.ts'
import type { Project } from './project.ts'
import { claimsOf, type Snapshot } from './snapshot.ts'
import type { EventType, FacilityKind } from './vocab.ts'

/** The fields of a proposed event that matching reads (the extractor's ProposedEvent has them all). */
export interface ProposedFact {
  type: EventType
  /** Gazetteer id, or null when the place is ambiguous (see candidates). */
  locality: string | null
  candidates: string[]
  /** The province the text gives for the place. */
  province: string | null
  date: PartialDate | null
  date_precision?: DatePrecision | null
  leader_present: boolean
  kinds: FacilityKind[]
}

export const matchKinds = ['new', 'confirms', 'conflicts', 'new_project', 'duplicate'] as const
export type MatchKind = (typeof matchKinds)[number]

export interface Difference {
  field: 'date' | 'province' | 'leader_present' | 'kinds' | 'locality'
  /** What the record holds (null when it holds nothing). */
  record: unknown
  proposed: unknown
}

export interface Match {
  kind: MatchKind
  project_id: string | null
  event_id: string | null
  /** The locality and policy year the fact belongs to (of the matched project, or proposed). */
  locality_id: string | null
  year: number | null
  /** The record's claim the fact agrees with (confirms, duplicate). */
  claim_id: string | null
  differs: Difference[]
  /** One line for people: why this kind. */
  note: string
}

/** Types that happen at the start of a policy year's project; the rest may come a year or two later. */
const startTypes: ReadonlySet<EventType> = new Set(['announced', 'groundbreaking'])

/** True when one date's range holds the other's: the same happening told at different precision. */
export function datesAgree(a: PartialDate, b: PartialDate): boolean {
  const ra = rangeOf(a)
  const rb = rangeOf(b)
  return (ra.start <= rb.start && rb.end <= ra.end) || (rb.start <= ra.start && ra.end <= rb.end)
}

function yearOf(date: PartialDate | null): number | null {
  return date ? Number(date.slice(0, 4)) : null
}

/** Can an event of this type in `year` belong to `project`? */
function plausible(project: Project, type: EventType, year: number | null, programStart: number): boolean {
  if (year === null) return true
  if (project.year === null) return year < programStart
  if (startTypes.has(type)) return project.year === year || (type === 'announced' && project.year === year + 1)
  return project.year <= year && year <= project.year + 2
}

function kindOverlap(project: Project, kinds: readonly string[]): number {
  return kinds.filter((k) => (project.kinds as string[]).includes(k)).length
}

function dateClaims(snapshot: Snapshot, event: Event) {
  return claimsOf(snapshot, 'event', event.id).filter((c) => c.field === 'date' && c.rank !== 'deprecated' && typeof c.value === 'string')
}

/** The events of `type` in the project that agree with the date (the event's own date or a claim of it). */
function agreeingEvent(snapshot: Snapshot, events: Event[], date: PartialDate | null): Event | null {
  if (!date) return events[0] ?? null
  return events.find((e) => datesAgree(e.date, date)) ?? events.find((e) => dateClaims(snapshot, e).some((c) => datesAgree(c.value as string, date))) ?? null
}

function chooseProject(snapshot: Snapshot, fact: ProposedFact, candidates: Project[]): Project | null {
  const year = yearOf(fact.date)
  let best: { p: Project; score: number[] } | null = null
  for (const p of candidates) {
    const events = (snapshot.eventsByProject.get(p.id) ?? []).filter((e) => e.type === fact.type)
    const score = [
      events.length > 0 && agreeingEvent(snapshot, events, fact.date) && fact.date ? 1 : 0,
      kindOverlap(p, fact.kinds),
      // A later event type goes to the project still lacking it (the 2024 factories are open; the
      // 2025 hospital in the same county is the one being inaugurated).
      events.length === 0 ? 1 : 0,
      year === null || p.year === null ? 0 : -Math.abs(year - p.year),
    ]
    if (!best || compareScores(score, best.score) > 0) best = { p, score }
  }
  return best?.p ?? null
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

export interface MatchOptions {
  /** The report's URL: a recorded source with this URL already saying the fact makes it a duplicate. */
  url?: string | null
  /** The source the report became (when it was taken in before). */
  sourceId?: string | null
  program?: string
}

/** Matches one proposed fact against the record. */
export function matchProposal(fact: ProposedFact, snapshot: Snapshot, options: MatchOptions = {}): Match {
  const programId = options.program ?? '20x10'
  const programStart = snapshot.programs.get(programId)?.start_year ?? 2024
  const year = yearOf(fact.date)
  const base = { project_id: null, event_id: null, claim_id: null, differs: [] as Difference[] }
  const locality = fact.locality ? snapshot.localities.get(fact.locality) : undefined
  if (!locality) {
    const what = fact.candidates.length ? `could be ${fact.candidates.join(' or ')}` : 'is not in the gazetteer'
    return { ...base, kind: 'new', locality_id: null, year, note: `the place ${what}: pick the locality before accepting` }
  }
  const projects = (snapshot.projectsByLocality.get(locality.id) ?? []).filter((p) => p.program_id === programId)
  const fitting = projects.filter((p) => plausible(p, fact.type, year, programStart))
  const project = chooseProject(snapshot, fact, fitting)
  if (!project) {
    const policyYear = year !== null && year >= programStart ? year : null
    const others = projects.length ? ` (it has ${projects.map((p) => p.year ?? 'pilot').join(', ')})` : ''
    return { ...base, kind: 'new_project', locality_id: locality.id, year: policyYear, note: `no ${policyYear ?? ''} project in ${locality.plain} yet${others}`.replace('  ', ' ') }
  }
  const m = { ...base, locality_id: locality.id, year: project.year, project_id: project.id }
  const differs: Difference[] = []
  if (fact.province && fact.province !== locality.province) differs.push({ field: 'province', record: locality.province, proposed: fact.province })
  const missingKinds = fact.kinds.filter((k) => !(project.kinds as string[]).includes(k))
  if (missingKinds.length) differs.push({ field: 'kinds', record: project.kinds, proposed: fact.kinds })

  const sameType = (snapshot.eventsByProject.get(project.id) ?? []).filter((e) => e.type === fact.type)
  if (sameType.length === 0) {
    return { ...m, kind: 'new', differs, note: `${project.id} has no ${fact.type} yet` }
  }
  const event = agreeingEvent(snapshot, sameType, fact.date)
  if (!event) {
    const nearest = sameType[0]!
    differs.unshift({ field: 'date', record: nearest.date, proposed: fact.date })
    return { ...m, kind: 'conflicts', event_id: nearest.id, differs, note: `${nearest.id} is dated ${nearest.date}, the report says ${fact.date}` }
  }
  const claims = dateClaims(snapshot, event)
  const agreeing = fact.date ? claims.filter((c) => datesAgree(c.value as string, fact.date!)) : []
  if (fact.leader_present && event.leader_present === false) differs.push({ field: 'leader_present', record: false, proposed: true })
  const sameSource = agreeing.find((c) => c.source_id === options.sourceId || (options.url && snapshot.sources.get(c.source_id)?.url === options.url))
  const conflicting = differs.filter((d) => d.field === 'province' || d.field === 'leader_present')
  if (sameSource && conflicting.length === 0) {
    return { ...m, kind: 'duplicate', event_id: event.id, claim_id: sameSource.id, differs, note: `source ${sameSource.source_id} already gives this date` }
  }
  if (conflicting.length) {
    return { ...m, kind: 'conflicts', event_id: event.id, claim_id: agreeing[0]?.id ?? null, differs, note: `same ${fact.type} and date, but another ${conflicting.map((d) => d.field.replace('_', ' ')).join(' and ')}` }
  }
  return { ...m, kind: 'confirms', event_id: event.id, claim_id: agreeing[0]?.id ?? null, differs, note: `agrees with ${event.id} (${event.date})` }
}
