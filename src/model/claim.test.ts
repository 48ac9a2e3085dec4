import { describe, expect, it } from 'vitest'
import { awaitsPreference, valuesDisagree } from './claim.ts'

describe('valuesDisagree', () => {
  it('takes dates that differ only in precision as agreeing, and other differences as disagreeing', () => {
    expect(valuesDisagree(['2024-12-20', '2024-12'])).toBe(false)
    expect(valuesDisagree(['2024', '2024-12', '2024-12-20'])).toBe(false)
    expect(valuesDisagree(['2024-12-20', '2024-12-20'])).toBe(false)
    expect(valuesDisagree(['2024-12-20', '2024-12-21'])).toBe(true)
    expect(valuesDisagree(['2024-12', '2024-11-30'])).toBe(true)
    expect(valuesDisagree(['2024-12-20', '2025'])).toBe(true)
    expect(valuesDisagree(['operational', 'under_construction'])).toBe(true)
    expect(valuesDisagree([2, 3])).toBe(true)
    expect(valuesDisagree(['2024', 2024])).toBe(true)
    expect(valuesDisagree([])).toBe(false)
  })

  it('leaves a precision-only difference without a call for a preferred claim', () => {
    expect(awaitsPreference([{ rank: 'normal', value: '2024-12' }, { rank: 'normal', value: '2024-12-20' }])).toBe(false)
    expect(awaitsPreference([{ rank: 'normal', value: '2024-12-19' }, { rank: 'normal', value: '2024-12-20' }])).toBe(true)
    expect(awaitsPreference([{ rank: 'preferred', value: '2024-12-19' }, { rank: 'normal', value: '2024-12-20' }])).toBe(false)
  })
})
