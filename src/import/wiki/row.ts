/**
 * @module One row of the wiki list as records: the project, its claims (status, province, and
 * the locality when the list spells it another way) and its key-date events, each with a date
 * claim quoting the whole Key Date(s) cell. Problems are messages without the line.
 */
import { ClaimSchema, type Claim, type SubjectType } from '../../model/claim.ts'
import { EventSchema, type Event } from '../../model/event.ts'
import { claimId, eventId, projectId } from '../../model/ids.ts'
import { ProjectSchema, type Project } from '../../model/project.ts'
import type { ClaimField } from '../../model/vocab.ts'
import type { WikiOptions } from '../wiki.ts'
import { countedByRules } from './counted.ts'
import { parseKeyDates } from './dates.ts'
import { parseProjectTypes } from './kinds.ts'
import { readPlace } from './place.ts'
import { parseStatus } from './status.ts'
import type { WikiRow } from './tables.ts'

export interface RowRecords {
  project: Project
  events: Event[]
  claims: Claim[]
}

export type RowResult = { ok: true; records: RowRecords; warnings: string[] } | { ok: false; problems: string[]; warnings: string[] }

function claim(subject_type: SubjectType, subject_id: string, field: ClaimField, value: Claim['value'], source_id: string, text: { quote?: string; said?: string }): Claim {
  const core = { subject_type, subject_id, field, value, source_id }
  return { id: claimId(core), ...core, quote: text.quote ?? null, said: text.said ?? null, rank: 'normal', reason: null, first_seen: null, last_seen: null }
}

export function readWikiRow(row: WikiRow, options: WikiOptions): RowResult {
  const [localityCell, provinceCell, typesCell, statusCell, datesCell, notesCell] = row.cells as [string, string, string, string, string, string]
  const programId = options.programId ?? '20x10'
  const source = options.sourceId
  const problems: string[] = []
  const warnings: string[] = []

  const place = readPlace(localityCell, provinceCell, options)
  const { province, localityId } = place
  // Loops, not push(...list): a hostile cell can yield more problems than a call takes arguments.
  for (const p of place.problems) problems.push(p)
  for (const w of place.warnings) warnings.push(w)

  const types = parseProjectTypes(typesCell)
  for (const p of types.problems) problems.push(p)
  const status = parseStatus(statusCell)
  if (!status.ok) problems.push(status.problem)
  const keyDates = parseKeyDates(datesCell)
  for (const p of keyDates.problems) problems.push(p)
  if (keyDates.dates.length === 0 && keyDates.problems.length === 0) warnings.push('no key dates')

  if (problems.length > 0 || localityId === null || !status.ok) return { ok: false, problems, warnings }

  const { counted, counted_reason } = countedByRules(types.kinds, notesCell)
  const project: Project = {
    id: projectId({ program_id: programId, year: row.year, locality_id: localityId }),
    program_id: programId,
    year: row.year,
    pilot: false,
    locality_id: localityId,
    label: null,
    kinds: types.kinds,
    counted,
    counted_reason,
    notes: null,
  }
  const claims: Claim[] = [claim('project', project.id, 'status', status.value, source, { quote: statusCell })]
  if (province) claims.push(claim('project', project.id, 'province', province.id, source, { said: provinceCell }))
  if (place.spelledOtherwise) claims.push(claim('project', project.id, 'locality', localityId, source, { said: localityCell }))

  const events: Event[] = []
  const eventIds = new Set<string>()
  for (const d of keyDates.dates) {
    const id = eventId({ project_id: project.id, program_id: programId, type: d.type, label: d.label })
    if (eventIds.has(id)) {
      problems.push(`two key dates for the same event: "${d.text}" (label it "… of <thing>" to tell them apart)`)
      continue
    }
    eventIds.add(id)
    events.push({ id, program_id: programId, project_id: project.id, type: d.type, label: d.label, date: d.date, leader_present: null, notes: null })
    claims.push(claim('event', id, 'date', d.date, source, { quote: datesCell }))
  }

  // The parts above build valid records; checking them still catches what no rule foresaw
  // (a label or quote longer than the schema allows) as a problem of this row.
  const check = (what: string, result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
    for (const issue of result.error?.issues ?? []) problems.push(`${what} ${issue.path.map(String).join('.')}: ${issue.message}`)
  }
  check('project', ProjectSchema.safeParse(project))
  for (const e of events) check(`event ${e.id}`, EventSchema.safeParse(e))
  for (const c of claims) check(`claim on ${c.subject_id} (${c.field})`, ClaimSchema.safeParse(c))

  if (problems.length > 0) return { ok: false, problems, warnings }
  return { ok: true, records: { project, events, claims }, warnings }
}
