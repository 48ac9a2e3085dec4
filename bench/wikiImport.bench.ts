/**
 * @module `npx tsx bench/wikiImport.bench.ts`: a wiki list of one synthetic programme imported
 * into the 100× PGlite directory of bench/readModel.bench.ts (its projects exist: the import adds
 * the wiki's claims), end to end after opening: prepare (parse, reconcile, plan), apply, and the
 * read model after it (a patch). Prints rows/s.
 */
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../src/config/config.ts'
import { applyImport, prepareImport } from '../src/service/importService.ts'
import { openTracker } from '../src/service/tracker.ts'
import { generateSynthetic, syntheticWiki } from './synthetic.ts'
const dir = path.join(os.tmpdir(), 'tracker-readmodel-100x')
const { dataset: full, programIds } = generateSynthetic({ programs: 99 })
const id = programIds.at(-1)!
const list = syntheticWiki(full, { programId: id })
const tracker = await openTracker(loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent' }), { loadBundled: false })
let t = performance.now()
await tracker.readModel.current()
console.log(`first snapshot ${Math.round(performance.now() - t)} ms`)
t = performance.now()
const prepared = await prepareImport(tracker, { format: 'wiki', files: new Map([[`${id}.txt`, list.text]]), sourceId: 'wikipedia-20x10-policy' })
const p = performance.now() - t
const r = await applyImport(tracker, prepared, { actor: 'bench', comment: 'wiki part' })
const a = performance.now() - t - p
t = performance.now()
await tracker.readModel.current()
const re = performance.now() - t
console.log(`wiki list of ${id}: ${prepared.rows} rows, ${prepared.plan.entries.length} changes, added ${r.added}; prepare ${Math.round(p)} ms, apply ${Math.round(a)} ms, read model after ${Math.round(re)} ms (${tracker.readModel.lastLoad?.kind}); ${Math.round(prepared.rows / ((p + a + re) / 1000))} rows/s end to end after opening; load ${os.loadavg()[0]!.toFixed(1)}`)
await tracker.close()
