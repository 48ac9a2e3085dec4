/**
 * @module `tracker export --format csv|json|geojson|datapackage --out <path|->`: the data as files.
 * One table (`--table`) or one document is one file; several go into a .zip or, when asked, a
 * directory (see writeFiles.ts). Files are written to a temporary name and renamed, so a failed
 * export never leaves half a file.
 */
import { Option, type Command } from 'commander'
import { InvalidInputError } from '../../model/errors.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { tableByName, tables } from '../../model/tables.ts'
import { print, printJson } from '../io.ts'
import { withTracker } from '../session.ts'
import { describeWritten, targetKind, writeFiles } from '../writeFiles.ts'

export const exportFormats = ['csv', 'json', 'geojson', 'datapackage'] as const
type Format = (typeof exportFormats)[number]

/** The tables `--table` may name, per format; formats not listed are one document and take none. */
export const tablesOf: Partial<Record<Format, readonly string[]>> = {
  csv: tables.map((t) => t.name),
  geojson: ['projects', 'localities'],
}

interface Files {
  files: Map<string, string>
  /** For people: "the CSV table projects", "7 CSV tables". */
  what: string
}

function checkTable(format: Format, table: string | undefined): void {
  const allowed = tablesOf[format]
  if (table !== undefined && !allowed) throw new InvalidInputError(`--table does not apply to --format ${format}: it is one document`)
  if (table !== undefined && allowed && !allowed.includes(table)) throw new InvalidInputError(`--table ${table} is not a ${format} table (${format} has ${allowed.join(', ')})`)
}

async function filesFor(s: Snapshot, format: Format, table: string | undefined, publicUrl?: string): Promise<Files> {
  const [{ dataPackageFiles }, { allTablesCsv, tableCsv }, { localitiesGeoJson, projectsGeoJson }, { datasetJson }] = await Promise.all([
    import('../../export/datapackage.ts'),
    import('../../export/csv.ts'),
    import('../../export/geojson.ts'),
    import('../../export/json.ts'),
  ])
  switch (format) {
    case 'json':
      return { files: new Map([['dataset.json', datasetJson(s)]]), what: 'the JSON document' }
    case 'geojson': {
      const which = table ?? 'projects'
      return { files: new Map([[`${which}.geojson`, which === 'projects' ? projectsGeoJson(s, s.dataset.projects) : localitiesGeoJson(s)]]), what: `the GeoJSON of ${which}` }
    }
    case 'csv':
      if (table) return { files: new Map([[`${table}.csv`, tableCsv(tableByName.get(table)!, s)]]), what: `the CSV table ${table}` }
      return { files: allTablesCsv(s), what: `${tables.length} CSV tables` }
    case 'datapackage':
      return { files: dataPackageFiles(s, { publicUrl }), what: 'the data package' }
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export the data: CSV tables, the JSON document, GeoJSON points or a Frictionless Data Package.')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...exportFormats]).makeOptionMandatory())
    .requiredOption(
      '-o, --out <path>',
      'where to write: a file (one table or document), NAME.zip (a zip of every file), DIR/ (a directory; also an existing one or --dir), or "-" for stdout',
    )
    .option(
      '-t, --table <name>',
      `write one table as one file — csv: ${tablesOf.csv!.join(', ')} (default: all, as a zip or directory); geojson: ${tablesOf.geojson!.join(', ')} (default: projects); json and datapackage take none`,
    )
    .option('--dir', 'write into the directory --out names, creating it if needed')
    .option('--json', 'print what was written as JSON')
    .action(async (opts: { format: Format; out: string; table?: string; dir?: boolean; json?: boolean }) => {
      checkTable(opts.format, opts.table)
      // Refuse before opening the database: whether there will be several files is known already.
      const several = opts.format === 'datapackage' || (opts.format === 'csv' && !opts.table)
      const kind = targetKind(opts.out, opts.dir)
      if (several && (kind === 'file' || kind === 'stdout')) {
        const what = opts.format === 'csv' ? `${tables.length} CSV tables` : 'a data package (several files)'
        const hint = opts.format === 'csv' ? '--table NAME for one of them, ' : ''
        throw new InvalidInputError(`${what} cannot go ${kind === 'stdout' ? 'to stdout' : `into the one file ${opts.out}`}: give ${hint}--out NAME.zip for a zip, or --out DIR/ (or --dir) for a directory`)
      }
      const written = await withTracker('export', async (t) => {
        const { files, what } = await filesFor(await t.readModel.current(), opts.format, opts.table, t.config.publicUrl)
        return { what, ...writeFiles(opts.out, files, { asDirectory: opts.dir, what }) }
      })
      if (written.kind === 'stdout') return
      const { what, ...result } = written
      if (opts.json) printJson({ format: opts.format, ...result })
      else print(describeWritten(written, what))
    })
}
