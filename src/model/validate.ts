/**
 * @module Checks of the whole dataset that `tracker validate` runs: broken references, events
 * out of order, facts without a source, localities counted twice in a year, years whose count
 * differs from the target, spellings in sources that do not resolve to what they are recorded
 * as, events dated after their only source was published, and conflicts awaiting a
 * preference. Errors make validation fail; warnings are listed. Every edit runs the same checks
 * (service/edit/integrity.ts) and is refused when it would add an error.
 */
import { awaitsPreference, type Claim } from './claim.ts'
import { countedTwice, tallyYears } from './counting.ts'
import { referenceProblems } from './integrity.ts'
import type { Resolver } from './names/resolve.ts'
import { rangeOf } from './partialDate.ts'
import type { Snapshot } from './snapshot.ts'

export interface Finding {
  level: 'error' | 'warning'
  code: string
  subject: string
  message: string
}

const finishTypes = new Set(['completion', 'inauguration', 'production_start'])

export function validateDataset(snapshot: Snapshot, resolver: Resolver, today: string): Finding[] {
  const out: Finding[] = []
  const add = (level: Finding['level'], code: string, subject: string, message: string) => out.push({ level, code, subject, message })
  const ds = snapshot.dataset

  for (const p of referenceProblems(ds)) add('error', 'broken_reference', p.path ?? '', p.message)

  for (const ids of countedTwice(ds.projects)) add('error', 'counted_twice', ids.join(', '), 'the same locality is counted more than once in one year')

  for (const program of ds.programs) {
    const thisYear = Number(today.slice(0, 4))
    for (const t of tallyYears(ds.projects.filter((p) => p.program_id === program.id), program)) {
      if (t.year > thisYear || t.counted.length === t.target) continue
      const level = t.year < thisYear ? 'error' : 'warning'
      add(level, 'year_total', `${program.id} ${t.year}`, `${t.counted.length} localities counted, target ${t.target}${level === 'warning' ? ' (year in progress)' : ''}`)
    }
  }

  for (const p of ds.projects) {
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
  for (const e of ds.events) {
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

  const groups = new Map<string, Claim[]>()
  for (const c of ds.claims) {
    const key = `${c.subject_type}:${c.subject_id}|${c.field}`
    const list = groups.get(key)
    if (list) list.push(c)
    else groups.set(key, [c])
  }
  for (const [key, claims] of groups) {
    if (awaitsPreference(claims)) {
      const values = [...new Set(claims.map((c) => JSON.stringify(c.value)))].join(' vs ')
      add('warning', 'conflict_unsettled', key.replace('|', ' '), `sources disagree (${values}) and none is preferred`)
    }
  }

  for (const c of ds.claims) {
    if (!c.said) continue
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

  const byUrl = new Map<string, string[]>()
  for (const s of ds.sources) {
    if (!s.url) continue
    const url = s.url.replace(/\/$/, '')
    const list = byUrl.get(url)
    if (list) list.push(s.id)
    else byUrl.set(url, [s.id])
  }
  for (const [url, ids] of byUrl) if (ids.length > 1) add('warning', 'duplicate_source', ids.join(', '), `same URL ${url}`)

  return out
}

/** The errors in `after` that `before` did not have (by rule and subject): what a change would add. */
export function addedErrors(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const known = new Set(before.filter((f) => f.level === 'error').map((f) => `${f.code}|${f.subject}`))
  return after.filter((f) => f.level === 'error' && !known.has(`${f.code}|${f.subject}`))
}
