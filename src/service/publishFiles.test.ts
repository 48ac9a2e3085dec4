import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { publishMarker, writeTree } from './publishFiles.ts'

let dir: string
let out: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-files-'))
  out = path.join(dir, 'site')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const bytes = (s: string) => new TextEncoder().encode(s)
const files = (extra: Record<string, string> = {}) => new Map(Object.entries({ [publishMarker]: '{}', 'index.html': '<p>hi</p>', 'api/projects.json': '[]', ...extra }).map(([k, v]) => [k, bytes(v)]))
const stamp = (rel: string) => {
  const s = fs.statSync(path.join(out, rel))
  return `${s.ino} ${s.mtimeMs}`
}

describe('writeTree', () => {
  it('writes a new directory, readable by everyone', () => {
    expect(writeTree(out, files())).toEqual({ changed: 3, unchanged: 0, removed: 0 })
    expect(fs.readFileSync(path.join(out, 'api/projects.json'), 'utf8')).toBe('[]')
    expect(fs.statSync(out).mode & 0o777).toBe(0o755)
    expect(fs.readdirSync(dir)).toEqual(['site'])
  })

  it('leaves the same files untouched, and keeps unchanged files as they were when one changes', () => {
    writeTree(out, files())
    const before = [stamp('index.html'), stamp('api/projects.json')]
    expect(writeTree(out, files())).toEqual({ changed: 0, unchanged: 3, removed: 0 })
    expect([stamp('index.html'), stamp('api/projects.json')]).toEqual(before)
    expect(writeTree(out, files({ 'api/projects.json': '[1]', 'about/index.html': 'a' }))).toEqual({ changed: 2, unchanged: 2, removed: 0 })
    expect(stamp('index.html')).toBe(before[0])
    expect(fs.readFileSync(path.join(out, 'api/projects.json'), 'utf8')).toBe('[1]')
    const fewer = files()
    fewer.delete('index.html')
    expect(writeTree(out, fewer)).toMatchObject({ removed: 2 })
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false)
    expect(fs.readdirSync(dir)).toEqual(['site'])
  })

  it('refuses a file, or a directory that is not a published copy, and changes nothing', () => {
    fs.writeFileSync(out, 'x')
    expect(() => writeTree(out, files())).toThrow(/is a file/)
    fs.rmSync(out)
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine')
    expect(() => writeTree(out, files())).toThrow(/not a published copy/)
    expect(fs.readdirSync(out)).toEqual(['notes.txt'])
  })

  it('leaves the previous copy as it was when writing fails', () => {
    writeTree(out, files())
    const before = fs.readdirSync(out, { recursive: true }).sort()
    // A path that cannot be written: a file where a directory must go.
    const bad = files({ 'index.html/oops': 'x' })
    expect(() => writeTree(out, bad)).toThrow()
    expect(fs.readdirSync(out, { recursive: true }).sort()).toEqual(before)
    expect(fs.readdirSync(dir)).toEqual(['site'])
  })
})
