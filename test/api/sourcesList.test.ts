/**
 * GET /api/sources on the bundled data: search by title, publisher or address; filters by
 * publisher, kind, language and year of publication; sorting by date, publisher or title either
 * way; the facets a page offers as filters; bad parameters are 400s naming the parameter; and the
 * OpenAPI document describes the parameters and the facets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledApp, type TestApp } from '../support/app.ts'

interface Item {
  id: string
  publisher: string
  title: string
  url: string | null
  kind: string
  language: string | null
  published: string | null
}
interface Body {
  items: Item[]
  total: number
  facets: Record<'publisher' | 'kind' | 'language' | 'year', { value: string; count: number }[]>
}

let t: TestApp
let all: Item[]
const get = async (url: string) => {
  const res = await t.app.request(url)
  return { status: res.status, body: (await res.json()) as Body & { error?: { details?: { path: string }[] } } }
}

beforeAll(async () => {
  t = await bundledApp()
  all = (await get('/api/sources?limit=1000')).body.items
})
afterAll(async () => t?.close())

describe('GET /api/sources', () => {
  it('filters by publisher, kind, language and year, and the filters combine', async () => {
    expect(all.length).toBeGreaterThan(100)
    const kcna = await get('/api/sources?publisher=KCNA&limit=1000')
    expect(kcna.body.total).toBe(all.filter((s) => s.publisher === 'KCNA').length)
    expect(kcna.body.total).toBeGreaterThan(0)
    const y2025 = await get('/api/sources?year=2025&limit=1000')
    expect(y2025.body.total).toBe(all.filter((s) => s.published?.startsWith('2025')).length)
    expect(y2025.body.items.every((s) => s.published!.startsWith('2025'))).toBe(true)
    const both = await get('/api/sources?year=2025&language=ko&kind=news,state_media&limit=1000')
    expect(both.body.total).toBe(all.filter((s) => s.published?.startsWith('2025') && s.language === 'ko' && ['news', 'state_media'].includes(s.kind)).length)
    expect((await get('/api/sources?publisher=Nobody%20Publishes%20This')).body).toMatchObject({ items: [], total: 0 })
  })

  it('searches title, publisher and address, ignoring case and diacritics', async () => {
    const r = await get('/api/sources?q=38north.org&limit=1000')
    expect(r.body.total).toBe(all.filter((s) => (s.url ?? '').includes('38north.org')).length)
    expect(r.body.total).toBeGreaterThan(0)
    const title = all.find((s) => s.title.length > 12)!.title.slice(0, 12).toUpperCase()
    expect((await get(`/api/sources?q=${encodeURIComponent(title)}&limit=1000`)).body.items.length).toBeGreaterThan(0)
  })

  it('sorts by date, publisher or title, either way; undated sources last', async () => {
    const dates = (await get('/api/sources?sort=published&limit=1000')).body.items.map((s) => s.published)
    const dated = dates.filter((d) => d !== null) as string[]
    expect(dated).toEqual([...dated].sort())
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true)
    const newest = (await get('/api/sources?limit=1000')).body.items.map((s) => s.published).filter((d) => d !== null) as string[]
    expect(newest).toEqual([...newest].sort().reverse())
    const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })
    for (const field of ['publisher', 'title'] as const) {
      const up = (await get(`/api/sources?sort=${field}&limit=1000`)).body.items.map((s) => s[field])
      expect(up).toEqual([...up].sort(cmp))
      const down = (await get(`/api/sources?sort=-${field}&limit=1000`)).body.items.map((s) => s[field])
      expect(down).toEqual([...down].sort(cmp).reverse())
    }
  })

  it('gives the facets of all sources with their counts', async () => {
    const { facets } = (await get('/api/sources?limit=1')).body
    const total = (f: { count: number }[]) => f.reduce((a, b) => a + b.count, 0)
    expect(total(facets.kind)).toBe(all.length)
    expect(total(facets.publisher)).toBe(all.length)
    expect(facets.publisher.find((f) => f.value === 'KCNA')?.count).toBe(all.filter((s) => s.publisher === 'KCNA').length)
    expect(facets.year.map((f) => f.value)).toEqual([...new Set(all.map((s) => s.published?.slice(0, 4)).filter(Boolean))].sort().reverse())
  })

  it('refuses bad parameters with a 400 naming them, and documents them', async () => {
    for (const [query, field] of [
      ['year=19', 'year'],
      ['year=soon', 'year'],
      ['sort=colour', 'sort'],
      [`publisher=${'x'.repeat(201)}`, 'publisher'],
      ['kind=blog', 'kind'],
    ]) {
      const r = await get(`/api/sources?${query}`)
      expect(r.status, query).toBe(400)
      expect(r.body.error?.details?.map((d) => d.path).join(' '), query).toContain(field)
    }
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string }[] } }>; components: { schemas: Record<string, unknown> } }
    const names = doc.paths['/api/sources']!.get.parameters.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['q', 'publisher', 'kind', 'language', 'year', 'sort', 'limit', 'offset']))
    expect(doc.components.schemas.SourceFacets).toBeDefined()
  })
})
