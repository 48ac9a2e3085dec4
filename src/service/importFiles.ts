/**
 * @module What an import reads, from the bytes a person sent: a text file (wiki list, JSON
 * document, one CSV table) or a zip of CSV tables, inflated within the limits of the settings.
 * The API (POST /api/import) and the CLI (`tracker import x.zip`) read uploads through this one
 * function, so both stop a zip bomb the same way.
 */
import type { Config } from '../config/config.ts'
import { looksLikeZip, readZip, type ZipLimits } from '../import/zip.ts'
import { InvalidInputError } from '../model/errors.ts'
import type { ImportFormat } from './importService.ts'

export { looksLikeZip }

export function zipLimits(config: Pick<Config, 'maxUnzippedBytes' | 'maxZipEntryBytes' | 'maxZipEntries'>): ZipLimits {
  return { maxTotalBytes: config.maxUnzippedBytes, maxEntryBytes: config.maxZipEntryBytes, maxEntries: config.maxZipEntries }
}

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new InvalidInputError(`${what} is not valid UTF-8 text`)
  }
}

/**
 * File name → text of what to import. `name` names the upload in messages (and tells CSV tables
 * apart); a zip is read only for the csv format, and only its .csv files.
 */
export async function importFilesFromBytes(bytes: Uint8Array, opts: { format: ImportFormat; name: string; limits: ZipLimits }): Promise<Map<string, string>> {
  if (bytes.length === 0) throw new InvalidInputError(`${opts.name} is empty: send the file to import`)
  if (!looksLikeZip(bytes)) return new Map([[opts.name, decodeUtf8(bytes, opts.name)]])
  if (opts.format !== 'csv') throw new InvalidInputError(`${opts.name} is a zip archive; only format csv reads a zip (of CSV tables)`)
  const entries = await readZip(bytes, opts.name, opts.limits, (n) => n.toLowerCase().endsWith('.csv'))
  if (entries.length === 0) throw new InvalidInputError(`${opts.name} holds no .csv file`)
  const files = new Map<string, string>()
  for (const e of entries) {
    const base = e.name.split('/').pop()!
    if (files.has(base)) throw new InvalidInputError(`${opts.name} holds two tables named ${base}`)
    files.set(base, decodeUtf8(e.data, `${opts.name}: ${e.name}`))
  }
  return files
}
