import { describe, expect, it } from 'vitest'
import { spread, type Spot } from './spread.ts'

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1])

describe('spread', () => {
  it('leaves points that overlap nothing where they are', () => {
    // Dots that touch or overlap in part (b and c) are not moved either.
    const { places: out, groups } = spread(
      [
        { id: 'a', x: 10, y: 10, r: 3 },
        { id: 'b', x: 30, y: 10, r: 3 },
        { id: 'c', x: 33, y: 10, r: 3 },
      ],
      8,
    )
    expect(out.get('a')).toEqual([10, 10])
    expect(out.get('b')).toEqual([30, 10])
    expect(out.get('c')).toEqual([33, 10])
    expect(groups).toEqual([])
  })

  it('moves points on one coordinate apart, at least the gap from one another, around their place', () => {
    const spots: Spot[] = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, x: 100, y: 50, r: 2.6 }))
    spots.push({ id: 'far', x: 300, y: 300, r: 5 })
    const { places: out, groups } = spread(spots, 10)
    expect(groups.map((g) => g.ids.length)).toEqual([12])
    expect(groups[0]).toMatchObject({ x: 100, y: 50 })
    expect(groups[0]!.radius).toBeLessThan(25)
    const placed = spots.slice(0, 12).map((s) => out.get(s.id)!)
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(distance(placed[i]!, placed[j]!)).toBeGreaterThanOrEqual(10 - 1e-9)
    // Close around their place: within the width of a small sunflower of 12.
    for (const p of placed) expect(distance(p, [100, 50])).toBeLessThan(10 * 2.5)
    expect(out.get('far')).toEqual([300, 300])
  })

  it('keeps overlapping dots of different sizes clear of one another, the same way each time', () => {
    const spots: Spot[] = [
      { id: 'big', x: 0, y: 0, r: 9 },
      { id: 'small', x: 1.5, y: 0, r: 3 },
    ]
    const { places: out } = spread(spots, 4)
    expect(distance(out.get('big')!, out.get('small')!)).toBeGreaterThanOrEqual(20 - 1e-9)
    expect(spread([...spots].reverse(), 4).places).toEqual(out)
  })
})
