/**
 * Search in the list endpoints goes through the resolver of `tracker resolve`: province hints
 * narrow, typos come back with a "did you mean", province-level names find their localities, and
 * partial input still finds names containing it. The agreement with the CLI over the whole
 * spelling table is in test/cli/resolveAgreement.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledApp, type TestApp } from '../support/app.ts'

let t: TestApp
const get = async (url: string) => {
  const res = await t.app.request(url)
  return { status: res.status, body: (await res.json()) as any }
}
const projects = async (q: string) => (await get(`/api/projects?limit=1000&q=${encodeURIComponent(q)}`)).body
const localities = async (q: string) => (await get(`/api/localities?limit=1000&q=${encodeURIComponent(q)}`)).body

beforeAll(async () => {
  t = await bundledApp()
})
afterAll(async () => t?.close())

describe('GET /api/projects?q= and /api/localities?q=', () => {
  it('narrows by the province named in the text, in English and in hangul', async () => {
    for (const q of ['Unsan County, South Pyongan', 'Unsan County, South Phyongan Province', '평안남도 은산군']) {
      const body = await projects(q)
      expect(body.items.map((p: any) => p.id), q).toEqual(['20x10.2025.south-pyongan.unsan'])
      expect(body.resolved, q).toMatchObject({ query: q, place: { level: 'locality', id: 'south-pyongan.unsan', hangul: '은산군' } })
      expect(['exact', 'normalised']).toContain(body.resolved.method)
    }
    const north = await projects('Unsan County, North Pyongan')
    expect(north.items.map((p: any) => p.id)).toEqual(['20x10.2024.north-pyongan.unsan'])
  })

  it('finds the project behind a typo and says what it took the text for', async () => {
    const body = await projects('songchun')
    expect(body.items.map((p: any) => p.locality_id)).toEqual(['south-pyongan.songchon'])
    expect(body.resolved).toMatchObject({ method: 'fuzzy', place: { id: 'south-pyongan.songchon' } })
    expect(body.resolved.did_you_mean).toBe('Songchon County, South Pyongan (성천군)')
    const kimhwa = await projects('Kimhwa Country')
    expect(kimhwa.items.map((p: any) => p.id)).toEqual(['20x10.pilot.kangwon.kimhwa'])
    // An exact or normalised reading is no guess: nothing to ask.
    expect((await projects('Songchon')).resolved).toMatchObject({ method: 'exact', did_you_mean: null })
  })

  it('keeps both readings of an ambiguous name, and says so', async () => {
    const body = await localities('Unsan')
    expect(body.items.map((l: any) => l.id).sort()).toEqual(['north-pyongan.unsan', 'south-pyongan.unsan'])
    expect(body.resolved.method).toBe('ambiguous')
    expect(body.resolved.candidates.map((c: any) => c.hangul).sort()).toEqual(['운산군', '은산군'])
  })

  it('reads a province-level name as that unit: all its localities, not a county one letter away', async () => {
    const body = await localities('Kaesong')
    expect(body.resolved.place).toMatchObject({ level: 'province', id: 'kaesong' })
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items.every((l: any) => l.province === 'kaesong')).toBe(true)
    const pyongyang = await projects('Pyongyang City')
    expect(pyongyang.items.length).toBeGreaterThan(0)
    expect(pyongyang.items.every((p: any) => p.locality.province_id === 'pyongyang')).toBe(true)
  })

  it('still finds names containing partial input, as typed into a search box', async () => {
    const body = await localities('Song')
    expect(body.resolved).toMatchObject({ method: 'substring', place: null })
    const ids = body.items.map((l: any) => l.id)
    expect(ids).toContain('south-pyongan.songchon')
    expect(ids).toContain('north-pyongan.kusong')
    expect(ids.length).toBe(body.resolved.localities)
    const p = await projects('Song')
    expect(p.items.map((x: any) => x.locality_id)).toContain('south-pyongan.songchon')
  })

  it('combines with the other filters and leaves lists without q unchanged', async () => {
    const nowhere = await projects('Qwxzy')
    expect(nowhere).toMatchObject({ items: [], total: 0, resolved: { method: 'substring', reason: 'no-match', localities: 0 } })
    const both = (await get('/api/projects?q=Unsan&year=2025')).body
    expect(both.items.map((p: any) => p.id)).toEqual(['20x10.2025.south-pyongan.unsan'])
    const plain = (await get('/api/projects?limit=1')).body
    expect(plain.resolved).toBeUndefined()
  })

  it('documents the resolved field in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).body
    const schemas = doc.components.schemas
    expect(schemas.ProjectList.properties.resolved).toBeDefined()
    expect(schemas.SearchResolution.properties.method.enum).toEqual(['exact', 'normalised', 'fuzzy', 'ambiguous', 'substring'])
    expect(schemas.SearchResolution.properties.did_you_mean).toBeDefined()
  })
})
