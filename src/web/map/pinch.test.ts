import { describe, expect, it } from 'vitest'
import { pinchView, type View } from './pinch.ts'

/** Where map point (x, y) is drawn on the screen under `v`. */
const onScreen = (v: View, x: number, y: number, ppu: number) => ({ x: (x - v.x) * v.k * ppu, y: (y - v.y) * v.k * ppu })

describe('pinchView', () => {
  const whole: View = { k: 1, x: 0, y: 0 }

  it('zooms by the ratio of the fingers’ distances, about their midpoint', () => {
    const v = pinchView(whole, { x: 90, y: 100 }, { x: 110, y: 100 }, { x: 60, y: 100 }, { x: 140, y: 100 }, 0.5, 8)
    expect(v.k).toBeCloseTo(4)
    // The map point under the midpoint (100, 100 px → 200, 200 units at 0.5 px a unit) stays there.
    const p = onScreen(v, 200, 200, 0.5)
    expect(p.x).toBeCloseTo(100)
    expect(p.y).toBeCloseTo(100)
  })

  it('pans when both fingers move together, and zooms out down to the whole map only', () => {
    const from: View = { k: 2, x: 50, y: 40 }
    const moved = pinchView(from, { x: 10, y: 10 }, { x: 30, y: 10 }, { x: 40, y: 30 }, { x: 60, y: 30 }, 1, 8)
    expect(moved.k).toBe(2)
    // 30 px right and 20 px down at zoom 2 and 1 px a unit: the view's corner moves 15 and 10 units the other way.
    expect(moved.x).toBeCloseTo(35)
    expect(moved.y).toBeCloseTo(30)
    expect(pinchView(from, { x: 0, y: 0 }, { x: 100, y: 0 }, { x: 45, y: 0 }, { x: 55, y: 0 }, 1, 8).k).toBe(1)
    expect(pinchView(from, { x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 0 }, { x: 1000, y: 0 }, 1, 8).k).toBe(8)
  })

  it('keeps the zoom when the fingers landed on one spot', () => {
    expect(pinchView(whole, { x: 5, y: 5 }, { x: 5, y: 5 }, { x: 0, y: 5 }, { x: 10, y: 5 }, 1, 8).k).toBe(1)
  })
})
