/**
 * A published copy answers the pages' list queries in the browser (src/web/staticData.ts) from its
 * list files: for each query the pages make, that answer must be the API's own — same items in the
 * same order, same totals, facets and search resolution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staticFileOf } from '../../src/model/staticFiles.ts'
import { staticAnswer } from '../../src/web/staticData.ts'
import { bundledApp, type TestApp } from '../support/app.ts'

let t: TestApp
const get = async (url: string) => (await t.app.request(url)).json() as Promise<{ items: unknown[]; total: number }>

/** The list files as `tracker publish` writes them: every item (the bundled data has fewer than 1000 of each). */
const lists = ['/api/projects', '/api/localities', '/api/localities?reached=false', '/api/localities?reached=true', '/api/events', '/api/sources', '/api/provinces']
const files = new Map<string, unknown>()

beforeAll(async () => {
  t = await bundledApp()
  for (const list of lists) {
    const whole = await get(list === '/api/provinces' ? list : `${list}${list.includes('?') ? '&' : '?'}limit=1000`)
    expect(whole.items.length, list).toBe(whole.total)
    files.set(staticFileOf(list), whole)
  }
}, 60_000)
afterAll(async () => t?.close())

const read = async (file: string) => {
  if (!files.has(file)) throw new Error(`no file ${file}`)
  return structuredClone(files.get(file))
}

describe('answers of a published copy', () => {
  const queries = [
    '/api/projects?year=2025',
    '/api/projects?year=2024&status=operational',
    '/api/projects?kind=hospital,offshore_farm',
    '/api/projects?province=south-pyongan&sort=-locality',
    '/api/projects?counted=false',
    '/api/projects?pilot=true',
    '/api/projects?sort=groundbreaking&limit=5&offset=3',
    '/api/projects?sort=-finished&limit=1000',
    '/api/projects?q=Songchun',
    '/api/projects?q=Unsan&facets=year,province,kind,status,counted',
    '/api/projects?q=%EC%9D%80%EC%82%B0%EA%B5%B0',
    '/api/projects?q=Song',
    '/api/projects?limit=1&facets=year',
    '/api/projects?year=2025&status=operational&limit=1&facets=status',
    '/api/localities?q=Unsan&limit=20',
    '/api/localities?reached=false&province=north-pyongan&limit=1000',
    '/api/localities?reached=false&limit=1000',
    '/api/localities?province=south-pyongan&limit=1000',
    '/api/events?year=2025&limit=1000',
    '/api/events?year=2024&province=south-pyongan&limit=1000',
    '/api/events?sort=-date&limit=7',
    '/api/sources?limit=10&offset=5',
    '/api/sources?sort=-published&limit=1',
    '/api/sources?sort=publisher&limit=100&offset=0',
    '/api/sources?sort=-title&limit=100',
    '/api/sources?q=kcna&limit=100',
    '/api/sources?q=hospital&year=2025&limit=100',
    '/api/sources?publisher=KCNA&limit=100',
    '/api/sources?kind=state_media&language=en&sort=published&limit=100',
    '/api/events?sort=-date&limit=8',
    '/api/events?program=20x10&type=inauguration,production_start&limit=1000',
  ]
  it.each(queries)('%s is the API answer', async (query) => {
    const api = await get(query)
    expect(api.total, `${query} finds something`).toBeGreaterThan(0)
    expect(await staticAnswer(query, read)).toEqual(api)
  })

  it('says in words what only the live tracker can answer', async () => {
    await expect(staticAnswer('/api/projects?as_of=2025-01-01', read)).rejects.toThrow(/cannot filter projects by as_of: that needs the live tracker/)
  })
})
