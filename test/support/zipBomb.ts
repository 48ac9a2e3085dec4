/**
 * @module Zip archives for the limit tests, written byte by byte: entries of a repeated text of any
 * size (a 1 GB entry is a 1 MB archive), optionally with headers that understate their size, as
 * an attacker's archive would.
 */
import zlib from 'node:zlib'

export interface BombEntry {
  name: string
  /** Uncompressed size in bytes. */
  bytes: number
  /** What the entry repeats (default "a"). */
  fill?: string
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number
}

async function deflated(bytes: number, fill: string): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.alloc(Math.min(bytes, 1 << 20), fill)
  const d = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  d.on('data', (c: Buffer) => out.push(c))
  const ended = new Promise<void>((r) => d.on('end', () => r()))
  let crc = 0
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
    crc = zlib.crc32(piece, crc)
    if (!d.write(piece)) await new Promise((r) => d.once('drain', r))
  }
  d.end()
  await ended
  return { data: Buffer.concat(out), crc }
}

/** A zip archive (deflate) of the given entries. */
export async function bombZip(entries: BombEntry[]): Promise<Uint8Array> {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const { data, crc } = await deflated(e.bytes, e.fill ?? 'a')
    const name = Buffer.from(e.name)
    const size = Math.min(e.declaredSize ?? e.bytes, 0xfffffffe)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(0x0800, 8)
    dir.writeUInt16LE(8, 10)
    dir.writeUInt32LE(crc >>> 0, 16)
    dir.writeUInt32LE(data.length, 20)
    dir.writeUInt32LE(size, 24)
    dir.writeUInt16LE(name.length, 28)
    dir.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    central.push(dir, name)
    offset += local.length + name.length + data.length
  }
  const dirBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dirBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]))
}
