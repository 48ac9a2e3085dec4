import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'
import { heapGrowingPercent, limitHeapGrowth } from './heapGrowth.ts'

describe('limitHeapGrowth', () => {
  it('sets the growth unless node was given one (on its command line or in NODE_OPTIONS)', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=30'], '')).toBe(false)
    expect(limitHeapGrowth([], '--max-old-space-size=900 --heap_growing_percent=30')).toBe(false)
    expect(limitHeapGrowth([], '')).toBe(true)
    expect(heapGrowingPercent).toBeGreaterThan(0)
    // Back to V8's default for the rest of this worker.
    v8.setFlagsFromString('--heap-growing-percent=0')
  })
})
