import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LayeredMap } from './layeredMap.ts'
import { compareIds } from './patchSnapshot.ts'

describe('LayeredMap', () => {
  it('after any sequence of patches reads like a plain map with the same changes', () => {
    const key = fc.integer({ min: 0, max: 300_000 }).map((n) => `k${n % 40_000}`)
    const patch = fc.array(fc.tuple(key, fc.option(fc.nat(), { nil: undefined })), { maxLength: 3000 })
    fc.assert(
      fc.property(fc.array(patch, { minLength: 1, maxLength: 6 }), (patches) => {
        const start = new Map(Array.from({ length: 40_000 }, (_, i) => [`k${i * 2}`, i]))
        const model = new Map(start)
        let map: ReadonlyMap<string, number> = start
        for (const p of patches) {
          const changes = new Map(p)
          for (const [k, v] of changes) v === undefined ? model.delete(k) : model.set(k, v)
          map = LayeredMap.patch(map, changes)
          expect(map.size).toBe(model.size)
        }
        for (const [k, v] of model) expect(map.get(k)).toBe(v)
        for (const [k] of patches.flat()) expect(map.has(k)).toBe(model.has(k))
        expect([...map.keys()].sort()).toEqual([...model.keys()].sort())
      }),
      { numRuns: 20, seed: 20261203 },
    )
  })

  it('shares the base: patching a big map does not copy it', () => {
    const base = new Map(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))
    const patched = LayeredMap.patch(base, new Map([['k1', -1], ['new', 7], ['k2', undefined]]))
    expect(patched).toBeInstanceOf(LayeredMap)
    expect([patched.get('k1'), patched.get('new'), patched.has('k2'), patched.size, base.get('k1')]).toEqual([-1, 7, false, 100_000, 1])
  })
})

describe('compareIds', () => {
  it('orders by code point, as PostgreSQL\'s "C" collation does', () => {
    const ids = ['b', 'a-b', 'a_b', 'aB', 'a', '20x10.2024', '\uffef', '\u{1f600}', 'ä']
    const byBytes = [...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)))
    expect([...ids].sort(compareIds)).toEqual(byBytes)
  })
})
