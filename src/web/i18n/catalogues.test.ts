import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { english, korean, vocabularies } from './i18n.ts'

/** "x.count_one" / "x.count_other" → "x.count": the message, whatever its plural forms. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
const bases = (catalogue: Record<string, string>) => new Set(Object.keys(catalogue).map(base))
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort()
const tags = (text: string) => [...new Set([...text.matchAll(/<(\d+)>/g)].map((m) => m[1]!))].sort()

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : []
  })
}

const webDir = path.resolve(import.meta.dirname, '..')
const code = sources(webDir).map((file) => ({ file: path.relative(webDir, file), text: fs.readFileSync(file, 'utf8') }))

describe('the catalogues', () => {
  it('have a Korean entry for every English message, and no Korean message English lacks', () => {
    const en = bases(english)
    const ko = bases(korean)
    expect([...en].filter((k) => !ko.has(k)), 'messages without their Korean entry (add them to src/web/i18n/ko.ts)').toEqual([])
    expect([...ko].filter((k) => !en.has(k)), 'Korean messages English does not have').toEqual([])
  })

  it('give every plural message its Korean form (_other) and no form Korean does not have', () => {
    for (const key of Object.keys(english).filter((k) => /_(one|other)$/.test(k))) expect(korean[`${base(key)}_other`], key).toBeTypeOf('string')
    expect(Object.keys(korean).filter((k) => /_(zero|one|two|few|many)$/.test(k))).toEqual([])
  })

  it('label every vocabulary value in Korean (statuses, event types, facility kinds, precisions…)', () => {
    for (const [prefix, v] of Object.entries(vocabularies)) for (const value of v.values) expect(korean[`${prefix}.${value}`], `${prefix}.${value}`).toMatch(/[가-힣]/)
  })

  it('put the same values and links into both languages', () => {
    for (const [key, text] of Object.entries(english)) {
      const ko = korean[key] ?? korean[`${base(key)}_other`]
      if (ko === undefined) continue
      const other = english[`${base(key)}_other`] ?? text
      expect(variables(ko).filter((v) => v !== 'count'), key).toEqual(variables(other).filter((v) => v !== 'count'))
      expect(tags(ko), key).toEqual(tags(text))
    }
  })

  it('write Korean messages in hangul, not left in English', () => {
    // Messages that are the same in both languages on purpose: symbols, formats and names.
    const same = new Set(['grid.describe', 'map.describe', 'map.heading', 'map.part', 'timeline.row'])
    const untranslated = Object.entries(korean).filter(([key, text]) => !same.has(base(key)) && !/[가-힣]/.test(text) && /[A-Za-z]{3,}/.test(text.replace(/\{\{[^}]*\}\}/g, '')))
    expect(untranslated).toEqual([])
  })
})

describe('the messages the code uses', () => {
  const known = new Set([...Object.keys(english), ...[...bases(english)]])
  const used: { file: string; key: string }[] = []
  const prefixes: { file: string; prefix: string }[] = []
  for (const { file, text } of code) {
    for (const m of text.matchAll(/\b(?:t|hasMessage)\(\s*'([^']+)'/g)) used.push({ file, key: m[1]! })
    for (const m of text.matchAll(/\b(?:t|hasMessage)\(\s*`([^`$]*)\$\{/g)) prefixes.push({ file, prefix: m[1]! })
    for (const m of text.matchAll(/<Trans\s+k="([^"]+)"/g)) used.push({ file, key: m[1]! })
    for (const m of text.matchAll(/<Trans\s+k=\{[^}]*?'([^']+)'[^}]*?'([^']+)'/g)) used.push({ file, key: m[1]! }, { file, key: m[2]! })
    for (const m of text.matchAll(/<(?:Loading|ErrorNotice)\b[^>]*\swhat="([^"]+)"/g)) used.push({ file, key: m[1]! })
    for (const m of text.matchAll(/\blazy(?:Named)?[^\n]*'(lazy\.\w+)'/g)) used.push({ file, key: m[1]! })
  }

  it('are found in the sources (the scan works)', () => {
    expect(used.length).toBeGreaterThan(300)
    expect(used.some((u) => u.file === 'App.tsx' && u.key === 'nav.overview')).toBe(true)
  })

  it('all exist in the catalogues', () => {
    expect(used.filter((u) => !known.has(u.key))).toEqual([])
  })

  it('built from a prefix (t(`history.verb.${action}`)) have messages under that prefix', () => {
    for (const { file, prefix } of prefixes) expect([...known].some((k) => k.startsWith(prefix)), `${file}: ${prefix}…`).toBe(true)
  })
})
