import { describe, expect, it } from 'vitest'
import { splitHints } from './hints.ts'

describe('splitting qualifiers off a name', () => {
  it('takes parts after commas and in brackets as hints', () => {
    expect(splitHints('Unsan County, North Pyongan')).toEqual({ name: 'Unsan County', hints: ['North Pyongan'] })
    expect(splitHints('Onchon County (Nampo)')).toEqual({ name: 'Onchon County', hints: ['Nampo'] })
    expect(splitHints('Hamju County, South Hamyong Province')).toEqual({ name: 'Hamju County', hints: ['South Hamyong Province'] })
    expect(splitHints('Kimhwa County (Kangwon), DPRK')).toEqual({ name: 'Kimhwa County', hints: ['Kangwon', 'DPRK'] })
  })

  it('leaves a bare name alone', () => {
    expect(splitHints('Songchon')).toEqual({ name: 'Songchon', hints: [] })
    expect(splitHints('성천군')).toEqual({ name: '성천군', hints: [] })
  })
})
