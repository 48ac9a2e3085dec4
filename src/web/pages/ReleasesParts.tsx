/** @module Pieces both release pages use: the types of the API's answers, the counts, the file links and the "since" line. */
import { t } from '../i18n/i18n.ts'
import { num } from '../format.ts'

export interface ChangeCounts {
  add: number
  change: number
  remove: number
}

export interface ReleaseItem {
  version: string
  sequence: number
  date: string
  previous: string | null
  data_version: number
  counts: Record<string, number>
  changes: { total: ChangeCounts }
}

/** The tables a release counts, in the order the pages show them. */
export const tableOrder = ['projects', 'events', 'localities', 'sources', 'claims', 'provinces', 'programs'] as const

/** The files of a release readers download, with the message key of each. */
export const releaseFiles = [
  ['datapackage.zip', 'release.file.datapackage'],
  ['csv.zip', 'release.file.csv'],
  ['dataset.json', 'release.file.dataset'],
  ['projects.geojson', 'release.file.projects'],
  ['localities.geojson', 'release.file.localities'],
  ['CITATION.cff', 'release.file.citation'],
  ['CHANGELOG.md', 'release.file.changelog'],
  ['changes.jsonl', 'release.file.changes'],
  ['SHA256SUMS', 'release.file.checksums'],
  ['release.json', 'release.file.manifest'],
] as const

export const fileHref = (version: string, name: string) => `/api/releases/${encodeURIComponent(version)}/${name}`
export const pageHref = (version: string) => `/releases/${encodeURIComponent(version)}`

export function Counts({ counts }: { counts: Record<string, number> }) {
  return (
    <dl class="release-counts">
      {tableOrder.map((table) => (
        <div key={table}>
          <dt>{t(`release.table.${table}`)}</dt>
          <dd>{num(counts[table] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  )
}

export function Files({ version, only }: { version: string; only?: readonly string[] }) {
  return (
    <ul class="release-files">
      {releaseFiles
        .filter(([name]) => !only || only.includes(name))
        .map(([name, key]) => (
          <li key={name}>
            <a href={fileHref(version, name)} download>
              {t(key)}
            </a>{' '}
            <code>{name}</code>
          </li>
        ))}
    </ul>
  )
}

/** "Since release X: 1 added, 2 changed, 0 removed." or, for the first, that every record is new. */
export function SinceLine({ r }: { r: Pick<ReleaseItem, 'previous' | 'changes'> }) {
  const c = r.changes.total
  if (r.previous === null) return <p class="release-since">{t('release.first')}</p>
  return <p class="release-since">{t('release.since', { previous: r.previous, added: num(c.add), changed: num(c.change), removed: num(c.remove) })}</p>
}

