/**
 * @module The persisted snapshot's file: a header naming the key (what the data and the code
 * were when it was written) and sections (each entity's records, the record metadata, and
 * derived views such as the list index), each a V8-serialized value with its CRC-32. Written to
 * a temporary file and renamed, so a reader sees a whole old file or a whole new one; read back,
 * a file whose key differs, whose header does not parse or whose checksums fail is no file.
 *
 * Why this format (measured at 100× the data, 474k records, bench/startup.bench.ts): V8's
 * serializer writes the 200 MB in 0.7 s where JSON takes 1.4 s, and a section is decoded only
 * when something asks for it, so the first request needs only the small ones.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import zlib from 'node:zlib'

const magic = Buffer.from('TRKSNAP1')

export interface SectionInfo {
  name: string
  offset: number
  length: number
  crc: number
}

/** A file's sections, checked, waiting to be decoded (each at most once). */
export class SnapshotSections {
  #buffers = new Map<string, Buffer>()

  constructor(buffers: Map<string, Buffer>) {
    this.#buffers = buffers
  }

  has(name: string): boolean {
    return this.#buffers.has(name)
  }

  /** Decodes a section and lets go of its bytes (a second call for the same name throws). */
  take<T>(name: string): T {
    const buffer = this.#buffers.get(name)
    if (!buffer) throw new Error(`persisted snapshot: no section "${name}"`)
    this.#buffers.delete(name)
    return v8.deserialize(buffer) as T
  }

  get pending(): string[] {
    return [...this.#buffers.keys()]
  }
}

function sameKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Reads `file` when its key is `key` and every section checks out; null otherwise (absent,
 * another key, truncated, corrupted). Never throws for a bad file.
 */
export function readSnapshotFile(file: string, key: unknown): SnapshotSections | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const size = fs.fstatSync(fd).size
    const head = Buffer.alloc(12)
    if (size < 12 || fs.readSync(fd, head, 0, 12, 0) !== 12 || !head.subarray(0, 8).equals(magic)) return null
    const headerLength = head.readUInt32LE(8)
    if (headerLength > 1_000_000 || 12 + headerLength > size) return null
    const headerBytes = Buffer.alloc(headerLength)
    fs.readSync(fd, headerBytes, 0, headerLength, 12)
    const header = JSON.parse(headerBytes.toString('utf8')) as { key: unknown; sections: SectionInfo[] }
    if (!sameKey(header.key, key) || !Array.isArray(header.sections)) return null
    const start = 12 + headerLength
    const end = header.sections.reduce((n, s) => Math.max(n, s.offset + s.length), 0)
    if (start + end !== size) return null
    const body = Buffer.allocUnsafe(end)
    for (let done = 0; done < end; ) {
      const n = fs.readSync(fd, body, done, end - done, start + done)
      if (n <= 0) return null
      done += n
    }
    const buffers = new Map<string, Buffer>()
    for (const s of header.sections) {
      const bytes = body.subarray(s.offset, s.offset + s.length)
      if (zlib.crc32(bytes) !== s.crc) return null
      buffers.set(s.name, bytes)
    }
    return new SnapshotSections(buffers)
  } catch {
    return null
  } finally {
    fs.closeSync(fd)
  }
}

/** Writes the sections under `key`, atomically (temporary file, fsync, rename), private to the owner. */
export async function writeSnapshotFile(file: string, key: unknown, sections: ReadonlyMap<string, unknown>): Promise<number> {
  const buffers: Buffer[] = []
  const infos: SectionInfo[] = []
  let offset = 0
  for (const [name, value] of sections) {
    const bytes = v8.serialize(value)
    infos.push({ name, offset, length: bytes.length, crc: zlib.crc32(bytes) })
    buffers.push(bytes)
    offset += bytes.length
    // Serializing the claims of 100× the data takes a few hundred milliseconds: let requests in between.
    await new Promise((resolve) => setImmediate(resolve))
  }
  const header = Buffer.from(JSON.stringify({ key, sections: infos }), 'utf8')
  const head = Buffer.alloc(12)
  magic.copy(head)
  head.writeUInt32LE(header.length, 8)
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`)
  const handle = await fs.promises.open(tmp, 'w', 0o600)
  try {
    for (const b of [head, header, ...buffers]) {
      for (let done = 0; done < b.length; ) done += (await handle.write(b, done, b.length - done)).bytesWritten
    }
    await handle.sync()
  } catch (error) {
    await handle.close()
    await fs.promises.rm(tmp, { force: true })
    throw error
  }
  await handle.close()
  await fs.promises.rename(tmp, file)
  return 12 + header.length + offset
}
