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

export function referenceProblems(ds: Dataset, only?: Dataset): ErrorDetail[] {
  const ids = (list: { id: string }[]) => new Set(list.map((r) => r.id))
  const programs = ids(ds.programs)
  const provinces = ids(ds.provinces)
  const localities = ids(ds.localities)
  const sources = ids(ds.sources)
  const projects = ids(ds.projects)
  const events = ids(ds.events)
  const subjects: Record<string, Set<string>> = { program: programs, locality: localities, project: projects, event: events, source: sources }
  const check = only ?? ds
  const problems: ErrorDetail[] = []
  const missing = (path: string, what: string, id: string) => problems.push({ path, message: `unknown ${what} "${id}"` })
  for (const l of check.localities) if (!provinces.has(l.province)) missing(`locality ${l.id}`, 'province', l.province)
  for (const l of check.localities) for (const s of l.sources) if (!sources.has(s)) missing(`locality ${l.id}`, 'source', s)
  for (const p of check.programs) for (const s of p.source_ids) if (!sources.has(s)) missing(`program ${p.id}`, 'source', s)
  for (const p of check.projects) {
    if (!programs.has(p.program_id)) missing(`project ${p.id}`, 'program', p.program_id)
    if (!localities.has(p.locality_id)) missing(`project ${p.id}`, 'locality', p.locality_id)
  }
  for (const e of check.events) {
    if (!programs.has(e.program_id)) missing(`event ${e.id}`, 'program', e.program_id)
    if (e.project_id !== null && !projects.has(e.project_id)) missing(`event ${e.id}`, 'project', e.project_id)
  }
  for (const c of check.claims) {
    if (!sources.has(c.source_id)) missing(`claim ${c.id} (${c.subject_type} ${c.subject_id}, ${c.field})`, 'source', c.source_id)
    if (!subjects[c.subject_type]?.has(c.subject_id)) missing(`claim ${c.id}`, c.subject_type, c.subject_id)
  }
  return problems
}
