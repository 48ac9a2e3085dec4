import { describe, expect, it } from 'vitest'
import { interner, recordInterner } from './interner.ts'

describe('interner', () => {
  it('returns the value it is given, the first string of each value once known, up to its limit', () => {
    const intern = interner(2)
    const a = ['x', 'y'].join('')
    expect(intern(a)).toBe('xy')
    expect(intern('xy')).toBe('xy')
    expect(intern('z')).toBe('z')
    expect(intern('w')).toBe('w')
  })
})

describe('recordInterner', () => {
  it('leaves every record equal to what it was, field order and string arrays included, whatever it interns or skips', () => {
    const intern = recordInterner(50)
    const make = (i: number) => ({ id: `r-${i}`, subject_type: i % 2 ? 'event' : 'project', quote: i % 3 ? `quote ${i % 5}` : null, n: i, kinds: ['hospital', `k${i % 4}`], nested: { a: 'b' } })
    const records = Array.from({ length: 5_000 }, (_, i) => make(i))
    for (const r of records) intern(r)
    records.forEach((r, i) => {
      expect(r).toEqual(make(i))
      expect(Object.keys(r)).toEqual(Object.keys(make(i)))
    })
  })
})
