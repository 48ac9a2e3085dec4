/**
 * @module `tracker release`: freezes the current record as a numbered, dated, immutable release —
 * the Data Package, the CSV tables, the JSON document, GeoJSON, CITATION.cff, the changes since
 * the previous release (changes.jsonl, one change a line, and CHANGELOG.md), a release.json
 * manifest and SHA256SUMS — and, when the web app is built, a copy of the whole site as it is at
 * the release (site/: every page reading the frozen JSON, as `tracker publish` writes it, under
 * /releases/<version>/site/), whose files are in SHA256SUMS too; a file the same as the previous
 * release's is a hard link to it (both never change). Everything is written into a temporary
 * folder beside the others and renamed into place at the end: a release is there whole or not at all, and the rename refuses a
 * folder that exists already, so two writers can never both make one version.
 */
import fs from 'node:fs'
import path from 'node:path'
import { contentVersion, dataPackageFiles } from '../export/datapackage.ts'
import { allTablesCsv } from '../export/csv.ts'
import { localitiesGeoJson, projectsGeoJson } from '../export/geojson.ts'
import { datasetJson } from '../export/json.ts'
import { zipFiles } from '../export/zip.ts'
import { AppError, InvalidInputError, UnavailableError } from '../model/errors.ts'
import { today as todayDate } from '../model/partialDate.ts'
import { countChanges, releaseDiff, releaseTables, type DatasetDocumentLike, type ReleaseTable } from '../model/releaseDiff.ts'
import { changelogMarkdown, citationCff } from './releaseDocuments.ts'
import { checksumsName, isVersion, listReleases, manifestName, mediaTypeOf, readChecksums, releasesDir, sha256, siteFolder, type ReleaseFile, type ReleaseManifest, type ReleaseSite } from './releaseStore.ts'
import { buildSite, isBuilt, type SiteFiles } from './publish.ts'
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
  /** Also keep a copy of the site as of the release (site/); left out when absent or the web app is not built. */
  site?: ReleaseSiteOptions
  onProgress?: (message: string) => void
}

export interface ReleaseSiteOptions {
  /** The built web app (dist/web). */
  webRoot: string
  /** A GET of the tracker's HTTP app, in-process, whose public URL is `publicUrl` (the copy's own address, for its citations and feed). */
  requestFor: (publicUrl: string) => (path: string) => Response | Promise<Response>
}

/** How many times the site is read again when the record changed while it was read. */
const siteAttempts = 3

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
  const base = (options.publicUrl ?? publicBase(tracker.config)).replace(/\/+$/, '')
  const url = `${base}/releases/${encodeURIComponent(version)}`
  const apiUrl = `${base}/api/releases/${encodeURIComponent(version)}`

  let snapshot = await tracker.readModel.current()
  let site: SiteFiles | null = null
  const siteUrl = `${url}/${siteFolder}`
  if (options.site && !isBuilt(options.site.webRoot)) progress(`the web app is not built (${options.site.webRoot}): release ${version} keeps no copy of the site (npm run build, then release again to have one)`)
  else if (options.site) {
    // The pages are read through the app, request by request: the copy is the release only when no edit came in between.
    for (let attempt = 1; ; attempt++) {
      progress(`copying the site as of data version ${snapshot.version}…`)
      const before = snapshot.version
      site = await buildSite({ webRoot: options.site.webRoot, baseUrl: `${siteUrl}/`, liveUrl: base, release: { version, date }, request: options.site.requestFor(siteUrl) })
      snapshot = await tracker.readModel.current()
      if (snapshot.version === before && site.data_version === before) break
      if (attempt === siteAttempts) throw new UnavailableError(`the record changed while release ${version} was being written (${siteAttempts} times); nothing was written: make the release again`)
    }
  }
  progress(`freezing data version ${snapshot.version} as release ${version}…`)

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
    site: null,
  }
  // The site's files, with their checksums. Identical bytes are one file: linked to the previous
  // release's when it has them (under any name), else to the first of them written here (every page is the same index.html).
  const siteFiles = site ? [...site.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rel, body]) => ({ name: `${siteFolder}/${rel}`, body, sha: sha256(body) })) : []
  const earlier = new Map<string, string>()
  if (previous?.site) for (const [name, sha] of readChecksums(dir, previous.version)) if (name.startsWith(`${siteFolder}/`)) earlier.set(sha, path.join(dir, previous.version, name))
  if (site) {
    let bytes = 0
    for (const f of siteFiles) bytes += f.body.byteLength
    manifest.site = { path: `${siteFolder}/`, url: `${siteUrl}/`, data_version: site.data_version, files: siteFiles.length, bytes, pages: site.pages, linked: siteFiles.filter((f) => earlier.has(f.sha)).length } satisfies ReleaseSite
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
  files.set(manifestName, manifestText)
  files.set(checksumsName, [...[...files].map(([name, body]) => `${sha256(body)}  ${name}\n`), ...siteFiles.map((f) => `${f.sha}  ${f.name}\n`)].join(''))

  const tmp = fs.mkdtempSync(path.join(dir, `.writing-${version}-`))
  try {
    for (const [name, body] of files) fs.writeFileSync(path.join(tmp, name), body, { mode: 0o444 })
    if (siteFiles.length) progress(`writing the site's ${siteFiles.length} files${manifest.site!.linked ? ` (${manifest.site!.linked} the same as release ${previous!.version}'s, linked to them)` : ''}…`)
    const made = new Set<string>()
    const here = new Map<string, string>()
    for (const f of siteFiles) {
      const file = path.join(tmp, f.name)
      const folder = path.dirname(file)
      if (!made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true, mode: 0o755 })
        made.add(folder)
      }
      const same = earlier.get(f.sha) ?? here.get(f.sha)
      if (same) {
        try {
          fs.linkSync(same, file)
          continue
        } catch {
          // Another file system, or links refused: a copy of the bytes.
        }
      }
      fs.writeFileSync(file, f.body, { mode: 0o444 })
      here.set(f.sha, file)
    }
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
