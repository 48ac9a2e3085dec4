/**
 * @module `tracker release`: freezes the current record as a numbered, dated, immutable release —
 * the Data Package, the CSV tables, the JSON document, GeoJSON, CITATION.cff, the changes since
 * the previous release (changes.jsonl, one change a line, and CHANGELOG.md), a release.json
 * manifest and SHA256SUMS. Everything is written into a temporary folder beside the others and
 * renamed into place at the end: a release is there whole or not at all, and the rename refuses a
 * folder that exists already, so two writers can never both make one version.
 */
import fs from 'node:fs'
import path from 'node:path'
import { contentVersion, dataPackageFiles } from '../export/datapackage.ts'
import { allTablesCsv } from '../export/csv.ts'
import { localitiesGeoJson, projectsGeoJson } from '../export/geojson.ts'
import { datasetJson } from '../export/json.ts'
import { zipFiles } from '../export/zip.ts'
import { AppError, InvalidInputError } from '../model/errors.ts'
import { today as todayDate } from '../model/partialDate.ts'
import { countChanges, releaseDiff, releaseTables, type DatasetDocumentLike, type ReleaseTable } from '../model/releaseDiff.ts'
import { changelogMarkdown, citationCff } from './releaseDocuments.ts'
import { checksumsName, isVersion, listReleases, manifestName, mediaTypeOf, releasesDir, sha256, type ReleaseFile, type ReleaseManifest } from './releaseStore.ts'
import { publicBase } from './reconcile.ts'
import type { Tracker } from './tracker.ts'

/** The version asked for is taken: releases are immutable. HTTP 409, exit 2 (the input must change). */
export class ReleaseExistsError extends AppError {
  constructor(version: string) {
    super('conflict', `release ${version} exists already and releases never change; give another --version, or leave --version out for the next free one`, 409, 2)
  }
}

export interface CreateReleaseOptions {
  /** The version to write; default the release date (YYYY-MM-DD), then YYYY-MM-DD.2, .3… when that is taken. */
  version?: string
  /** The release date, YYYY-MM-DD; default TRACKER_TODAY or today (UTC). */
  date?: string
  /** The canonical address links are built from; default TRACKER_PUBLIC_URL or http://localhost:PORT. */
  publicUrl?: string
  /** Why the release is made. */
  comment?: string
  /** Who makes it: a user name, or "cli". */
  by?: string
  onProgress?: (message: string) => void
}

/** Refuses a version that could not be a folder name of its own. */
export function checkVersion(version: string): void {
  if (!isVersion(version)) {
    throw new InvalidInputError(`--version ${JSON.stringify(version)} is not a version: use letters, digits, dots, dashes and underscores (at most 64), starting and ending with a letter or digit, e.g. 1.0 or 2026-12-04`)
  }
}

export function defaultVersion(date: string, taken: ReadonlySet<string>): string {
  if (!taken.has(date)) return date
  for (let n = 2; ; n++) if (!taken.has(`${date}.${n}`)) return `${date}.${n}`
}

/** The frozen dataset document of a release, parsed (what the next changelog compares with). */
export function frozenDataset(dir: string, manifest: ReleaseManifest): DatasetDocumentLike {
  return JSON.parse(fs.readFileSync(path.join(dir, manifest.version, manifest.dataset), 'utf8')) as DatasetDocumentLike
}

/** Releases made by this process, one after the other (two requests at once would otherwise both count from the same previous release). */
let queue: Promise<unknown> = Promise.resolve()

export function createRelease(tracker: Tracker, options: CreateReleaseOptions = {}): Promise<ReleaseManifest> {
  const run = queue.then(() => writeRelease(tracker, options))
  queue = run.catch(() => undefined)
  return run
}

async function writeRelease(tracker: Tracker, options: CreateReleaseOptions): Promise<ReleaseManifest> {
  const dir = releasesDir(tracker.config)
  const date = options.date ?? tracker.config.today ?? todayDate()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InvalidInputError(`the release date ${date} is not YYYY-MM-DD`)
  if (options.version !== undefined) checkVersion(options.version)
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  } catch (error) {
    throw new InvalidInputError(`cannot create the releases directory ${dir}: ${(error as Error).message} (set TRACKER_RELEASES_DIR to a writable directory)`)
  }
  const existing = listReleases(dir)
  const taken = new Set(existing.map((r) => r.version))
  const version = options.version ?? defaultVersion(date, taken)
  if (taken.has(version) || fs.existsSync(path.join(dir, version))) throw new ReleaseExistsError(version)
  const previous = existing[0] ?? null

  const progress = options.onProgress ?? (() => {})
  const snapshot = await tracker.readModel.current()
  progress(`freezing data version ${snapshot.version} as release ${version}…`)
  const base = (options.publicUrl ?? publicBase(tracker.config)).replace(/\/+$/, '')
  const url = `${base}/releases/${encodeURIComponent(version)}`
  const apiUrl = `${base}/api/releases/${encodeURIComponent(version)}`

  const dataset = datasetJson(snapshot)
  const csvs = allTablesCsv(snapshot)
  const files = new Map<string, string | Uint8Array>([
    ['dataset.json', dataset],
    ['csv.zip', zipFiles(csvs, '20x10-csv/')],
    ['datapackage.zip', zipFiles(dataPackageFiles(snapshot), '20x10-datapackage/')],
    ['projects.geojson', projectsGeoJson(snapshot, snapshot.dataset.projects)],
    ['localities.geojson', localitiesGeoJson(snapshot)],
  ])

  progress(previous ? `comparing with release ${previous.version}…` : 'no earlier release: every record is new')
  const changes = releaseDiff(previous ? frozenDataset(dir, previous) : null, JSON.parse(dataset) as DatasetDocumentLike)
  const counted = countChanges(changes)
  const d = snapshot.dataset
  const counts = Object.fromEntries(releaseTables.map((t) => [t, d[t].length])) as Record<ReleaseTable, number>
  files.set('changes.jsonl', changes.map((c) => `${JSON.stringify(c)}\n`).join(''))
  files.set('CHANGELOG.md', changelogMarkdown({ version, date, previous: previous?.version ?? null, dataVersion: snapshot.version, url, counts, total: counted.total }, changes))
  files.set('CITATION.cff', citationCff({ version, date, url, apiUrl, dataVersion: snapshot.version }))

  const listed: ReleaseFile[] = [...files].map(([name, body]) => ({ name, size: Buffer.byteLength(body), sha256: sha256(body), media_type: mediaTypeOf(name) }))
  const manifest: ReleaseManifest = {
    format: '20x10-tracker-release/1',
    version,
    sequence: (previous?.sequence ?? 0) + 1,
    date,
    created_at: new Date().toISOString(),
    previous: previous?.version ?? null,
    data_version: snapshot.version,
    content_version: contentVersion(csvs),
    url,
    counts,
    changes: counted,
    comment: options.comment?.trim() || null,
    by: options.by ?? 'cli',
    dataset: 'dataset.json',
    files: listed,
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
  files.set(manifestName, manifestText)
  files.set(checksumsName, [...files].map(([name, body]) => `${sha256(body)}  ${name}\n`).join(''))

  const tmp = fs.mkdtempSync(path.join(dir, `.writing-${version}-`))
  try {
    for (const [name, body] of files) fs.writeFileSync(path.join(tmp, name), body, { mode: 0o444 })
    fs.chmodSync(tmp, 0o755)
    progress(`writing ${files.size} files to ${path.join(dir, version)}…`)
    try {
      fs.renameSync(tmp, path.join(dir, version))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new ReleaseExistsError(version)
      throw error
    }
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true })
    throw error
  }
  return manifest
}
