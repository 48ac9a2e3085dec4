/**
 * @module Turns a JSON document (nested projects → events → claims) into flat records with
 * stable ids, checking what a schema alone cannot: ids that match their key fields, event dates
 * that agree with their claims, preferred claims with a reason.
 */
import type { Claim, SubjectType } from '../model/claim.ts'
import { emptyDataset, type Dataset } from '../model/dataset.ts'
import { InvalidInputError, type ErrorDetail } from '../model/errors.ts'
import { claimId, eventId, projectId } from '../model/ids.ts'
import { facilityKinds } from '../model/vocab.ts'
import type { ClaimDoc, DatasetDoc, EventDoc } from './documentSchema.ts'

function toClaim(doc: ClaimDoc, subject_type: SubjectType, subject_id: string): Claim {
  const core = { subject_type, subject_id, field: doc.field, value: doc.value, source_id: doc.source }
  return {
    id: claimId(core),
    ...core,
    quote: doc.quote ?? null,
    said: doc.said ?? null,
    rank: doc.rank ?? 'normal',
    reason: doc.reason ?? null,
    first_seen: doc.first_seen ?? null,
    last_seen: doc.last_seen ?? null,
  }
}

/** The value an event's date claims settle on, or a problem. */
function checkEventDate(e: EventDoc, where: string, problems: ErrorDetail[]): void {
  const dateClaims = e.claims.filter((c) => c.field === 'date')
  if (dateClaims.length === 0) return
  const preferred = dateClaims.filter((c) => c.rank === 'preferred')
  if (preferred.length > 1 && new Set(preferred.map((c) => String(c.value))).size > 1) {
    problems.push({ path: `${where}.claims`, message: 'two preferred date claims disagree' })
    return
  }
  const live = dateClaims.filter((c) => c.rank !== 'deprecated')
  const settled = preferred[0]?.value ?? (new Set(live.map((c) => String(c.value))).size === 1 ? live[0]?.value : undefined)
  if (settled !== undefined && settled !== e.date) {
    problems.push({ path: `${where}.date`, message: `date ${e.date} differs from the preferred claim's ${String(settled)}` })
  }
}

export function flattenDocument(doc: DatasetDoc, file = 'input'): Dataset {
  const ds = emptyDataset()
  const problems: ErrorDetail[] = []
  const seen = new Map<string, string>()
  const unique = (kind: string, id: string, where: string) => {
    const key = `${kind}:${id}`
    const first = seen.get(key)
    if (first) problems.push({ path: where, message: `duplicate ${kind} id ${id} (also at ${first})` })
    else seen.set(key, where)
  }
  const checkGivenId = (given: string | undefined, derived: string, where: string) => {
    if (given !== undefined && given !== derived) problems.push({ path: `${where}.id`, message: `id ${given} does not match its key fields (expected ${derived})` })
  }
  const addClaims = (claims: ClaimDoc[], type: SubjectType, id: string, where: string) => {
    claims.forEach((c, i) => {
      const claim = toClaim(c, type, id)
      checkGivenId(c.id, claim.id, `${where}.claims[${i}]`)
      if (c.rank === 'deprecated' && !c.reason) problems.push({ path: `${where}.claims[${i}].reason`, message: 'a deprecated claim needs a reason' })
      unique('claim', claim.id, `${where}.claims[${i}]`)
      ds.claims.push(claim)
    })
  }
  const addEvent = (e: EventDoc, program_id: string, project_id: string | null, where: string) => {
    const id = eventId({ project_id, program_id, type: e.type, label: e.label ?? null })
    checkGivenId(e.id, id, where)
    unique('event', id, where)
    checkEventDate(e, where, problems)
    ds.events.push({
      id,
      program_id,
      project_id,
      type: e.type,
      label: e.label ?? null,
      date: e.date,
      leader_present: e.leader_present ?? null,
      notes: e.notes ?? null,
    })
    addClaims(e.claims, 'event', id, where)
  }

  doc.programs.forEach(({ claims, ...p }, i) => {
    unique('program', p.id, `programs[${i}]`)
    ds.programs.push(p)
    addClaims(claims, 'program', p.id, `programs[${i}]`)
  })
  doc.provinces.forEach((p, i) => {
    unique('province', p.id, `provinces[${i}]`)
    ds.provinces.push(p)
  })
  doc.localities.forEach(({ claims, ...l }, i) => {
    unique('locality', l.id, `localities[${i}]`)
    if (!l.id.startsWith(`${l.province}.`)) problems.push({ path: `localities[${i}].id`, message: `id ${l.id} does not start with its province ${l.province}` })
    ds.localities.push(l)
    addClaims(claims, 'locality', l.id, `localities[${i}]`)
  })
  doc.sources.forEach((s, i) => {
    unique('source', s.id, `sources[${i}]`)
    ds.sources.push(s)
  })
  doc.projects.forEach((p, i) => {
    const where = `projects[${i}]`
    const pilot = p.pilot ?? false
    if (p.year === null && !pilot) problems.push({ path: `${where}.year`, message: 'a project without a policy year must be a pilot' })
    if (!p.counted && !p.counted_reason) problems.push({ path: `${where}.counted_reason`, message: 'an uncounted project needs the reason it does not count' })
    const id = projectId({ program_id: p.program, year: p.year, locality_id: p.locality, label: p.label ?? null })
    checkGivenId(p.id, id, where)
    unique('project', id, where)
    ds.projects.push({
      id,
      program_id: p.program,
      year: p.year,
      pilot,
      locality_id: p.locality,
      label: p.label ?? null,
      kinds: facilityKinds.values.filter((k) => p.kinds.includes(k)),
      counted: p.counted,
      counted_reason: p.counted ? null : (p.counted_reason ?? null),
      notes: p.notes ?? null,
    })
    addClaims(p.claims, 'project', id, where)
    p.events.forEach((e, j) => addEvent(e, p.program, id, `${where}.events[${j}]`))
  })
  doc.program_events.forEach((e, i) => addEvent(e, e.program ?? '20x10', null, `program_events[${i}]`))

  if (problems.length > 0) {
    throw new InvalidInputError(`${file}: ${problems.length} problem(s), first: ${problems[0]?.path}: ${problems[0]?.message}`, problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })))
  }
  return ds
}
