/**
 * @module Import: parse a file in one of the formats (wiki list, CSV tables, JSON document),
 * reconcile it with the current data, and either preview what would change (dry run) or apply
 * it in one transaction with a revision per changed record. Shared by the CLI and the API.
 */
import { parseCsvTables } from '../import/csv.ts'
import { parseJsonDocument } from '../import/json.ts'
import { parseWiki } from '../import/wiki.ts'
import { entityNames, type Dataset, type EntityName } from '../model/dataset.ts'
import { InvalidInputError, type ErrorDetail } from '../model/errors.ts'
import { referenceProblemsAdding } from '../model/integrity.ts'
import { describeProblems, maxProblemsListed } from '../model/problems.ts'
import { compareIds } from '../model/patchSnapshot.ts'
import { resolverFor } from '../model/placeSearch.ts'
import { planChanges, planCounts, type Plan } from '../model/plan.ts'
import { reconcile, type KeptConflict } from '../model/reconcile.ts'
import { buildSnapshot, type Snapshot } from '../model/snapshot.ts'
import { applyPlan, type ApplyResult } from '../store/applyPlan.ts'
import type { Tracker } from './tracker.ts'

import type { ImportFormat } from '../model/importFormats.ts'
export { importFormats, type ImportFormat } from '../model/importFormats.ts'

export interface ImportInput {
  format: ImportFormat
  /** File name → text. One file for wiki and json; one or more tables for csv. */
  files: Map<string, string>
  /** For the wiki format: the source every claim cites. */
  sourceId?: string
}

export interface PreparedImport {
  format: ImportFormat
  plan: Plan
  kept: KeptConflict[]
  warnings: ErrorDetail[]
  counts: ReturnType<typeof planCounts>
  rows: number
  /** Snapshot version the plan was made against. */
  version: number
}

export const defaultWikiSource = 'wikipedia-20x10-policy'

async function parse(snapshot: Snapshot, input: ImportInput): Promise<{ dataset: Dataset; warnings: ErrorDetail[]; rows: number }> {
  if (input.files.size === 0) throw new InvalidInputError('nothing to import: no file given')
  if (input.format === 'csv') {
    const dataset = await parseCsvTables(input.files)
    return { dataset, warnings: [], rows: Object.values(dataset).reduce((n, l) => n + l.length, 0) }
  }
  if (input.files.size > 1) throw new InvalidInputError(`the ${input.format} format takes one file, got ${input.files.size}`)
  const [name, text] = [...input.files][0]!
  if (input.format === 'json') {
    const dataset = parseJsonDocument(text, name)
    return { dataset, warnings: [], rows: dataset.projects.length }
  }
  const sourceId = input.sourceId ?? defaultWikiSource
  if (!snapshot.sources.has(sourceId)) {
    throw new InvalidInputError(`unknown source "${sourceId}": the wiki format needs --source with the id of a source already recorded`)
  }
  // Built once per gazetteer and shared with place search and the integrity checks (40 ms at each build).
  const resolver = resolverFor(snapshot)
  const result = parseWiki(text, {
    file: name,
    sourceId,
    resolve: (t, o) => resolver.resolveLocality(t, o),
    resolveProvince: (t) => resolver.resolveProvince(t),
    localities: snapshot.dataset.localities,
  })
  return { dataset: result.dataset, warnings: result.warnings.map((w) => ({ path: `${name}:${w.line}`, message: w.message })), rows: result.rows }
}

/**
 * The current records an import's plan can depend on, looked up in the snapshot's indexes: those
 * with the ids of the incoming records, and the claims on incoming events (a preferred date claim
 * keeps an event's date, model/reconcile.ts). Reconciling and planning against these alone gives
 * the plan the whole data would (both only look incoming ids up, and keep the current order),
 * in time proportional to the import instead of to the 474k records of 100× the data.
 */
function concerned(snapshot: Snapshot, incoming: Dataset): Dataset {
  const out = {} as Record<EntityName, { id: string }[]>
  for (const entity of entityNames) {
    const map = snapshot[entity] as ReadonlyMap<string, { id: string }>
    const found: { id: string }[] = []
    for (const r of incoming[entity] as { id: string }[]) {
      const before = map.get(r.id)
      if (before) found.push(before)
    }
    out[entity] = found
  }
  const claims = new Map(out.claims.map((c) => [c.id, c]))
  for (const e of incoming.events) for (const c of snapshot.claimsBySubject.get(`event:${e.id}`) ?? []) claims.set(c.id, c)
  for (const entity of entityNames) {
    const list = entity === 'claims' ? [...claims.values()] : out[entity]
    // The order of the whole data (by id, code point): the last of several preferred claims wins in reconcile.
    out[entity] = [...new Map(list.map((r) => [r.id, r])).values()].sort((a, b) => compareIds(a.id, b.id))
  }
  return out as unknown as Dataset
}

/**
 * Plans an import against the current data — or, when `base` is given, against that dataset
 * instead (a dry run into an empty database previews against the bundled reference data).
 */
export async function prepareImport(tracker: Tracker, input: ImportInput, base?: Dataset): Promise<PreparedImport> {
  const current = await tracker.readModel.current()
  const snapshot = base ? buildSnapshot(base, current.version) : current
  const { dataset, warnings, rows } = await parse(snapshot, input)
  const touched = concerned(snapshot, dataset)
  const { dataset: merged, kept } = reconcile(touched, dataset)
  const problems = referenceProblemsAdding(snapshot, merged)
  if (problems.length > 0) {
    const where = [...input.files.keys()].join(', ')
    const listed = problems.slice(0, maxProblemsListed).map((p) => ({ ...p, path: `${where}: ${p.path}` }))
    throw new InvalidInputError(`${where}: ${problems.length} broken reference(s), first: ${problems[0]!.path}: ${problems[0]!.message}`, describeProblems(listed, problems.length)[1])
  }
  const plan = planChanges(touched, merged)
  return { format: input.format, plan, kept, warnings, counts: planCounts(plan), rows, version: snapshot.version }
}

export async function applyImport(tracker: Tracker, prepared: PreparedImport, ctx: { actor: string; comment: string; sourceId?: string | null; now?: Date }): Promise<ApplyResult> {
  const result = await applyPlan(tracker.store.db, prepared.plan, { actor: ctx.actor, comment: ctx.comment, source_id: ctx.sourceId ?? null, ...(ctx.now ? { now: ctx.now } : {}) })
  // Claims seen again are named in batch_records under the batch: every instance patches them in.
  if (result.version !== null) tracker.readModel.written(result.version, result.batch)
  return result
}

/** The preview as plain data (for --json and the API). */
export function previewOf(prepared: PreparedImport) {
  return {
    format: prepared.format,
    rows: prepared.rows,
    counts: prepared.counts,
    add: prepared.plan.entries.filter((e) => e.action === 'add').map((e) => ({ entity: e.entity, id: e.id })),
    change: prepared.plan.entries
      .filter((e) => e.action === 'change')
      .map((e) => ({ entity: e.entity, id: e.id, changes: e.changes })),
    kept_conflicts: prepared.kept,
    warnings: prepared.warnings,
  }
}
