/**
 * @module Where an export goes, decided from the path the user gave and said back to them: one
 * file, a .zip, a directory (only when asked: a trailing "/", an existing directory or --dir) or
 * stdout. Several files are never written into a directory the user did not ask for — before,
 * `--out out.csv` quietly made a directory named out.csv.
 */
import fs from 'node:fs'
import path from 'node:path'
import { zipFiles } from '../export/zip.ts'
import { InvalidInputError } from '../model/errors.ts'
import { writeFileAtomic } from './io.ts'

export type TargetKind = 'stdout' | 'file' | 'zip' | 'directory'

export interface Written {
  kind: TargetKind
  /** The path written: the file, the zip or the directory ("-" for stdout). */
  path: string
  /** The names of the files written (inside the zip or the directory). */
  files: string[]
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory()
  } catch {
    return false
  }
}

/** What the user asked for with `--out`, before looking at how many files there are. */
export function targetKind(out: string, asDirectory = false): TargetKind {
  if (out === '-') return 'stdout'
  if (asDirectory || /[\\/]$/.test(out) || isDirectory(out)) return 'directory'
  if (/\.zip$/i.test(out)) return 'zip'
  return 'file'
}

/** Writes `files` (name → content) to `out`; `what` describes them for an error ("7 CSV tables"). */
export function writeFiles(out: string, files: Map<string, string>, options: { asDirectory?: boolean; what: string }): Written {
  const kind = targetKind(out, options.asDirectory)
  const names = [...files.keys()]
  if ((kind === 'stdout' || kind === 'file') && files.size !== 1) {
    const where = kind === 'stdout' ? 'to stdout' : `into the one file ${out}`
    throw new InvalidInputError(`${options.what} cannot go ${where}: give --out NAME.zip for a zip, or --out DIR/ (or --dir) for a directory`)
  }
  switch (kind) {
    case 'stdout':
      process.stdout.write(files.get(names[0]!)!)
      break
    case 'file':
      writeFileAtomic(out, files.get(names[0]!)!)
      break
    case 'zip':
      writeFileAtomic(out, zipFiles(files))
      break
    case 'directory':
      for (const [name, content] of files) {
        const target = path.join(out, name)
        try {
          fs.mkdirSync(path.dirname(target), { recursive: true })
        } catch (error) {
          throw new InvalidInputError(`cannot create directory ${path.dirname(target)}: ${(error as Error).message}`)
        }
        writeFileAtomic(target, content)
      }
      break
  }
  return { kind, path: out, files: names }
}

/** One line saying what went where, e.g. "wrote 7 files to the directory out/: programs.csv, …". */
export function describeWritten(w: Written, what: string): string {
  const list = w.files.length > 8 ? `${w.files.slice(0, 8).join(', ')}, …` : w.files.join(', ')
  switch (w.kind) {
    case 'file':
      return `wrote ${what} to the file ${w.path}`
    case 'zip':
      return `wrote ${what} to the zip file ${w.path} (${w.files.length} file${w.files.length === 1 ? '' : 's'}: ${list})`
    case 'directory':
      return `wrote ${what} to the directory ${w.path} (${w.files.length} file${w.files.length === 1 ? '' : 's'}: ${list})`
    case 'stdout':
      return `wrote ${what} to stdout`
  }
}
