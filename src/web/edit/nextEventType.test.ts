import { describe, expect, it } from 'vitest'
import { nextEventType } from './nextEventType.ts'

describe('the default of "What happened"', () => {
  it('is the lifecycle step after the latest one the project has', () => {
    expect(nextEventType([])).toBe('groundbreaking')
    expect(nextEventType(['announced'])).toBe('groundbreaking')
    expect(nextEventType(['groundbreaking'])).toBe('completion')
    expect(nextEventType(['groundbreaking', 'leader_visit', 'construction_stage'])).toBe('completion')
    expect(nextEventType(['groundbreaking', 'completion'])).toBe('inauguration')
    // An inauguration without a recorded groundbreaking still comes after it.
    expect(nextEventType(['inauguration', 'leader_visit'])).toBe('production_start')
  })

  it('offers a leader visit once the lifecycle is complete, and ignores types outside it', () => {
    expect(nextEventType(['groundbreaking', 'inauguration', 'production_start'])).toBe('leader_visit')
    expect(nextEventType(['leader_visit', 'other'])).toBe('groundbreaking')
  })
})
