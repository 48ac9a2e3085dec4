/**
 * @module The version of the server's own code: a hash of every source file under src/ (but the
 * web app's). Whatever the code derives from the data and keeps between runs (the persisted
 * snapshot, store/snapshotCache.ts) is keyed by it, so a changed rule or view never serves what
 * the old code made.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const srcDir = fileURLToPath(new URL('../', import.meta.url))
let known: string | null = null

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (full !== path.join(srcDir, 'web')) walk(full, out)
    } else if (/\.(ts|sql|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) out.push(full)
  }
}

/** The hash of the sources (computed once per process: about 300 files, a few milliseconds). */
export function codeVersion(): string {
  if (known) return known
  const files: string[] = []
  walk(srcDir, files)
  files.sort()
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(srcDir, file))
    hash.update('\0')
    hash.update(fs.readFileSync(file))
    hash.update('\0')
  }
  known = hash.digest('hex').slice(0, 32)
  return known
}
