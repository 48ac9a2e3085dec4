import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseWiki, type WikiOptions, type WikiResult } from '../../src/import/wiki.ts'
import { InvalidInputError } from '../../src/model/errors.ts'
import type { Locality } from '../../src/model/locality.ts'
import { createResolver } from '../../src/model/names/resolve.ts'
import type { Province } from '../../src/model/province.ts'
import { expectGolden } from '../support/golden.ts'

const readJson = <T>(rel: string): T => JSON.parse(fs.readFileSync(new URL(rel, import.meta.url), 'utf8')) as T
const localities = readJson<Locality[]>('../../data/gazetteer/localities.json')
const provinces = readJson<Province[]>('../../data/gazetteer/provinces.json')
const resolver = createResolver({ localities, provinces })

function options(file: string): WikiOptions {
  return {
    file,
    sourceId: 'wikipedia-20x10-policy',
    resolve: resolver.resolveLocality,
    resolveProvince: resolver.resolveProvince,
    localities,
  }
}

const input = (name: string) => fs.readFileSync(new URL(`../input/wiki/${name}`, import.meta.url), 'utf8')

describe('wiki list: the founding list', () => {
  const result: WikiResult = parseWiki(input('founding-list.txt'), options('founding-list.txt'))
  const { projects, events, claims } = result.dataset
  const project = (id: string) => projects.find((p) => p.id === id)

  it('matches the golden output', () => {
    expectGolden('wiki/founding-list.json', `${JSON.stringify({ projects, events, claims }, null, 2)}\n`)
  })

  it('reads 65 projects, 20 counted in each year', () => {
    expect(result.rows).toBe(65)
    expect(projects).toHaveLength(65)
    for (const year of [2024, 2025, 2026]) expect(projects.filter((p) => p.year === year && p.counted)).toHaveLength(20)
  })

  it('leaves out the offshore farms, the Kusong hospital and the Unsan paper mill', () => {
    const uncounted = projects.filter((p) => !p.counted).map((p) => [p.id, p.counted_reason])
    expect(uncounted).toEqual([
      ['20x10.2024.south-hamgyong.sinpo', "Offshore farm, outside the year's target"],
      ['20x10.2025.north-pyongan.kusong', "Add-on to an earlier year's project in the same locality"],
      ['20x10.2025.south-hamgyong.ragwon', "Offshore farm, outside the year's target"],
      ['20x10.2025.south-pyongan.unsan', "Paper mill, outside the year's target"],
      ['20x10.2026.south-hamgyong.riwon', "Offshore farm, outside the year's target"],
    ])
    expect(project('20x10.2025.south-pyongan.unsan')?.kinds).toEqual(['paper_mill'])
    expect(project('20x10.2025.south-hamgyong.sinpo')?.counted).toBe(true)
  })

  it('keeps the two Unsan counties apart', () => {
    expect(project('20x10.2024.north-pyongan.unsan')?.counted).toBe(true)
    expect(project('20x10.2025.north-pyongan.unsan')).toBeUndefined()
    expect(project('20x10.2025.south-pyongan.unsan')).toBeDefined()
  })

  it('records the typo of the province as what the source said', () => {
    const hamju = claims.find((c) => c.subject_id === '20x10.2024.south-hamgyong.hamju' && c.field === 'province')
    expect(hamju).toMatchObject({ value: 'south-hamgyong', said: 'South Hamyong Province', quote: null })
  })

  it('reads key dates without a separator and labelled ones', () => {
    const of = (projectId: string) => events.filter((e) => e.project_id === projectId).map((e) => [e.type, e.label, e.date])
    expect(of('20x10.2025.south-pyongan.unsan')).toEqual([
      ['groundbreaking', null, '2025-02-25'],
      ['leader_visit', null, '2025-12-03'],
    ])
    expect(of('20x10.2025.pyongyang.kangdong')).toEqual([['groundbreaking', 'hospital-and-leisure-complex', '2025-02-06']])
    expect(events.every((e) => claims.some((c) => c.subject_id === e.id && c.field === 'date' && c.value === e.date))).toBe(true)
  })

  it('cites one source and copies no prose', () => {
    expect(new Set(claims.map((c) => c.source_id))).toEqual(new Set(['wikipedia-20x10-policy']))
    expect(projects.every((p) => p.notes === null)).toBe(true)
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length)
  })

  it('warns about the approximate province spelling', () => {
    expect(result.warnings).toEqual([{ line: expect.any(Number), message: expect.stringMatching(/^province "South Hamyong Province" read as south-hamgyong/) }])
  })
})

describe('wiki list: bad input', () => {
  const cases = ['malformed-row', 'unknown-locality', 'ambiguous-locality', 'impossible-date', 'unknown-status', 'unknown-type', 'duplicate-row']
  for (const name of cases) {
    it(`fails on ${name} with an error naming the line`, () => {
      const file = `bad-${name}.txt`
      let error: unknown
      try {
        parseWiki(input(file), options(file))
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(InvalidInputError)
      const e = error as InvalidInputError
      expect(e.exitCode).toBe(2)
      expect(e.message).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+: `))
      const details = (e.details ?? []).map((d) => `  ${d.path}: ${d.message}`).join('\n')
      expectGolden(`wiki/bad-${name}.txt`, `${e.message}\ndetails:\n${details}\n`)
    })
  }
})
