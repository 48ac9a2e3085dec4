/**
 * @module The Frictionless Data Package: datapackage.json (a tabular data package whose table
 * schemas come from model/tables.ts, with licences and sources) plus one CSV per table under
 * data/ — the standard way open datasets are published.
 */
import { createHash } from 'node:crypto'
import { citationAuthor, citationTitle, dataLicence } from '../model/citation.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { tables } from '../model/tables.ts'
import { allTablesCsv } from './csv.ts'

export { dataLicence }

/** A content hash of the tables: the same data always gives the same version string. */
export function contentVersion(files: Map<string, string>): string {
  const h = createHash('sha256')
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) h.update(name).update('\0').update(text).update('\0')
  return h.digest('hex').slice(0, 12)
}

/** `publicUrl`: the canonical address (TRACKER_PUBLIC_URL), the package's homepage, as in the citations. */
export function dataPackageFiles(snapshot: Snapshot, options: { publicUrl?: string | null } = {}): Map<string, string> {
  const csvs = allTablesCsv(snapshot)
  const attributions = snapshot.dataset.sources.filter((s) => s.attribution).map((s) => ({ title: s.attribution!, path: s.url ?? undefined }))
  const descriptor = {
    profile: 'tabular-data-package',
    name: '20x10-tracker',
    title: citationTitle,
    description:
      'Projects, events, sources and claims of the Regional Development 20×10 Policy (2024–2033), with a gazetteer of every county-level locality. Every value cites its source; competing claims are kept with the preferred one marked.',
    version: contentVersion(csvs),
    ...(options.publicUrl ? { homepage: `${options.publicUrl.replace(/\/+$/, '')}/` } : {}),
    contributors: [{ title: citationAuthor, role: 'author' }],
    licenses: [dataLicence],
    sources: [{ title: 'Compiled from state media, analyses, news and encyclopedias; see sources.csv for each document.' }, ...attributions],
    resources: tables.map((t) => ({
      name: t.name,
      title: t.title,
      path: `data/${t.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: t.columns.map((c) => ({
          name: c.name,
          type: c.type,
          description: c.description,
          ...(c.required ? { constraints: { required: true } } : {}),
        })),
        primaryKey: t.primaryKey,
        missingValues: [''],
        ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}),
      },
    })),
  }
  const files = new Map<string, string>([['datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`]])
  for (const [name, text] of csvs) files.set(`data/${name}`, text)
  return files
}
