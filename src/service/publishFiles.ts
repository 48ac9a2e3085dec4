/**
 * @module Writing a published copy atomically: every file goes into a temporary directory beside
 * the target, which replaces the target only when all of it is written (a failed run leaves the
 * target as it was). A second run with the same files changes nothing: when every file has the same
 * bytes the target is left untouched, and otherwise each unchanged file is the old file itself
 * (hard-linked, or copied with its old mtime where links are refused), so only changed files are new.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InvalidInputError } from '../model/errors.ts'

/** The file in the root of every published copy: how a later run knows it may replace the directory. */
export const publishMarker = 'tracker-publish.json'

export interface WriteOutcome {
  /** Files whose bytes are new or changed. */
  changed: number
  /** Files that were there already with the same bytes. */
  unchanged: number
  /** Files of the previous copy that are gone. */
  removed: number
}

function listFiles(root: string, dir = ''): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...listFiles(root, rel))
    else out.push(rel)
  }
  return out
}

/** Refuses a target that is a file, or a directory with files that no `tracker publish` wrote. */
export function checkTarget(out: string): 'new' | 'previous' {
  let stat: fs.Stats
  try {
    stat = fs.statSync(out)
  } catch {
    return 'new'
  }
  if (!stat.isDirectory()) throw new InvalidInputError(`--out ${out} is a file, not a directory: give a directory for the published copy`)
  if (fs.readdirSync(out).length === 0) return 'new'
  if (!fs.existsSync(path.join(out, publishMarker))) throw new InvalidInputError(`--out ${out} has files that are not a published copy (no ${publishMarker}): give an empty or new directory, or the directory of an earlier publish`)
  return 'previous'
}

function sameBytes(file: string, data: Uint8Array): boolean {
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile() || stat.size !== data.length) return false
    return Buffer.compare(fs.readFileSync(file), data) === 0
  } catch {
    return false
  }
}

/** Writes `files` (relative path → bytes) as the directory `out`, atomically; see the module comment. */
export function writeTree(out: string, files: ReadonlyMap<string, Uint8Array>): WriteOutcome {
  const target = path.resolve(out)
  const kind = checkTarget(target)
  const parent = path.dirname(target)
  const old = kind === 'previous' ? new Set(listFiles(target)) : new Set<string>()
  let unchanged = 0
  for (const [rel, data] of files) if (old.has(rel) && sameBytes(path.join(target, rel), data)) unchanged++
  const removed = [...old].filter((f) => !files.has(f)).length
  if (kind === 'previous' && unchanged === files.size && removed === 0) return { changed: 0, unchanged, removed: 0 }

  fs.mkdirSync(parent, { recursive: true })
  let temp: string
  try {
    temp = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.publish-`))
  } catch (error) {
    throw new InvalidInputError(`cannot write beside ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (the published copy is written next to --out, then renamed)`)
  }
  const aside = `${temp}.old`
  try {
    for (const [rel, data] of files) {
      const file = path.join(temp, rel)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      const before = path.join(target, rel)
      if (old.has(rel) && sameBytes(before, data)) {
        try {
          fs.linkSync(before, file)
          continue
        } catch {
          fs.copyFileSync(before, file)
          const { atime, mtime } = fs.statSync(before)
          fs.utimesSync(file, atime, mtime)
          continue
        }
      }
      fs.writeFileSync(file, data)
    }
    // mkdtemp makes a private directory; a published copy is for everyone to read.
    fs.chmodSync(temp, 0o755)
    if (kind === 'previous') fs.renameSync(target, aside)
    else if (fs.existsSync(target)) fs.rmdirSync(target)
    try {
      fs.renameSync(temp, target)
    } catch (error) {
      if (kind === 'previous') fs.renameSync(aside, target)
      throw error
    }
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true })
    throw error
  }
  fs.rmSync(aside, { recursive: true, force: true })
  return { changed: files.size - unchanged, unchanged, removed }
}
