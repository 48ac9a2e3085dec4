import { describe, expect, it } from 'vitest'
import { countedTwice, countsTowardTarget, tallyYears } from './counting.ts'

const program = { start_year: 2024, years: 10, target_per_year: 20 }
const p = (id: string, year: number | null, locality: string, counted = true, pilot = false) => ({ id, program_id: '20x10', year, locality_id: locality, counted, pilot })

describe('counting toward the target', () => {
  it('counts flagged projects inside the program years, never pilots', () => {
    expect(countsTowardTarget(p('a', 2024, 'x'), program)).toBe(true)
    expect(countsTowardTarget(p('b', 2024, 'x', false), program)).toBe(false)
    expect(countsTowardTarget(p('c', null, 'x', true, true), program)).toBe(false)
    expect(countsTowardTarget(p('d', 2034, 'x'), program)).toBe(false)
  })

  it('tallies each year with its extra projects beside it, a locality once a year', () => {
    const tally = tallyYears([p('a', 2024, 'x'), p('b', 2024, 'y'), p('c', 2024, 'z', false), p('d', 2025, 'x'), p('e', 2025, 'x')], program)
    expect(tally).toHaveLength(10)
    expect(tally[0]!.counted.map((x) => x.id)).toEqual(['a', 'b'])
    expect(tally[0]!.extra.map((x) => x.id)).toEqual(['c'])
    expect(tally[1]!.counted.map((x) => x.id)).toEqual(['d'])
    expect(tally[1]!.extra.map((x) => x.id)).toEqual(['e'])
    expect(countedTwice([p('d', 2025, 'x'), p('e', 2025, 'x'), p('f', 2026, 'x')])).toEqual([['d', 'e']])
  })
})
