/**
 * @module Reads a zip archive with bounded work: the entries are found through the central
 * directory, and each is inflated as a stream, in small steps, counting the bytes that come out —
 * reading stops with a 413 the moment an entry or the archive as a whole passes its cap, however
 * small the archive is and whatever sizes its headers claim. Between steps the reader yields to
 * the event loop, so a server keeps answering other requests while a large archive is read.
 */
import { Inflate } from 'fflate'
import { InvalidInputError, PayloadTooLargeError } from '../model/errors.ts'

export interface ZipLimits {
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number
  /** Most entries the archive may list (folders included). */
  maxEntries: number
}

export interface ZipEntry {
  name: string
  data: Uint8Array
}

/** Compressed bytes handed to the inflater at a time: one step inflates at most ~1,000× that. */
const stepBytes = 4096
/** Work done between two yields to the event loop, in milliseconds. */
const sliceMs = 8

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** True when the bytes start like a zip archive (a local file header, "PK\3\4"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`

function broken(file: string, why: string): InvalidInputError {
  return new InvalidInputError(`${file}: not a readable zip archive (${why})`)
}

interface DirectoryEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

function centralDirectory(bytes: Uint8Array, file: string, limits: ZipLimits): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw broken(file, 'no end-of-archive record; is it cut short?')
  const count = view.getUint16(eocd + 10, true)
  const dirSize = view.getUint32(eocd + 12, true)
  const dirOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || dirOffset === 0xffffffff) throw broken(file, 'ZIP64 archives are not read; zip the tables without ZIP64')
  if (count > limits.maxEntries) throw new PayloadTooLargeError(`${file}: the archive lists ${count} entries; at most ${limits.maxEntries} are read (TRACKER_MAX_ZIP_ENTRIES)`)
  if (dirOffset + dirSize > eocd) throw broken(file, 'the central directory lies outside the archive')
  const entries: DirectoryEntry[] = []
  let at = dirOffset
  const decoder = new TextDecoder('utf-8')
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw broken(file, `entry ${n + 1} of the central directory is damaged`)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    }
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw broken(file, 'ZIP64 entries are not read; zip the tables without ZIP64')
    }
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * The entries of a zip archive whose name `wanted` accepts (all by default), inflated within the
 * limits. Throws PayloadTooLargeError (413) at the first cap passed, InvalidInputError (400) for
 * a damaged, encrypted or unsupported archive.
 */
export async function readZip(bytes: Uint8Array, file: string, limits: ZipLimits, wanted: (name: string) => boolean = () => true): Promise<ZipEntry[]> {
  if (bytes.length < 22) throw broken(file, 'too short')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: ZipEntry[] = []
  let total = 0
  let sliceStart = performance.now()
  for (const entry of centralDirectory(bytes, file, limits)) {
    if (entry.name.endsWith('/') || !wanted(entry.name)) continue
    if (entry.flags & 1) throw broken(file, `${entry.name} is encrypted`)
    if (entry.method !== 0 && entry.method !== 8) throw broken(file, `${entry.name} uses compression method ${entry.method}; only stored and deflate entries are read`)
    // A declared size over a cap is refused before any work; the real size is counted below anyway.
    if (entry.declaredSize > limits.maxEntryBytes) throw entryTooLarge(file, entry.name, limits)
    if (entry.localOffset + 30 > bytes.length || view.getUint32(entry.localOffset, true) !== 0x04034b50) throw broken(file, `the header of ${entry.name} is damaged`)
    const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true)
    const end = start + entry.compressedSize
    if (end > bytes.length) throw broken(file, `${entry.name} runs past the end of the archive`)
    const chunks: Uint8Array[] = []
    let size = 0
    const take = (chunk: Uint8Array) => {
      size += chunk.length
      total += chunk.length
      if (size > limits.maxEntryBytes) throw entryTooLarge(file, entry.name, limits)
      if (total > limits.maxTotalBytes) {
        throw new PayloadTooLargeError(`${file}: the archive expands to more than ${mb(limits.maxTotalBytes)}; at most ${mb(limits.maxTotalBytes)} of uncompressed tables are read (TRACKER_MAX_UNZIPPED_BYTES)`)
      }
      chunks.push(chunk)
    }
    let finished = false
    const inflater = entry.method === 8 ? new Inflate((chunk, final) => {
      take(chunk)
      if (final) finished = true
    }) : null
    for (let at = start; at < end; at += stepBytes) {
      const piece = bytes.subarray(at, Math.min(end, at + stepBytes))
      const last = at + stepBytes >= end
      if (inflater) {
        try {
          inflater.push(piece, last)
        } catch (error) {
          if (error instanceof PayloadTooLargeError) throw error
          throw broken(file, `${entry.name}: ${(error as Error).message}`)
        }
      } else take(piece.slice())
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop()
        sliceStart = performance.now()
      }
    }
    if (inflater && !finished && entry.compressedSize === 0) inflater.push(new Uint8Array(0), true)
    const data = new Uint8Array(size)
    let offset = 0
    for (const c of chunks) {
      data.set(c, offset)
      offset += c.length
    }
    out.push({ name: entry.name, data })
  }
  return out
}

function entryTooLarge(file: string, name: string, limits: ZipLimits): PayloadTooLargeError {
  return new PayloadTooLargeError(`${file}: ${name} expands to more than ${mb(limits.maxEntryBytes)}; at most ${mb(limits.maxEntryBytes)} a file are read from an archive (TRACKER_MAX_ZIP_ENTRY_BYTES)`)
}
