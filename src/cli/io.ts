/**
 * @module Input and output of CLI commands: "-" means stdin/stdout, JSON output for --json,
 * files written to a temporary name and renamed so a failure never leaves half a file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InvalidInputError } from '../model/errors.ts'

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`)
}

/** Progress for people: on stderr, and only when stderr is a terminal (or forced). */
export function progress(message: string, force = false): void {
  if (force || process.stderr.isTTY) process.stderr.write(`${message}\n`)
}

export async function readInput(file: string): Promise<{ text: string; name: string }> {
  if (file === '-') {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return { text: Buffer.concat(chunks).toString('utf8'), name: 'stdin' }
  }
  try {
    return { text: fs.readFileSync(file, 'utf8'), name: file }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InvalidInputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`)
  }
}

/** Writes to a temporary file beside the target, then renames it into place. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file))
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    fs.writeFileSync(tmp, data)
    fs.renameSync(tmp, file)
  } catch (error) {
    fs.rmSync(tmp, { force: true })
    throw new InvalidInputError(`cannot write ${file}: ${(error as Error).message}`)
  }
}

export function writeOutput(target: string, data: string | Uint8Array): void {
  if (target === '-') process.stdout.write(data)
  else writeFileAtomic(target, data)
}

/** A fixed-width text table. */
export function table(rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...String(cell)].length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const text = String(cell)
          const pad = ' '.repeat((widths[i] ?? 0) - [...text].length)
          return align[i] === 'r' ? pad + text : text + pad
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
