/**
 * @module Referential integrity of a dataset: every reference (province, program, locality,
 * project, source, claim subject) points at a record that exists. Used before any write, so a
 * broken reference is a clear error naming the record, not a database constraint failure.
 */
import type { Dataset } from './dataset.ts'
import type { ErrorDetail } from './errors.ts'

/** Merges two datasets by id (records in `over` replace those in `base`). */
export function mergeDatasets(base: Dataset, over: Dataset): Dataset {
  const out = {} as Record<keyof Dataset, unknown[]>
  for (const key of Object.keys(base) as (keyof Dataset)[]) {
    const map = new Map<string, unknown>()
    for (const r of base[key]) map.set((r as { id: string }).id, r)
    for (const r of over[key]) map.set((r as { id: string }).id, r)
    out[key] = [...map.values()]
  }
  return out as unknown as Dataset
}

/** Which records exist, by subject type ("province", "program", "locality", "source", "project", "event"). */
export type Exists = (type: string, id: string) => boolean

type Missing = (path: string, what: string, id: string) => void
type Rec<K extends keyof Dataset> = Dataset[K][number]

/** The broken references of one record, reported through `missing` (path, what, id) in the order referenceProblems reports them. */
export const recordReferences = {
  localityProvince(l: Rec<'localities'>, exists: Exists, missing: Missing): void {
    if (!exists('province', l.province)) missing(`locality ${l.id}`, 'province', l.province)
  },
  localitySources(l: Rec<'localities'>, exists: Exists, missing: Missing): void {
    for (const s of l.sources) if (!exists('source', s)) missing(`locality ${l.id}`, 'source', s)
  },
  program(p: Rec<'programs'>, exists: Exists, missing: Missing): void {
    for (const s of p.source_ids) if (!exists('source', s)) missing(`program ${p.id}`, 'source', s)
  },
  project(p: Rec<'projects'>, exists: Exists, missing: Missing): void {
    if (!exists('program', p.program_id)) missing(`project ${p.id}`, 'program', p.program_id)
    if (!exists('locality', p.locality_id)) missing(`project ${p.id}`, 'locality', p.locality_id)
  },
  event(e: Rec<'events'>, exists: Exists, missing: Missing): void {
    if (!exists('program', e.program_id)) missing(`event ${e.id}`, 'program', e.program_id)
    if (e.project_id !== null && !exists('project', e.project_id)) missing(`event ${e.id}`, 'project', e.project_id)
  },
  claim(c: Rec<'claims'>, exists: Exists, missing: Missing): void {
    if (!exists('source', c.source_id)) missing(`claim ${c.id} (${c.subject_type} ${c.subject_id}, ${c.field})`, 'source', c.source_id)
    if (!exists(c.subject_type, c.subject_id)) missing(`claim ${c.id}`, c.subject_type, c.subject_id)
  },
}

/** The message of a broken reference, as validate and the imports report it. */
export const missingMessage = (what: string, id: string): string => `unknown ${what} "${id}"`

/**
 * The broken references of the records of `only` when added to the data of `base` (a snapshot's
 * maps by id): what referenceProblems(mergeDatasets(base, only), only) reports, without copying
 * the whole data (an import of a few hundred rows into 474,000 records).
 */
export function referenceProblemsAdding(base: Record<'programs' | 'provinces' | 'localities' | 'sources' | 'projects' | 'events', ReadonlyMap<string, unknown>>, only: Dataset): ErrorDetail[] {
  const ids = (list: { id: string }[]) => new Set(list.map((r) => r.id))
  const sets: Record<string, [ReadonlyMap<string, unknown>, Set<string>]> = {
    program: [base.programs, ids(only.programs)],
    province: [base.provinces, ids(only.provinces)],
    locality: [base.localities, ids(only.localities)],
    source: [base.sources, ids(only.sources)],
    project: [base.projects, ids(only.projects)],
    event: [base.events, ids(only.events)],
  }
  const exists: Exists = (type, id) => {
    const s = sets[type]
    return s !== undefined && (s[1].has(id) || s[0].has(id))
  }
  return checkReferences(only, exists)
}

function checkReferences(check: Dataset, exists: Exists): ErrorDetail[] {
  const claimExists: Exists = (type, id) => type !== 'province' && exists(type, id)
  const problems: ErrorDetail[] = []
  const missing: Missing = (path, what, id) => problems.push({ path, message: missingMessage(what, id) })
  for (const l of check.localities) recordReferences.localityProvince(l, exists, missing)
  for (const l of check.localities) recordReferences.localitySources(l, exists, missing)
  for (const p of check.programs) recordReferences.program(p, exists, missing)
  for (const p of check.projects) recordReferences.project(p, exists, missing)
  for (const e of check.events) recordReferences.event(e, exists, missing)
  for (const c of check.claims) recordReferences.claim(c, claimExists, missing)
  return problems
}

export function referenceProblems(ds: Dataset, only?: Dataset): ErrorDetail[] {
  const ids = (list: { id: string }[]) => new Set(list.map((r) => r.id))
  const sets: Record<string, Set<string>> = {
    program: ids(ds.programs),
    province: ids(ds.provinces),
    locality: ids(ds.localities),
    source: ids(ds.sources),
    project: ids(ds.projects),
    event: ids(ds.events),
  }
  // A claim's subject is one of program, locality, project, event or source (not a province).
  return checkReferences(only ?? ds, (type, id) => sets[type]?.has(id) ?? false)
}
