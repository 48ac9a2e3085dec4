/**
 * GET /api/localities/{id} names the localities a reader may take the locality for (the two
 * Unsans, Songchon and Sonchon), both ways, and the OpenAPI document describes the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledApp, type TestApp } from '../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await bundledApp()
})
afterAll(async () => t?.close())

const get = async (url: string) => {
  const res = await t.app.request(url)
  return { status: res.status, body: (await res.json()) as any }
}

describe('confusable localities', () => {
  it('point from 은산군 to 운산군 and back, as the same spelling', async () => {
    const south = await get('/api/localities/south-pyongan.unsan')
    expect(south.status).toBe(200)
    expect(south.body.confusable_with).toContainEqual({ id: 'north-pyongan.unsan', plain: 'Unsan', hangul: '운산군', type: 'county', province: 'north-pyongan', province_name: 'North Pyongan', same_spelling: true })
    const north = await get('/api/localities/north-pyongan.unsan')
    expect(north.body.confusable_with.map((c: { id: string }) => c.id)).toContain('south-pyongan.unsan')
  })

  it('point from Songchon to Sonchon (one letter apart) and back', async () => {
    const songchon = await get('/api/localities/south-pyongan.songchon')
    expect(songchon.body.confusable_with).toContainEqual(expect.objectContaining({ id: 'north-pyongan.sonchon', same_spelling: false }))
    const sonchon = await get('/api/localities/north-pyongan.sonchon')
    expect(sonchon.body.confusable_with).toContainEqual(expect.objectContaining({ id: 'south-pyongan.songchon', same_spelling: false }))
  })

  it('are described in the OpenAPI document', async () => {
    const { body } = await get('/api/openapi.json')
    const op = body.paths['/api/localities/{id}'].get
    const ref: string = op.responses['200'].content['application/json'].schema.$ref
    expect(ref).toMatch(/LocalityDetail$/)
    expect(body.components.schemas.LocalityDetail.properties.confusable_with.type).toBe('array')
    expect(body.components.schemas.LocalityDetail.required).toContain('confusable_with')
  })
})
