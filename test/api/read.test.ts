/**
 * The read API on the bundled dataset: every endpoint of the OpenAPI document answers, filters
 * and figures match hand counts from the founding documents, bad parameters are 400s naming the
 * field, and caching follows the data version.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { createRelease } from '../../src/service/release.ts'
import { bundledApp, type TestApp } from '../support/app.ts'

let t: TestApp
const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(url, { headers })
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json() : await res.text()
  return { status: res.status, body: body as any, headers: res.headers }
}

beforeAll(async () => {
  t = await bundledApp()
})
afterAll(async () => t?.close())

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const { body } = await get('/api/openapi.json')
    const result = await new Validator().validate(body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('every GET endpoint in it answers 200 on the bundled data', async () => {
    const { body } = await get('/api/openapi.json')
    const paths = Object.entries(body.paths as Record<string, Record<string, unknown>>).filter(([, ops]) => 'get' in ops).map(([p]) => p)
    expect(paths.length).toBeGreaterThanOrEqual(20)
    const s = await t.tracker.readModel.current()
    const claim = s.dataset.claims[0]!.id
    const event = s.dataset.events.find((e) => e.project_id)!.id
    const ids: Record<string, string> = {
      '/api/projects/{id}': '20x10.2024.south-pyongan.songchon',
      '/api/projects/{id}/history': '20x10.2024.south-pyongan.songchon',
      '/api/localities/{id}': 'south-pyongan.songchon',
      '/api/localities/{id}/history': 'south-pyongan.songchon',
      '/api/programs/{id}': '20x10',
      '/api/sources/{id}': 'wikipedia-20x10-policy',
      '/api/sources/{id}/history': 'wikipedia-20x10-policy',
      '/api/events/{id}': event,
      '/api/events/{id}/history': event,
      '/api/claims/{id}': claim,
      '/api/claims/{id}/history': claim,
      '/api/revisions/{id}': '1',
    }
    const admin = await createApiToken(t.tracker.store.db, (await createAccount(t.tracker.store.db, 'root', 'admin', 'admin-password-1')).name, 'read test')
    // A report taken in, so the review queue has a proposal to show.
    const intake = await t.app.request('/api/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Pyongyang, January 21 (KCNA) -- Newly built regional-industry factories were inaugurated in Onchon County, Nampo City, on January 20.', published: '2025-01-21', url: 'https://kcna.example/read-test' }),
    })
    const queued = (await intake.json()) as { proposals?: { id: string }[] }
    const proposals = (await (await t.app.request('/api/proposals', { headers: { authorization: `Bearer ${admin}` } })).json()) as { items: { id: string }[] }
    ids['/api/proposals/{id}'] = String(queued.proposals?.[0]?.id ?? proposals.items[0]?.id ?? '')
    // A release, so the release routes have a version and a file to answer with.
    await createRelease(t.tracker, { version: 'read-test' })
    const urls: Record<string, string> = {
      '/api/releases/{version}': '/api/releases/read-test',
      '/api/releases/{version}/changes': '/api/releases/read-test/changes',
      '/api/releases/{version}/{file}': '/api/releases/read-test/dataset.json',
    }
    for (const p of paths) {
      const url = urls[p] ?? (ids[p] ? p.replace('{id}', encodeURIComponent(ids[p])) : p)
      expect(p.includes('{') ? Boolean(ids[p] ?? urls[p]) : true, `test knows an id for ${p}`).toBe(true)
      const res = await t.app.request(url, { headers: { authorization: `Bearer ${admin}` } })
      expect(res.status, `GET ${url}`).toBe(200)
    }
  })
})

describe('projects', () => {
  it('lists every project with derived status and locality names', async () => {
    const { body } = await get('/api/projects?limit=1000')
    expect(body.total).toBe(66)
    const songchon = body.items.find((p: any) => p.id === '20x10.2024.south-pyongan.songchon')
    expect(songchon).toMatchObject({ status: 'operational', locality: { name: 'Songchon', hangul: '성천군', province: 'South Pyongan' }, dates: { finished: '2024-12-20' } })
  })

  it('filters by year, counted, kind, province and status, with facets', async () => {
    expect((await get('/api/projects?year=2025')).body.total).toBe(23)
    expect((await get('/api/projects?year=2025&counted=true')).body.total).toBe(20)
    expect((await get('/api/projects?year=2024,2026&counted=false')).body.items.map((p: any) => p.locality_id).sort()).toEqual(['south-hamgyong.riwon', 'south-hamgyong.sinpo'])
    const paper = (await get('/api/projects?kind=paper_mill&year=2025')).body
    expect(paper.items.map((p: any) => p.locality_id)).toEqual(['south-pyongan.unsan'])
    const facets = (await get('/api/projects?facets=year,counted&limit=1')).body.facets
    expect(facets.year).toEqual({ 2024: 21, 2025: 23, 2026: 21, pilot: 1 })
    expect(facets.counted).toEqual({ true: 60, false: 6 })
    const construction = (await get('/api/projects?status=under_construction&year=2026')).body
    expect(construction.total).toBe(21)
    const sp = (await get('/api/projects?province=south-pyongan&year=2024')).body
    expect(sp.items.map((p: any) => p.locality.name).sort()).toEqual(['Songchon', 'Sukchon'])
  })

  it('searches every name form, hangul included', async () => {
    for (const q of ['성천', 'Songch’ŏn', 'seongcheon', 'SONGCHON']) {
      const { body } = await get(`/api/projects?q=${encodeURIComponent(q)}`)
      expect(body.items.map((p: any) => p.locality_id), q).toEqual(['south-pyongan.songchon'])
    }
    const { body } = await get(`/api/projects?q=Jongphyong`)
    expect(body.items.map((p: any) => p.id)).toEqual(['20x10.2025.south-hamgyong.jongpyong'])
  })

  it('shows a project with events, claims side by side and sources', async () => {
    const { body } = await get('/api/projects/20x10.2024.south-pyongan.songchon')
    const groundbreaking = body.events.find((e: any) => e.type === 'groundbreaking')
    expect(groundbreaking.date).toBe('2024-02-28')
    const conflict = body.conflict_list.find((c: any) => c.subject_id === groundbreaking.id && c.field === 'date')
    expect(conflict.settled).toBe(true)
    expect(conflict.values.map((v: any) => v.value).sort()).toEqual(['2024-02-28', '2024-02-29'])
    expect(conflict.values.find((v: any) => v.preferred).value).toBe('2024-02-28')
    expect(body.source_list.map((s: any) => s.id)).toContain('38north-2025-02-year-one')
  })

  it('as of a past date, shows the state on that day', async () => {
    const { body } = await get('/api/projects?year=2024&counted=true&as_of=2024-12-31&limit=50')
    expect(body.total).toBe(20)
    const statuses = body.items.map((p: any) => p.status)
    expect(statuses.filter((s: string) => s === 'operational')).toHaveLength(1)
    expect(body.items.find((p: any) => p.status === 'operational').locality_id).toBe('south-pyongan.songchon')
    expect((await get('/api/projects?year=2025&as_of=2024-12-31')).body.total).toBe(0)
  })
})

describe('stats', () => {
  it('progress: 20 counted localities a year, the extras with their reasons', async () => {
    const { body } = await get('/api/stats/progress')
    expect(body.years.slice(0, 3).map((y: any) => y.counted)).toEqual([20, 20, 20])
    expect(body.cumulative).toMatchObject({ counted: 60, total_target: 200 })
    expect(body.years[0].extra.map((e: any) => e.locality_id)).toEqual(['south-hamgyong.sinpo'])
    expect(body.years[1].extra.map((e: any) => e.locality_id).sort()).toEqual(['north-pyongan.kusong', 'south-hamgyong.ragwon', 'south-pyongan.unsan'])
    expect(body.years[2].extra.map((e: any) => e.locality_id)).toEqual(['south-hamgyong.riwon'])
    expect(body.years[1].extra.every((e: any) => e.reason)).toBe(true)
    expect(body.localities_reached).toBe(60)
  })

  it('progress as of 2024-12-31: 20 under way for 2024, Songchon operational', async () => {
    const { body } = await get('/api/stats/progress?as_of=2024-12-31')
    expect(body.years[0]).toMatchObject({ counted: 20, by_status: { operational: 1, under_construction: 19 } })
    expect(body.years[1].counted).toBe(0)
  })

  it('coverage, durations and projection', async () => {
    const cov = (await get('/api/stats/coverage')).body
    expect(cov.reached).toBe(60)
    expect(cov.never_reached).toHaveLength(cov.localities - 60)
    expect(cov.provinces.find((p: any) => p.province_id === 'rason')).toMatchObject({ reached: 0 })
    expect(cov.balance.value).toBeGreaterThan(0)
    const dur = (await get('/api/stats/durations')).body
    expect(dur.projects.find((d: any) => d.project_id === '20x10.2024.south-pyongan.songchon')).toMatchObject({ days: 296 })
    expect(dur.month_precision.projects).toContain('20x10.2024.north-pyongan.kujang')
    const proj = (await get('/api/stats/projection')).body
    expect(proj.started).toMatchObject({ done: 60, pace_per_year: 20, projected_year: 2033, on_track: true })
    expect(proj.method).toMatch(/pace/i)
  })
})

describe('localities, events, sources', () => {
  it('resolves localities by any name form and shows their projects', async () => {
    const unsan = (await get('/api/localities?q=unsan')).body
    expect(unsan.items.map((l: any) => l.id).sort()).toEqual(['north-pyongan.unsan', 'south-pyongan.unsan'])
    const one = (await get('/api/localities/south-hamgyong.ragwon')).body
    expect(one.projects.map((p: any) => p.year)).toEqual([2025, 2026])
    expect((await get('/api/localities?reached=false&province=rason')).body.total).toBe(2)
  })

  it('filters events by type and date range', async () => {
    const { body } = await get('/api/events?type=inauguration&from=2024-12-01&to=2024-12-31')
    expect(body.items.map((e: any) => e.locality?.name)).toContain('Songchon')
    expect(body.items.every((e: any) => e.date.startsWith('2024-12'))).toBe(true)
  })

  it('shows what a source supports', async () => {
    const { body } = await get('/api/sources/38north-2025-02-year-one')
    expect(body.kind).toBe('analysis')
    expect(body.supports.length).toBeGreaterThan(3)
  })
})

describe('bad input', () => {
  it.each([
    ['/api/projects?limit=1000000000', 'query.limit'],
    ['/api/projects?year=abc', 'query.year'],
    ['/api/projects?status=done', 'query.status'],
    ['/api/projects?as_of=2025-02-31', 'query.as_of'],
    ['/api/projects?province=atlantis', 'query.province'],
    ['/api/projects?sort=height', 'query.sort'],
    ['/api/events?from=2025-13', 'query.from'],
    ['/api/stats/progress?program=nope', 'query.program'],
    ['/api/localities?type=village', 'query.type'],
    // Found by the hostile-input tests: an empty program used to reach a lookup unchecked (500).
    ['/api/provinces?program=', 'query.program'],
    ['/api/localities?reached=true&program=', 'query.program'],
    ['/api/projects?program=', 'query.program'],
  ])('%s → 400 naming %s', async (url, field) => {
    const { status, body } = await get(url)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_input')
    expect(body.error.details.map((d: any) => d.path)).toContain(field)
  })

  it('unknown records and endpoints are 404 in the one error shape', async () => {
    for (const url of ['/api/projects/nope', '/api/localities/x.y', '/api/sources/none', '/api/nothing']) {
      const { status, body } = await get(url)
      expect(status).toBe(404)
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message'])
    }
  })
})

describe('caching', () => {
  it('answers If-None-Match with 304 while the data version is unchanged', async () => {
    const first = await t.app.request('/api/projects?year=2024')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"d\d+"$/)
    const again = await t.app.request('/api/projects?year=2024', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    t.tracker.readModel.invalidate()
  })
})
