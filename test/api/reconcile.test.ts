/**
 * /api/reconcile as OpenRefine uses it (Reconciliation Service API v0.2): the manifest, batches
 * posted as a form and sent as a query parameter, the province property, data extension and
 * suggest — with the answers checked against the spelling table (data/gazetteer/spelling-cases.json).
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledApp, type TestApp } from '../support/app.ts'

interface SpellingCase {
  text: string
  province: string | null
  expect: string[]
}
const spellings = JSON.parse(fs.readFileSync(new URL('../../data/gazetteer/spelling-cases.json', import.meta.url), 'utf8')) as SpellingCase[]

let t: TestApp
const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
async function call(url: string, init?: RequestInit) {
  const res = await t.app.request(url, init)
  return { status: res.status, headers: res.headers, body: (await res.json()) as any }
}
const batch = async (queries: Record<string, unknown>) => call('/api/reconcile', form({ queries: JSON.stringify(queries) }))

beforeAll(async () => {
  t = await bundledApp({ TRACKER_PUBLIC_URL: 'https://tracker.example.org/' })
})
afterAll(async () => t?.close())

describe('the service manifest', () => {
  it('names the service, its identifier and schema spaces, the two types and the view, suggest and extend services', async () => {
    const { status, body, headers } = await call('/api/reconcile')
    expect(status).toBe(200)
    expect(headers.get('access-control-allow-origin')).toBe('*')
    expect(body.versions).toContain('0.2')
    expect(body.name).toMatch(/20×10/)
    expect(typeof body.identifierSpace).toBe('string')
    expect(typeof body.schemaSpace).toBe('string')
    expect(body.defaultTypes.map((x: any) => x.id)).toEqual(['locality', 'province'])
    // Links come from TRACKER_PUBLIC_URL, never from the request's Host.
    expect(body.view.url).toBe('https://tracker.example.org/api/reconcile/view/{{id}}')
    expect(body.suggest.entity).toEqual({ service_url: 'https://tracker.example.org', service_path: '/api/reconcile/suggest/entity' })
    expect(body.extend.propose_properties.service_path).toBe('/api/reconcile/properties')
    // The same manifest for a form POST without parameters.
    expect((await call('/api/reconcile', form({}))).body).toEqual(body)
  })

  it('answers a CORS preflight from another origin, and the view URL leads to the place pages', async () => {
    const pre = await t.app.request('/api/reconcile', { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:3333', 'access-control-request-method': 'POST' } })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('*')
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/)
    const view = await t.app.request('/api/reconcile/view/south-pyongan.songchon')
    expect(view.status).toBe(302)
    expect(view.headers.get('location')).toBe('https://tracker.example.org/localities/south-pyongan.songchon')
    expect((await t.app.request('/api/reconcile/view/kaesong')).headers.get('location')).toBe('https://tracker.example.org/provinces/kaesong')
    expect((await t.app.request('/api/reconcile/view/nowhere')).status).toBe(404)
  })
})

describe('reconciliation queries', () => {
  it('answers the spec’s batch shape, posted as a form or sent as a query parameter', async () => {
    const queries = {
      q0: { query: 'Songch’ŏn', type: 'locality', limit: 3 },
      q1: { query: 'Jongphyong', type: 'locality', type_strict: 'any' },
      q2: { query: 'Pyongyang City' },
    }
    const posted = await batch(queries)
    expect(posted.status).toBe(200)
    expect(Object.keys(posted.body)).toEqual(['q0', 'q1', 'q2'])
    const [first] = posted.body.q0.result
    expect(first).toMatchObject({ id: 'south-pyongan.songchon', name: 'Songchon County', match: true, type: [{ id: 'locality' }] })
    expect(first.score).toBeGreaterThan(90)
    expect(first.description).toMatch(/South Pyongan · 성천군/)
    expect(posted.body.q0.result.length).toBeLessThanOrEqual(3)
    expect(posted.body.q1.result[0]).toMatchObject({ id: 'south-hamgyong.jongpyong', match: true })
    expect(posted.body.q2.result[0]).toMatchObject({ id: 'pyongyang', match: true, type: [{ id: 'province' }] })
    const got = await call(`/api/reconcile?queries=${encodeURIComponent(JSON.stringify(queries))}`)
    expect(got.body).toEqual(posted.body)
    expect(got.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('narrows with the province property, and never claims a match for an ambiguous name or a typo', async () => {
    const { body } = await batch({
      both: { query: 'Unsan', type: 'locality' },
      south: { query: 'Unsan County', type: 'locality', properties: [{ pid: 'province', v: 'South Pyongan' }] },
      north: { query: 'Unsan', properties: [{ pid: 'province', v: { id: 'north-pyongan', name: 'North Pyongan' } }] },
      typo: { query: 'songchun' },
    })
    expect(body.both.result.map((r: any) => r.id).sort()).toEqual(['north-pyongan.unsan', 'south-pyongan.unsan'])
    expect(body.both.result.some((r: any) => r.match)).toBe(false)
    expect(body.south.result[0]).toMatchObject({ id: 'south-pyongan.unsan', match: true })
    expect(body.north.result[0]).toMatchObject({ id: 'north-pyongan.unsan', match: true })
    expect(body.typo.result[0]).toMatchObject({ id: 'south-pyongan.songchon', match: false })
  })

  it('filters by type: a province-level name is no locality', async () => {
    const { body } = await batch({ any: { query: 'South Pyongan' }, province: { query: 'South Pyongan', type: 'province' }, locality: { query: 'Phyongan-namdo', type: 'locality' } })
    expect(body.any.result[0]).toMatchObject({ id: 'south-pyongan', match: true })
    expect(body.province.result[0]).toMatchObject({ id: 'south-pyongan', match: true })
    expect(body.locality.result.every((r: any) => r.type[0].id === 'locality' && !r.match)).toBe(true)
  })

  it('answers every spelling of the table with the place it stands for, match only where the table is sure', async () => {
    const wrong: string[] = []
    for (let i = 0; i < spellings.length; i += 100) {
      const chunk = spellings.slice(i, i + 100)
      const queries = Object.fromEntries(chunk.map((c, j) => [`q${i + j}`, { query: c.text, limit: 5, ...(c.province ? { properties: [{ pid: 'province', v: c.province }] } : {}) }]))
      const { status, body } = await batch(queries)
      expect(status).toBe(200)
      chunk.forEach((c, j) => {
        const result = body[`q${i + j}`].result as { id: string; match: boolean }[]
        const label = `${c.text}${c.province ? ` (${c.province})` : ''}`
        const matched = result.filter((r) => r.match)
        if (c.expect.length === 1) {
          // The right place comes first; when the service says match, it is that place.
          if (result[0]?.id !== c.expect[0]) wrong.push(`${label}: first ${result[0]?.id ?? 'nothing'}, expected ${c.expect[0]}`)
          if (matched.some((r) => r.id !== c.expect[0])) wrong.push(`${label}: match on ${matched.map((r) => r.id)}`)
        } else {
          // Ambiguous in the table: every reading offered, none claimed.
          if (matched.length > 0) wrong.push(`${label}: match on ${matched.map((r) => r.id)} although ambiguous`)
          for (const id of c.expect) if (!result.some((r) => r.id === id)) wrong.push(`${label}: ${id} not offered`)
        }
      })
    }
    expect(wrong).toEqual([])
    expect(spellings.length).toBeGreaterThan(390)
  })

  it('answers a single query in plain text or as JSON', async () => {
    const plain = await call(`/api/reconcile?query=${encodeURIComponent('성천군')}`)
    expect(plain.body.result[0]).toMatchObject({ id: 'south-pyongan.songchon', match: true })
    const json = await call(`/api/reconcile?query=${encodeURIComponent(JSON.stringify({ query: 'Kimhwa', limit: 1 }))}`)
    expect(json.body.result).toHaveLength(1)
    expect(json.body.result[0].id).toBe('kangwon.kimhwa')
  })

  it('is bounded and says what is wrong with bad input in the one error shape', async () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { query: 'Songchon' }]))
    const tooMany = await batch(many)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.message).toMatch(/101 queries in one batch; at most 100/)
    const capped = await batch({ q: { query: 'Song', limit: 1000 } })
    expect(capped.body.q.result.length).toBeLessThanOrEqual(25)
    const long = await batch({ q: { query: 'x'.repeat(500) } })
    expect(long.body.q.result).toEqual([])
    for (const bad of ['not json', '[1,2]', '{"q0":{"query":5}}', '{"q0":{"query":"a","limit":-1}}']) {
      const r = await call('/api/reconcile', form({ queries: bad }))
      expect(r.status, bad).toBe(400)
      expect(r.body.error.code, bad).toBe('invalid_input')
    }
    expect((await call('/api/reconcile', form({ queries: '{}', extend: '{}' }))).status).toBe(400)
  })
})

describe('data extension and suggest', () => {
  it('proposes properties per type and pulls back hangul, hanja, province and coordinates', async () => {
    const props = (await call('/api/reconcile/properties?type=locality')).body
    expect(props.type).toBe('locality')
    expect(props.properties.map((p: any) => p.id)).toEqual(expect.arrayContaining(['hangul', 'hanja', 'province', 'latitude', 'longitude', 'coordinates']))
    expect((await call('/api/reconcile/properties?type=province')).body.properties.map((p: any) => p.id)).not.toContain('latitude')
    expect((await call('/api/reconcile/properties?type=planet')).status).toBe(400)

    const ext = { ids: ['south-pyongan.songchon', 'north-pyongan.unsan', 'kaesong', 'no.such'], properties: [{ id: 'hangul' }, { id: 'hanja' }, { id: 'province' }, { id: 'latitude' }, { id: 'coordinates' }] }
    const { status, body } = await call('/api/reconcile', form({ extend: JSON.stringify(ext) }))
    expect(status).toBe(200)
    expect(body.meta.map((m: any) => m.id)).toEqual(['hangul', 'hanja', 'province', 'latitude', 'coordinates'])
    expect(body.meta.find((m: any) => m.id === 'province').type.id).toBe('province')
    const s = await t.tracker.readModel.current()
    const songchon = s.localities.get('south-pyongan.songchon')!
    expect(body.rows['south-pyongan.songchon']).toEqual({
      hangul: [{ str: '성천군' }],
      hanja: songchon.hanja ? [{ str: songchon.hanja }] : [],
      province: [{ id: 'south-pyongan', name: 'South Pyongan' }],
      latitude: songchon.coord ? [{ float: songchon.coord.lat }] : [],
      coordinates: songchon.coord ? [{ str: `${songchon.coord.lat},${songchon.coord.lon}` }] : [],
    })
    expect(body.rows['north-pyongan.unsan'].hangul).toEqual([{ str: '운산군' }])
    expect(body.rows.kaesong.hangul).toEqual([{ str: '개성시' }])
    expect(body.rows['no.such']).toEqual({ hangul: [], hanja: [], province: [], latitude: [], coordinates: [] })
    const unknown = await call('/api/reconcile', form({ extend: JSON.stringify({ ids: ['kaesong'], properties: [{ id: 'population' }] }) }))
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.message).toMatch(/unknown property "population"/)
  })

  it('suggests places for a typed prefix, ten at a time', async () => {
    const { body } = await call('/api/reconcile/suggest/entity?prefix=Song')
    expect(body.result.length).toBeGreaterThan(0)
    expect(body.result.length).toBeLessThanOrEqual(10)
    for (const r of body.result) expect(r).toMatchObject({ id: expect.any(String), name: expect.any(String), notable: [{ id: expect.stringMatching(/^(locality|province)$/) }] })
    const next = (await call('/api/reconcile/suggest/entity?prefix=Song&cursor=10')).body.result
    expect(next.map((r: any) => r.id)).not.toContain(body.result[0].id)
    const typed = (await call(`/api/reconcile/suggest/entity?prefix=${encodeURIComponent('은산')}`)).body.result
    expect(typed[0].id).toBe('south-pyongan.unsan')
  })
})
