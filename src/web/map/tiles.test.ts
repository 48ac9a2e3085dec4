import { geoMercator } from 'd3-geo'
import { describe, expect, it } from 'vitest'
import { tilesFor } from './tiles.ts'

describe('tilesFor', () => {
  it('covers the view with square tiles at the projected positions', () => {
    const projection = geoMercator().fitWidth(576, { type: 'MultiPoint', coordinates: [[124, 37.6], [130.8, 43.1]] })
    const project = (p: [number, number]) => projection(p) as [number, number]
    const tiles = tilesFor('https://t.example/{z}/{x}/{y}.png', [124, 37.6, 130.8, 43.1], projection.scale(), project)
    expect(tiles.length).toBeGreaterThan(0)
    const z = Number(/\/(\d+)\//.exec(tiles[0]!.url)![1])
    // A tile is roughly 256 units wide at the chosen zoom.
    expect(tiles[0]!.size).toBeGreaterThan(128)
    expect(tiles[0]!.size).toBeLessThan(512)
    // Together they reach past every edge of the view.
    const [left, top] = project([124, 43.1])
    const [right, bottom] = project([130.8, 37.6])
    expect(Math.min(...tiles.map((t) => t.x))).toBeLessThanOrEqual(left)
    expect(Math.min(...tiles.map((t) => t.y))).toBeLessThanOrEqual(top)
    expect(Math.max(...tiles.map((t) => t.x + t.size))).toBeGreaterThanOrEqual(right)
    expect(Math.max(...tiles.map((t) => t.y + t.size))).toBeGreaterThanOrEqual(bottom)
    // Pyongyang (125.75, 39.02) lies in the tile the standard formula names.
    const n = 2 ** z
    const x = Math.floor(((125.75 + 180) / 360) * n)
    expect(tiles.some((t) => t.url.includes(`/${z}/${x}/`))).toBe(true)
  })
})
