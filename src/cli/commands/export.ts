/**
 * @module `tracker export --format csv|json|geojson|datapackage --out <path|->`: the data as files.
 * Files are written to a temporary name and renamed, so a failed export never leaves half a file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Option, type Command } from 'commander'
import { dataPackageFiles } from '../../export/datapackage.ts'
import { allTablesCsv, tableCsv } from '../../export/csv.ts'
import { localitiesGeoJson, projectsGeoJson } from '../../export/geojson.ts'
import { datasetJson } from '../../export/json.ts'
import { zipFiles } from '../../export/zip.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { tableByName, tables } from '../../model/tables.ts'
import { print, writeFileAtomic, writeOutput } from '../io.ts'
import { withTracker } from '../session.ts'

export const exportFormats = ['csv', 'json', 'geojson', 'datapackage'] as const

/** Writes several files into a directory, each atomically. */
function writeDirectory(dir: string, files: Map<string, string>): void {
  for (const [name, text] of files) {
    const target = path.join(dir, name)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    writeFileAtomic(target, text)
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export the data: CSV tables, the JSON document, GeoJSON points or a Frictionless Data Package.')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...exportFormats]).makeOptionMandatory())
    .requiredOption('-o, --out <path>', 'file or directory to write; "-" for stdout; a path ending in .zip writes a zip (csv, datapackage)')
    .addOption(new Option('-t, --table <name>', 'csv: only this table; geojson: projects or localities').choices([...tables.map((t) => t.name)]))
    .action(async (opts: { format: (typeof exportFormats)[number]; out: string; table?: string }) => {
      const written = await withTracker('export', async (t) => {
        const s = await t.readModel.current()
        const out = opts.out
        switch (opts.format) {
          case 'json':
            writeOutput(out, datasetJson(s))
            return out
          case 'geojson': {
            const which = opts.table ?? 'projects'
            if (which !== 'projects' && which !== 'localities') throw new InvalidInputError('--table for geojson must be projects or localities')
            writeOutput(out, which === 'projects' ? projectsGeoJson(s, s.dataset.projects) : localitiesGeoJson(s))
            return out
          }
          case 'csv': {
            if (opts.table) {
              writeOutput(out, tableCsv(tableByName.get(opts.table)!, s))
              return out
            }
            const files = allTablesCsv(s)
            if (out === '-') throw new InvalidInputError('several CSV tables cannot go to stdout: give --table, or --out a directory or a .zip file')
            if (out.endsWith('.zip')) writeFileAtomic(out, zipFiles(files))
            else writeDirectory(out, files)
            return out
          }
          case 'datapackage': {
            const files = dataPackageFiles(s)
            if (out === '-') throw new InvalidInputError('a data package is several files: give --out a directory or a .zip file')
            if (out.endsWith('.zip')) writeFileAtomic(out, zipFiles(files))
            else writeDirectory(out, files)
            return out
          }
        }
      })
      if (written !== '-') print(`wrote ${opts.format} to ${written}`)
    })
}
