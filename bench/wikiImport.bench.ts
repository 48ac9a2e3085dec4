/**
 * @module `npx tsx bench/wikiImport.bench.ts`: imports into the 100× PGlite database of
 * bench/readModel.bench.ts (BENCH_DIR), on a copy of it made for the run and deleted after
 * (each import changes the data): the wiki list of the last synthetic programme (its projects
 * exist: the import adds the wiki's claims), then the CSV tables of one more programme (new
 * projects, events and claims citing the sources already there). Each end to end after opening:
 * prepare (parse, reconcile, plan), apply (one transaction with revisions), and the read model
 * after it (a patch) — rows/s against the goal of ≥ 1,000. The same-run baseline is what the plan
 * cost before imports planned against the snapshot's indexes: reconciling and planning the same
 * input against the whole data (474k records).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../src/config/config.ts'
import { emptyDataset, type Dataset } from '../src/model/dataset.ts'
import { planChanges } from '../src/model/plan.ts'
import { reconcile } from '../src/model/reconcile.ts'
import { applyImport, prepareImport, type ImportInput } from '../src/service/importService.ts'
import { openTracker, type Tracker } from '../src/service/tracker.ts'
import { generateSynthetic, syntheticCsv, syntheticWiki } from './synthetic.ts'

const big = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'tracker-readmodel-100x')

export interface ImportFigure {
  name: string
  rows: number
  /** prepare + apply + read model after, in ms. */
  ms: number
  rowsPerS: number
  detail: string
  /** Reconcile + plan alone of the same records against the whole data (the way before), in ms. */
  wholeDataPlanMs: number
  /** prepareImport: parse, reconcile and plan against the snapshot's indexes, reference checks. */
  planMs: number
}

/** The records a plan writes, as a dataset (the wiki's parsed rows are not kept by prepareImport). */
function planned(entries: { entity: string; after: Record<string, unknown> }[]): Dataset {
  const out = emptyDataset() as unknown as Record<string, Record<string, unknown>[]>
  for (const e of entries) out[e.entity]!.push(e.after)
  return out as unknown as Dataset
}

/** `now`: the import's date (a re-import on a later day moves the last_seen of the claims it sees again). */
export async function measureImport(tracker: Tracker, name: string, input: ImportInput, incoming: Dataset | null, now?: Date): Promise<ImportFigure> {
  const before = await tracker.readModel.current()
  let t = performance.now()
  const prepared = await prepareImport(tracker, input)
  const prepareMs = performance.now() - t
  t = performance.now()
  const result = await applyImport(tracker, prepared, { actor: 'bench', comment: `import bench: ${name}`, ...(now ? { now } : {}) })
  const applyMs = performance.now() - t
  t = performance.now()
  await tracker.readModel.current()
  const readMs = performance.now() - t
  const kind = tracker.readModel.lastLoad?.kind
  // Baseline, same run: reconcile + plan of the same records against the whole data.
  const same = incoming ?? planned(prepared.plan.entries)
  t = performance.now()
  const { dataset: merged } = reconcile(before.dataset, same)
  planChanges(before.dataset, merged)
  const wholeDataPlanMs = performance.now() - t
  const ms = prepareMs + applyMs + readMs
  return {
    name,
    rows: prepared.rows,
    ms,
    rowsPerS: prepared.rows / (ms / 1000),
    planMs: prepareMs,
    wholeDataPlanMs,
    detail: `${prepared.plan.entries.length} changes, ${result.added} added, ${result.seen} seen again; prepare ${Math.round(prepareMs)} ms, apply ${Math.round(applyMs)} ms, read model after ${Math.round(readMs)} ms (${kind})`,
  }
}

/** This time tomorrow: the date of a re-import that sees yesterday's claims again. */
export const tomorrow = () => new Date(Date.now() + 86_400_000)

/** One programme's records (its projects, events and claims; the sources they cite are left out) and their CSV tables. */
export function programmeCsv(full: Dataset, id: string): { part: Dataset; csv: Map<string, string> } {
  const projects = new Set(full.projects.filter((p) => p.program_id === id).map((p) => p.id))
  const events = new Set(full.events.filter((e) => e.program_id === id).map((e) => e.id))
  const part: Dataset = {
    programs: full.programs.filter((p) => p.id === id),
    provinces: [],
    localities: [],
    sources: [],
    projects: full.projects.filter((p) => projects.has(p.id)),
    events: full.events.filter((e) => events.has(e.id)),
    claims: full.claims.filter((c) => (c.subject_type === 'project' && projects.has(c.subject_id)) || (c.subject_type === 'event' && events.has(c.subject_id)) || (c.subject_type === 'program' && c.subject_id === id)),
  }
  const csv = syntheticCsv(part)
  for (const [name, text] of csv) if (text.split('\n').filter(Boolean).length <= 1) csv.delete(name)
  return { part, csv }
}

/** Runs both imports on a copy of the 100× directory; the copy is deleted after. */
export async function runImportBench(onProgress: (m: string) => void = () => {}): Promise<ImportFigure[]> {
  if (!fs.existsSync(path.join(big, 'loaded'))) throw new Error(`${big}: no 100× data directory (run bench/readModel.bench.ts first)`)
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-import-bench-'))
  try {
    onProgress(`copying ${big} (the imports change it)`)
    execFileSync('cp', ['-a', `${big}/.`, copy])
    fs.rmSync(path.join(copy, 'tracker.lock'), { force: true })
    const { dataset: full, programIds } = generateSynthetic({ programs: 100 })
    const wikiId = programIds.at(-2)!
    const csvId = programIds.at(-1)!
    const list = syntheticWiki(full, { programId: wikiId })
    // The CSV tables of one programme the 100× database does not hold yet.
    const { part, csv } = programmeCsv(full, csvId)
    const t = performance.now()
    const tracker = await openTracker(loadConfig({ TRACKER_DATA_DIR: copy, TRACKER_LOG_LEVEL: 'silent' }), { loadBundled: false })
    const usesFile = await tracker.readModel.persistIn('auto', copy)
    // Decoded whole now (a snapshot read back from the file decodes its bulk on first use): opening, not importing.
    void (await tracker.readModel.current()).dataset
    onProgress(`opened the 100× copy and its snapshot in ${Math.round(performance.now() - t)} ms (${tracker.readModel.lastLoad?.kind}${usesFile ? ', persisted snapshot on' : ''})`)
    try {
      const out: ImportFigure[] = []
      const wikiInput: ImportInput = { format: 'wiki', files: new Map([[`${wikiId}.txt`, list.text]]), sourceId: 'wikipedia-20x10-policy' }
      out.push(await measureImport(tracker, `wiki list of ${wikiId} (${list.rows} rows)`, wikiInput, null))
      onProgress(`${out.at(-1)!.name}: ${Math.round(out.at(-1)!.rowsPerS)} rows/s — ${out.at(-1)!.detail}`)
      out.push(await measureImport(tracker, `CSV tables of ${csvId}`, { format: 'csv', files: csv }, part))
      onProgress(`${out.at(-1)!.name}: ${Math.round(out.at(-1)!.rowsPerS)} rows/s — ${out.at(-1)!.detail}`)
      out.push(await measureImport(tracker, `the same wiki list again, a day later (${list.rows} rows)`, wikiInput, null, tomorrow()))
      onProgress(`${out.at(-1)!.name}: ${Math.round(out.at(-1)!.rowsPerS)} rows/s — ${out.at(-1)!.detail}`)
      return out
    } finally {
      await tracker.close()
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await runImportBench((m) => console.log(m))) {
    console.log(`${f.name}: ${f.rows} rows in ${Math.round(f.ms)} ms = ${Math.round(f.rowsPerS)} rows/s end to end after opening (goal ≥ 1,000: ${f.rowsPerS >= 1000 ? 'met' : 'not met'}); prepare (parse, reconcile, plan against the snapshot's indexes) ${Math.round(f.planMs)} ms vs reconcile + plan alone against the whole data, as before, ${Math.round(f.wholeDataPlanMs)} ms (same run); load ${os.loadavg()[0]!.toFixed(1)}`)
  }
}
