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
  /** Every file of the release except release.json and SHA256SUMS (which lists them all, this manifest included). */
  files: ReleaseFile[]
}

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
