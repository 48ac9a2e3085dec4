/**
 * @module Where releases are kept and how they are read back: one folder per version under the
 * releases directory (TRACKER_RELEASES_DIR, or `releases` inside TRACKER_DATA_DIR), each holding
 * its files and a release.json manifest. Folders are written once and never changed, so a manifest
 * read once is kept in memory; the directory listing is read on every call, so a release written by
 * another instance on the same shared directory is seen at once. Names that are not a plain version
 * or a file the manifest lists are "not found", never a path.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config/config.ts'
import { NotFoundError } from '../model/errors.ts'
import type { ChangeCounts, ReleaseTable } from '../model/releaseDiff.ts'

export interface ReleaseFile {
  name: string
  size: number
  sha256: string
  media_type: string
}

export interface ReleaseManifest {
  format: '20x10-tracker-release/1'
  version: string
  /** 1 for the first release, then one more each; orders releases whatever their version strings. */
  sequence: number
  /** Release date, YYYY-MM-DD. */
  date: string
  created_at: string
  /** The release before this one (what the changelog compares with), or null for the first. */
  previous: string | null
  /** The data version (ETag) of the record when it was frozen. */
  data_version: number
  /** Content hash of the tables, as in the data package's version. */
  content_version: string
  /** The release's page at the canonical address (TRACKER_PUBLIC_URL). */
  url: string
  /** Records per table in this release. */
  counts: Record<ReleaseTable, number>
  /** Records added, changed and removed since `previous`, in all and per table. */
  changes: { total: ChangeCounts; tables: Partial<Record<ReleaseTable, ChangeCounts>> }
  /** Why the release was made. */
  comment: string | null
  /** Who made it: a user name, or "cli". */
  by: string
  /** The frozen dataset document (the JSON export): what the next changelog compares with, and what a page "as of this release" would read. */
  dataset: string
  /** Every file of the release except release.json, SHA256SUMS (which lists them all, this manifest included) and the copy of the site. */
  files: ReleaseFile[]
  /** The copy of the site as of this release (its files are in SHA256SUMS, under site/); null (or absent, in older releases) when none was made. */
  site?: ReleaseSite | null
}

/** The copy of the site a release keeps: every page as it was, served at /releases/<version>/site/. */
export interface ReleaseSite {
  /** The folder inside the release, "site/". */
  path: string
  /** Its address at the canonical address (TRACKER_PUBLIC_URL). */
  url: string
  /** The data version its pages show (the release's). */
  data_version: number
  files: number
  bytes: number
  pages: number
  /** Files that are the same as the previous release's, kept as hard links to them. */
  linked: number
}

/** The folder of a release that holds its copy of the site. */
export const siteFolder = 'site'

export const manifestName = 'release.json'
export const checksumsName = 'SHA256SUMS'

/** A version: letters, digits, dots, dashes and underscores, starting and ending with a letter or digit (so never "." or ".."). */
export const versionPattern = /^[0-9A-Za-z](?:[0-9A-Za-z._-]{0,62}[0-9A-Za-z])?$/
export const isVersion = (v: string): boolean => versionPattern.test(v) && !v.includes('..')

export function releasesDir(config: Pick<Config, 'releasesDir' | 'dataDir'>): string {
  return path.resolve(config.releasesDir ?? path.join(config.dataDir, 'releases'))
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

const manifests = new Map<string, ReleaseManifest>()

function readManifestAt(folder: string): ReleaseManifest | null {
  const file = path.join(folder, manifestName)
  const known = manifests.get(file)
  // A release folder an operator removed is gone, whatever was read before.
  if (known) return fs.existsSync(file) ? known : null
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as ReleaseManifest
    if (manifest.format !== '20x10-tracker-release/1') return null
    manifests.set(file, manifest)
    return manifest
  } catch {
    return null
  }
}

/** Every release in the directory, newest (highest sequence) first. Folders being written (dot-named) are left out. */
export function listReleases(dir: string): ReleaseManifest[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter(isVersion)
    .map((n) => readManifestAt(path.join(dir, n)))
    .filter((m): m is ReleaseManifest => m !== null)
    .sort((a, b) => b.sequence - a.sequence || b.created_at.localeCompare(a.created_at))
}

export function readRelease(dir: string, version: string): ReleaseManifest {
  const manifest = isVersion(version) ? readManifestAt(path.join(dir, version)) : null
  if (!manifest) throw new NotFoundError(`no release ${JSON.stringify(version.slice(0, 80))}; GET /api/releases lists the releases`)
  return manifest
}

const mediaTypes: Record<string, string> = {
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.zip': 'application/zip',
  '.md': 'text/markdown; charset=utf-8',
  '.cff': 'application/x-yaml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
}

export function mediaTypeOf(name: string): string {
  return mediaTypes[path.extname(name)] ?? 'text/plain; charset=utf-8'
}

const checksums = new Map<string, Map<string, string>>()

/** The checksums of a release (SHA256SUMS: file name → sha256), read once (a release never changes). */
export function readChecksums(dir: string, version: string): Map<string, string> {
  const manifest = readRelease(dir, version)
  const file = path.join(dir, manifest.version, checksumsName)
  let known = checksums.get(file)
  if (!known) {
    known = new Map()
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
      if (m) known.set(m[2]!, m[1]!)
    }
    checksums.set(file, known)
  }
  return known
}

/**
 * A file of a release's copy of the site, by its path under site/ as a URL gives it ("" and
 * "projects/x" are their index.html): only the files SHA256SUMS lists, so no name can reach
 * anything else. Null when the copy has no such file (the caller answers 404).
 */
export function readSiteFile(dir: string, version: string, rel: string): { name: string; sha256: string; body: Uint8Array; page: boolean } | null {
  const manifest = readRelease(dir, version)
  if (!manifest.site) throw new NotFoundError(`release ${manifest.version} has no copy of the site (it was made without a web build, or before releases kept one)`)
  const sums = readChecksums(dir, manifest.version)
  const trimmed = rel.replace(/\/+$/, '')
  const candidates = rel === '' || rel.endsWith('/') ? [`${trimmed}${trimmed ? '/' : ''}index.html`] : [rel, `${rel}/index.html`]
  for (const candidate of candidates) {
    const name = `${siteFolder}/${candidate}`
    const sha = sums.get(name)
    if (sha) return { name: candidate, sha256: sha, body: new Uint8Array(fs.readFileSync(path.join(dir, manifest.version, name))), page: candidate.endsWith('index.html') }
  }
  return null
}

/** One file of a release, read: only the files the manifest lists, the manifest itself and SHA256SUMS. */
export function readReleaseFile(dir: string, version: string, name: string): { file: ReleaseFile; body: Uint8Array } {
  const manifest = readRelease(dir, version)
  const listed = manifest.files.find((f) => f.name === name)
  if (!listed && name !== manifestName && name !== checksumsName) {
    throw new NotFoundError(`release ${manifest.version} has no file ${JSON.stringify(name.slice(0, 80))}; it has ${[...manifest.files.map((f) => f.name), manifestName, checksumsName].join(', ')}`)
  }
  const body = new Uint8Array(fs.readFileSync(path.join(dir, manifest.version, listed?.name ?? name)))
  return { file: listed ?? { name, size: body.byteLength, sha256: sha256(body), media_type: mediaTypeOf(name) }, body }
}
