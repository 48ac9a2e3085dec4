/**
 * The golden table data/gazetteer/resolution-cases.json: for each input (every province-level
 * form, hanja, Cyrillic, European spellings, typos, ambiguous names, contradicting hints) the
 * answer of `resolve` and how it matched are pinned.
 */
import fs from 'node:fs'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { LocalitySchema } from '../locality.ts'
import { ProvinceSchema } from '../province.ts'
import { createResolver } from './resolve.ts'

const gazetteerFile = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../../data/gazetteer/${name}`, import.meta.url), 'utf8'))
const localities = z.array(LocalitySchema).parse(gazetteerFile('localities.json'))
const provinces = z.array(ProvinceSchema).parse(gazetteerFile('provinces.json'))
const Expect = z.discriminatedUnion('status', [
  z.object({ status: z.literal('match'), level: z.enum(['locality', 'province']), id: z.string(), method: z.enum(['exact', 'normalised', 'fuzzy']), distance: z.number().int().positive().optional() }),
  z.object({ status: z.literal('ambiguous'), method: z.literal('ambiguous'), ids: z.array(z.string()).min(2) }),
  z.object({ status: z.literal('none'), reason: z.string() }),
])
const Case = z.object({ text: z.string().min(1), province: z.string().nullable(), expect: Expect, note: z.string().optional() })
const cases = z.array(Case).parse(gazetteerFile('resolution-cases.json'))
const { resolve } = createResolver({ localities, provinces })
const knownIds = new Set([...localities.map((l) => l.id), ...provinces.map((p) => p.id)])

describe('the golden table covers what it must', () => {
  it('has at least 150 inputs, 30 fuzzy or ambiguous, and every province-level unit in hangul, hanja and Cyrillic', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150)
    expect(cases.filter((c) => c.expect.status !== 'none' && (c.expect.method === 'fuzzy' || c.expect.method === 'ambiguous')).length).toBeGreaterThanOrEqual(30)
    for (const p of provinces) {
      const forms = cases.filter((c) => c.expect.status === 'match' && c.expect.level === 'province' && c.expect.id === p.id).map((c) => c.text)
      expect(forms.some((t) => /[\uac00-\ud7a3]/.test(t)), `${p.id} in hangul`).toBe(true)
      expect(forms.some((t) => /[\u4e00-\u9fff]/.test(t)), `${p.id} in hanja`).toBe(true)
      expect(forms.some((t) => /[A-Za-z]/.test(t)), `${p.id} in Latin letters`).toBe(true)
    }
    for (const id of ['pyongyang', 'nampo', 'kaesong', 'rason']) {
      expect(cases.some((c) => c.expect.status === 'match' && c.expect.id === id && /[\u0400-\u04ff]/.test(c.text)), `${id} in Cyrillic`).toBe(true)
    }
  })

  it('names only units the gazetteer has', () => {
    for (const c of cases) {
      const ids = c.expect.status === 'match' ? [c.expect.id] : c.expect.status === 'ambiguous' ? c.expect.ids : []
      for (const id of ids) expect(knownIds.has(id), `${c.text}: ${id}`).toBe(true)
    }
  })
})

describe(`every resolution case (${cases.length}) in data/gazetteer/resolution-cases.json`, () => {
  it.each(cases.map((c) => [c.text, c.province ?? '—', c] as const))('%s (province %s)', (_text, _province, c) => {
    const m = resolve(c.text, c.province ? { province: c.province } : {})
    const e = c.expect
    expect(m.status, JSON.stringify(m)).toBe(e.status)
    if (m.status === 'match' && e.status === 'match') {
      expect({ level: m.level, id: m.id, method: m.method, distance: m.distance }).toEqual({ level: e.level, id: e.id, method: e.method, distance: e.distance })
    } else if (m.status === 'ambiguous' && e.status === 'ambiguous') {
      expect(m.candidates.map((x) => x.id).sort()).toEqual([...e.ids].sort())
    } else if (m.status === 'none' && e.status === 'none') {
      expect(m.reason).toBe(e.reason)
    }
  })
})
