import { describe, expect, it } from 'vitest'
import { comparePartialDates, daysBetween, formatPartialDate, happenedBy, partialDateProblem, precisionOf, rangeOf } from './partialDate.ts'

describe('partial dates', () => {
  it('accepts day, month and year precision', () => {
    expect(partialDateProblem('2025-02-14')).toBeNull()
    expect(precisionOf('2025-02-14')).toBe('day')
    expect(precisionOf('2025-02')).toBe('month')
    expect(precisionOf('2025')).toBe('year')
  })

  it('rejects impossible dates with a reason a person can act on', () => {
    expect(partialDateProblem('2025-02-31')).toMatch(/does not exist.*Feb 2025 has 28 days/)
    expect(partialDateProblem('2024-02-29')).toBeNull()
    expect(partialDateProblem('2025-13')).toMatch(/month 13/)
    expect(partialDateProblem('early 2025')).toMatch(/not a date/)
    expect(partialDateProblem('25-02-2025')).toMatch(/not a date/)
  })

  it('treats an imprecise date as the whole range, not its first day', () => {
    expect(rangeOf('2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' })
    expect(rangeOf('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(happenedBy('2025-02', '2025-02-15')).toBe(false)
    expect(happenedBy('2025-02', '2025-02-28')).toBe(true)
  })

  it('formats keeping the precision', () => {
    expect(formatPartialDate('2025-02-14')).toBe('14 Feb 2025')
    expect(formatPartialDate('2025-02')).toBe('Feb 2025')
    expect(formatPartialDate('2025')).toBe('2025')
  })

  it('orders by first possible day, finer precision first', () => {
    expect(['2025', '2025-02', '2025-01-05', '2025-02-01'].sort(comparePartialDates)).toEqual(['2025', '2025-01-05', '2025-02-01', '2025-02'])
    expect(daysBetween('2024-02-28', '2024-12-20')).toBe(296)
  })
})
