/**
 * @module `tracker import <file|-> --format wiki|csv|json [--source ID] [--dry-run]`: previews
 * or applies an import in one transaction. Into an empty database, the reference data
 * (programs, gazetteer, sources) comes first, so names can be resolved.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Option, type Command } from 'commander'
import { loadConfig } from '../../config/config.ts'
import { importFormats, type ImportFormat } from '../../model/importFormats.ts'
import type { PreparedImport } from '../../service/importService.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { print, printJson, progress, readInput, table } from '../io.ts'

/** Reads the input: a file, stdin, a directory of CSV tables or a zip of them. */
export async function readImportFiles(file: string, format: ImportFormat): Promise<Map<string, string>> {
  if (file !== '-' && fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    if (format !== 'csv') throw new InvalidInputError(`${file} is a directory; only --format csv reads a directory of tables`)
    const names = fs.readdirSync(file).filter((f) => f.endsWith('.csv'))
    if (names.length === 0) throw new InvalidInputError(`${file} holds no .csv file`)
    return new Map(names.sort().map((n) => [n, fs.readFileSync(path.join(file, n), 'utf8')]))
  }
  if (file.endsWith('.zip')) {
    let bytes: Uint8Array
    try {
      bytes = fs.readFileSync(file)
    } catch (error) {
      throw new InvalidInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
    }
    const { importFilesFromBytes, zipLimits } = await import('../../service/importFiles.ts')
    return importFilesFromBytes(bytes, { format, name: file, limits: zipLimits(loadConfig()) })
  }
  const { text, name } = await readInput(file)
  return new Map([[name, text]])
}

function printPreview(p: PreparedImport, dryRun: boolean): void {
  const rows = Object.entries(p.counts)
    .filter(([, c]) => c.add + c.change + c.unchanged > 0)
    .map(([entity, c]) => [entity, c.add, c.change, c.unchanged])
  print(table([['records', 'add', 'change', 'unchanged'], ...rows], ['l', 'r', 'r', 'r']))
  const changes = p.plan.entries.filter((e) => e.action === 'change')
  if (changes.length) {
    print('')
    print(dryRun ? 'would change:' : 'changed:')
    for (const e of changes.slice(0, 200)) {
      for (const c of e.changes) print(`  ${e.entity.slice(0, -1)} ${e.id}  ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
    }
    if (changes.length > 200) print(`  … and ${changes.length - 200} more (use --json for all)`)
  }
  if (p.kept.length) {
    print('')
    print('left alone (competing claims kept beside the preferred value):')
    for (const k of p.kept) print(`  ${k.entity.slice(0, -1)} ${k.id}  ${k.field}: stays ${JSON.stringify(k.current)}, incoming ${JSON.stringify(k.incoming)}`)
  }
  if (p.warnings.length) {
    print('')
    print('warnings:')
    for (const w of p.warnings) print(`  ${w.path}: ${w.message}`)
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import projects, events, sources and claims from a file; --dry-run previews what would change.')
    .argument('<file>', 'file to read ("-" for stdin); for csv also a directory or .zip of tables')
    .addOption(new Option('-f, --format <format>', 'input format').choices([...importFormats]).makeOptionMandatory())
    .option('-s, --source <id>', 'wiki format: id of the source every claim cites', 'wikipedia-20x10-policy')
    .option('-n, --dry-run', 'show what would be added and changed, change nothing')
    .option('-m, --comment <text>', 'why: recorded with every revision', '')
    .option('--json', 'print the preview or result as JSON')
    .action(async (file: string, opts: { format: ImportFormat; source: string; dryRun?: boolean; comment: string; json?: boolean }) => {
      const [{ applyImport, prepareImport, previewOf }, { bundledReference, isEmpty, loadReferenceIfEmpty, openTracker }] = await Promise.all([import('../../service/importService.ts'), import('../../service/tracker.ts')])
      const files = await readImportFiles(file, opts.format)
      const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0)
      progress(`read ${files.size} file(s), ${(bytes / 1024).toFixed(0)} KiB; parsing ${opts.format}…`)
      const config = loadConfig()
      const tracker = await openTracker(config, { command: 'import', loadBundled: false })
      try {
        // Starts from the server's persisted snapshot when it is current (TRACKER_SNAPSHOT_CACHE):
        // at 100× the data that is 20 s less before planning. Read only until the import has been
        // applied (a dry run or a failed import leaves the file as it was, and takes no longer).
        const { listIndexExtra } = await import('../../api/routes/projects.ts')
        const persisted = await tracker.readModel.persistIn(config.snapshotCache, config.dataDir, [listIndexExtra], { readOnly: true })
        const opened = performance.now()
        const snapshot = await tracker.readModel.current()
        const records = snapshot.dataset.projects.length + snapshot.dataset.events.length + snapshot.dataset.claims.length
        progress(`read the current data: ${records.toLocaleString('en')} projects, events and claims (${tracker.readModel.lastLoad?.kind === 'cached' ? 'from the persisted snapshot' : 'from the database'}, ${((performance.now() - opened) / 1000).toFixed(1)} s)`)
        const empty = await isEmpty(tracker.store)
        if (empty && !opts.dryRun) {
          const added = await loadReferenceIfEmpty(tracker.store)
          tracker.readModel.invalidate()
          progress(`empty database: loaded the reference data first (${added} records: programs, gazetteer, sources)`, true)
        }
        const base = empty && opts.dryRun ? bundledReference() : undefined
        if (base) progress('empty database: previewing against the bundled reference data (programs, gazetteer, sources)', true)
        const prepared = await prepareImport(tracker, { format: opts.format, files, sourceId: opts.source }, base)
        progress(`parsed ${prepared.rows} row(s); ${prepared.plan.entries.length} record(s) to add or change`)
        if (opts.dryRun) {
          if (opts.json) printJson({ dry_run: true, ...previewOf(prepared) })
          else {
            print(`dry run: ${prepared.rows} row(s) read; nothing was changed`)
            printPreview(prepared, true)
          }
          return
        }
        const comment = opts.comment || `Import of ${[...files.keys()].join(', ')} (${opts.format})`
        if (prepared.plan.entries.length) progress(`applying ${prepared.plan.entries.length} change(s) in one transaction…`)
        const result = await applyImport(tracker, prepared, { actor: 'cli', comment, sourceId: opts.format === 'wiki' ? opts.source : null })
        if (opts.json) printJson({ dry_run: false, ...previewOf(prepared), applied: result })
        else {
          print(`imported: ${result.added} added, ${result.changed} changed, ${result.seen} seen again${result.version ? ` (data version ${result.version})` : ''}`)
          printPreview(prepared, false)
        }
        if (persisted) {
          // The snapshot after the import, written for the next start (which would otherwise read
          // every record again: 20 s at 100×), with the server's list index: patched from the one
          // the file held (or made, after a full read), so the server's first list needs no records.
          const started = performance.now()
          const written = await tracker.readModel.persistNow()
          if (written) progress(`wrote the persisted snapshot for the next start (${(written / 1048576).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s)`)
        }
      } finally {
        await tracker.close()
      }
    })
}
