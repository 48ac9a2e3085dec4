/**
 * @module Checks of the whole dataset that `tracker validate` runs: broken references, events
 * out of order, facts without a source, localities counted twice in a year, years whose count
 * differs from the target, spellings in sources that do not resolve to what they are recorded
 * as, events dated after their only source was published, and conflicts awaiting a
 * preference. Errors make validation fail; warnings are listed. Every edit runs the same checks
 * (service/edit/integrity.ts) and is refused when it would add an error; the rules are written
 * per subject (one project, one event, one claim…) so that an edit re-checks only the subjects
 * its records can change (model/findings.ts).
 */
import { awaitsPreference, type Claim } from './claim.ts'
import { countedTwice, tallyYears } from './counting.ts'
import type { Event } from './event.ts'
import { referenceProblems } from './integrity.ts'
import type { Resolver } from './names/resolve.ts'
import { rangeOf } from './partialDate.ts'
import type { Program } from './program.ts'
import type { Project } from './project.ts'
import type { Snapshot } from './snapshot.ts'

export interface Finding {
  level: 'error' | 'warning'
  code: string
  subject: string
  message: string
}

type Add = (level: Finding['level'], code: string, subject: string, message: string) => void

/** A collector of findings: `add` appends to `out`. */
export function collector(): { out: Finding[]; add: Add } {
  const out: Finding[] = []
  return { out, add: (level, code, subject, message) => out.push({ level, code, subject, message }) }
}

const finishTypes = new Set(['completion', 'inauguration', 'production_start'])

/** year_total of one program: the years before `today`'s whose count differs from the target (this year: a warning). */
export function yearTotalFindings(program: Program, projects: readonly Project[], today: string, add: Add): void {
  const thisYear = Number(today.slice(0, 4))
  for (const t of tallyYears(projects, program)) {
    if (t.year > thisYear || t.counted.length === t.target) continue
    const level = t.year < thisYear ? 'error' : 'warning'
    add(level, 'year_total', `${program.id} ${t.year}`, `${t.counted.length} localities counted, target ${t.target}${level === 'warning' ? ' (year in progress)' : ''}`)
  }
}

/** The rules of one project: sourced, its status sourced, no completion before its groundbreaking. */
export function projectFindings(snapshot: Snapshot, p: Project, add: Add): void {
  const events = snapshot.eventsByProject.get(p.id) ?? []
  const claims = snapshot.claimsBySubject.get(`project:${p.id}`) ?? []
  if (claims.length === 0 && events.length === 0) add('error', 'unsourced', `project ${p.id}`, 'no claim and no event: nothing says where this project comes from')
  if (!claims.some((c) => c.field === 'status') && !events.some((e) => (snapshot.claimsBySubject.get(`event:${e.id}`) ?? []).length > 0)) {
    add('error', 'unsourced_status', `project ${p.id}`, 'its status rests on no source: add a status claim or a sourced event')
  }
  const starts = events.filter((e) => e.type === 'groundbreaking').map((e) => rangeOf(e.date).start)
  const firstStart = starts.sort()[0]
  for (const e of events) {
    if (firstStart && finishTypes.has(e.type) && rangeOf(e.date).end < firstStart) {
      add('error', 'out_of_order', `event ${e.id}`, `${e.type} (${e.date}) before the groundbreaking (${firstStart})`)
    }
  }
}

/** The rules of one event: it cites a source, and is not dated after its only source was published. */
export function eventFindings(snapshot: Snapshot, e: Event, add: Add): void {
  const claims = snapshot.claimsBySubject.get(`event:${e.id}`) ?? []
  if (claims.length === 0) add('error', 'unsourced', `event ${e.id}`, 'no claim: the event cites no source')
  // A report cannot tell of a happening after it was published: with one source only, an
  // event dated after it is a typo in the date (or the source).
  const cited = [...new Set(claims.map((c) => c.source_id))]
  const only = cited.length === 1 ? snapshot.sources.get(cited[0]!) : undefined
  if (only?.published && rangeOf(e.date).start > rangeOf(only.published).end) {
    add('error', 'dated_after_source', `event ${e.id}`, `dated ${e.date}, after its only source ${only.id} was published (${only.published}): check the date, or cite the source that reports it`)
  }
}

/** conflict_unsettled of one "<subject type>:<id>|<field>" group of claims (in id order). */
export function conflictFindings(key: string, claims: readonly Claim[], add: Add): void {
  if (awaitsPreference(claims as Claim[])) {
    const values = [...new Set(claims.map((c) => JSON.stringify(c.value)))].join(' vs ')
    add('warning', 'conflict_unsettled', key.replace('|', ' '), `sources disagree (${values}) and none is preferred`)
  }
}

/** Whether the spelling a claim quotes resolves to the value it records. */
export function spellingFindings(resolver: Resolver, c: Claim, add: Add): void {
  if (!c.said) return
  if (c.field === 'province') {
    const m = resolver.resolveProvince(c.said)
    if (!m) add('error', 'unresolved_spelling', `claim ${c.id}`, `province "${c.said}" (${c.source_id}) does not resolve`)
    else if (m.id !== c.value) add('error', 'misresolved_spelling', `claim ${c.id}`, `province "${c.said}" resolves to ${m.id}, recorded as ${String(c.value)}`)
    else if (m.score < 0.9) add('warning', 'source_spelling', `claim ${c.id}`, `${c.source_id} wrote "${c.said}": read as ${m.id} (score ${m.score.toFixed(2)})`)
  }
  if (c.field === 'locality') {
    const m = resolver.resolveLocality(c.said)
    if (m.status === 'none') add('warning', 'unresolved_spelling', `claim ${c.id}`, `locality "${c.said}" (${c.source_id}) does not resolve on its own`)
    else if (m.status === 'ambiguous') {
      const ids = m.candidates.map((x) => x.id)
      if (!ids.includes(String(c.value))) add('error', 'misresolved_spelling', `claim ${c.id}`, `"${c.said}" is ambiguous (${ids.join(', ')}) and none is ${String(c.value)}`)
    } else if (m.locality !== c.value) add('warning', 'source_spelling', `claim ${c.id}`, `"${c.said}" alone reads as ${m.locality}; recorded as ${String(c.value)} from context`)
    else if (m.score < 0.9) add('warning', 'source_spelling', `claim ${c.id}`, `${c.source_id} wrote "${c.said}": read as ${m.locality} (score ${m.score.toFixed(2)})`)
  }
}

/** The URL two sources share is the same document (trailing slash ignored). */
export const sourceUrlKey = (url: string): string => url.replace(/\/$/, '')

/** duplicate_source of the sources sharing one URL (in id order). */
export function duplicateSourceFindings(url: string, ids: readonly string[], add: Add): void {
  if (ids.length > 1) add('warning', 'duplicate_source', ids.join(', '), `same URL ${url}`)
}

export const countedTwiceFinding = (ids: readonly string[], add: Add): void =>
  add('error', 'counted_twice', ids.join(', '), 'the same locality is counted more than once in one year')

export function validateDataset(snapshot: Snapshot, resolver: Resolver, today: string): Finding[] {
  const { out, add } = collector()
  const ds = snapshot.dataset

  for (const p of referenceProblems(ds)) add('error', 'broken_reference', p.path ?? '', p.message)

  for (const ids of countedTwice(ds.projects)) countedTwiceFinding(ids, add)

  for (const program of ds.programs) yearTotalFindings(program, ds.projects.filter((p) => p.program_id === program.id), today, add)

  for (const p of ds.projects) projectFindings(snapshot, p, add)
  for (const e of ds.events) eventFindings(snapshot, e, add)

  const groups = new Map<string, Claim[]>()
  for (const c of ds.claims) {
    const key = `${c.subject_type}:${c.subject_id}|${c.field}`
    const list = groups.get(key)
    if (list) list.push(c)
    else groups.set(key, [c])
  }
  for (const [key, claims] of groups) conflictFindings(key, claims, add)

  for (const c of ds.claims) spellingFindings(resolver, c, add)

  const byUrl = new Map<string, string[]>()
  for (const s of ds.sources) {
    if (!s.url) continue
    const url = sourceUrlKey(s.url)
    const list = byUrl.get(url)
    if (list) list.push(s.id)
    else byUrl.set(url, [s.id])
  }
  for (const [url, ids] of byUrl) duplicateSourceFindings(url, ids, add)

  return out
}

/** The errors in `after` that `before` did not have (by rule and subject): what a change would add. */
export function addedErrors(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const known = new Set(before.filter((f) => f.level === 'error').map((f) => `${f.code}|${f.subject}`))
  return after.filter((f) => f.level === 'error' && !known.has(`${f.code}|${f.subject}`))
}
