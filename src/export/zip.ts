/** @module Packs named text files into one zip archive (fixed timestamps, so the same files give the same bytes). */
import { strToU8, zipSync, type Zippable } from 'fflate'

export function zipFiles(files: Map<string, string>, folder = ''): Uint8Array {
  const tree: Zippable = {}
  const mtime = new Date('2024-01-01T00:00:00Z')
  for (const [name, text] of files) tree[`${folder}${name}`] = [strToU8(text), { mtime }]
  return zipSync(tree, { level: 6 })
}
