/** Reports written in our own words in the forms real ones take: datelines, relative dates, round-ups, look-alike places, wrong provinces, other scripts, negatives. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LocalitySchema } from '../model/locality.ts'
import { ProvinceSchema } from '../model/province.ts'
import { InvalidInputError } from '../model/errors.ts'
import { createExtractor } from './extractReport.ts'
import { ExtractionSchema } from './types.ts'

const data = (f: string) => JSON.parse(fs.readFileSync(new URL(`../../data/${f}`, import.meta.url), 'utf8'))
const gazetteer = { localities: z.array(LocalitySchema).parse(data('gazetteer/localities.json')), provinces: z.array(ProvinceSchema).parse(data('gazetteer/provinces.json')) }
const projects = [2024, 2025, 2026].flatMap((y) => data(`dataset/projects-${y}.json`)).map((p: { locality: string; kinds: string[] }) => ({ locality: p.locality, kinds: p.kinds }))
const extractor = createExtractor(gazetteer, { projects })
const fixture = (name: string) => fs.readFileSync(new URL(`../../test/input/intake/${name}`, import.meta.url), 'utf8')
const run = (name: string, extra: Record<string, string> = {}) => extractor.extract({ text: fixture(name), ...extra })

describe('extractReport', () => {
  it('reads a KCNA-style report: dateline, the previous day, the leader present, the paper mill Ŭnsan', () => {
    const r = run('kcna-unsan-papermill.txt', { published: '2026-01-05' })
    expect(ExtractionSchema.parse(r)).toBeTruthy()
    expect(r.source).toMatchObject({ publisher: 'KCNA', published: '2025-12-29', language: 'en', kind: 'state_media' })
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({ type: 'inauguration', locality: 'south-pyongan.unsan', date: '2025-12-28', date_precision: 'day', leader_present: true, kinds: ['paper_mill'] })
    const e = r.events[0]!
    expect(r.text.slice(e.evidence_start, e.evidence_end)).toBe(e.evidence)
  })

  it('gives one event per county of a round-up and invents none for "19 other cities and counties"', () => {
    const r = run('vok-roundup.txt', { published: '2025-03-01' })
    expect(r.events.map((e) => [e.type, e.locality, e.date]).sort()).toEqual(
      [
        ['groundbreaking', 'north-hamgyong.puryong', '2025-02-28'],
        ['groundbreaking', 'pyongyang.kangdong', '2025-02-28'],
        ['groundbreaking', 'ryanggang.kim-jong-suk', '2025-02-28'],
        ['groundbreaking', 'south-hwanghae.jangyon', '2025-02-28'],
        ['groundbreaking', 'south-pyongan.unsan', '2025-02-28'],
      ].sort(),
    )
  })

  it('reads Korean: the dateline, 지난 11일, one inauguration that absorbs the completion', () => {
    const r = run('ko-kimhyongjik.txt', { published: '2025-02-20' })
    expect(r.source.publisher).toBe('KCNA')
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'ryanggang.kim-hyong-jik', '2025-02-11']])
  })

  it('reads Russian (Kontsevich spellings, declined unit words)', () => {
    const r = run('ru-jangyon.txt', { published: '2025-12-19' })
    expect(r.source).toMatchObject({ publisher: 'TASS', language: 'ru' })
    expect(r.events.map((e) => [e.type, e.locality, e.date, e.leader_present])).toEqual([['inauguration', 'south-hwanghae.jangyon', '2025-12-18', true]])
  })

  it('keeps a wrong province as the text says it without moving the place', () => {
    const r = run('wrong-province.txt', { published: '2024-03-05' })
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({ locality: 'south-pyongan.songchon', province: 'north-pyongan', province_conflict: true, date: '2024-02-28' })
  })

  it('gives no events for another country\'s regional development', () => {
    expect(run('negative-foreign.txt').events).toEqual([])
  })

  it('leaves the two Unsans ambiguous when nothing tells them apart', () => {
    const plain = createExtractor(gazetteer)
    const r = plain.extract({ text: 'Pyongyang, March 5 (KCNA) -- An inauguration ceremony of regional-industry factories in Unsan County took place on March 4.', published: '2025-03-05' })
    expect(r.events[0]).toMatchObject({ locality: null, candidates: expect.arrayContaining(['north-pyongan.unsan', 'south-pyongan.unsan']) })
  })

  it('reduces HTML to the article and keeps month and year precision', () => {
    const html = `<html><head><title>Site</title></head><body><nav>Home News Archive</nav><article><h1>Hospital opened</h1><p>Pyongyang, January 3 (KCNA) -- A new county hospital built under the Regional Development 20×10 Policy in Kangdong County was opened last month, and others will follow this year.</p></article></body></html>`
    const r = extractor.extract({ html, published: '2026-01-04' })
    expect(r.text).not.toContain('Archive')
    expect(r.events[0]).toMatchObject({ type: 'inauguration', locality: 'pyongyang.kangdong', date: '2025-12', date_precision: 'month', kinds: ['hospital'] })
  })

  it('refuses empty, binary and oversized input with a clear error', () => {
    expect(() => extractor.extract({ text: '  ' })).toThrow(InvalidInputError)
    expect(() => extractor.extract({ text: 'abc\u0000def' })).toThrow(/binary/)
    expect(() => extractor.extract({ text: 'a'.repeat(1_000_001) })).toThrow(/longer/)
    expect(() => extractor.extract({})).toThrow(/text or html/)
  })
})
