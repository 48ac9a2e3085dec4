import { describe, expect, it } from 'vitest'
import { editDistance } from './editDistance.ts'

describe('edit distance', () => {
  it('counts inserts, deletes, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('kimhwa', 'kimhwa', 2)).toBe(0)
    expect(editDistance('mangsan', 'maengsan', 2)).toBe(1)
    expect(editDistance('kimwha', 'kimhwa', 2)).toBe(1)
    expect(editDistance('hamyong', 'hamgyong', 2)).toBe(1)
    expect(editDistance('sonchon', 'songchon', 2)).toBe(1)
    expect(editDistance('abcdef', 'badcfe', 3)).toBe(3)
  })

  it('stops at the cap with cap + 1', () => {
    expect(editDistance('kimhwa', 'taegwan', 1)).toBe(2)
    expect(editDistance('a', 'abcdefg', 2)).toBe(3)
    expect(editDistance('', 'ab', 2)).toBe(2)
  })
})
