import { describe, expect, it } from 'vitest'
import { deriveStatus } from './status.ts'

const events = [
  { type: 'groundbreaking' as const, date: '2024-02-28' },
  { type: 'inauguration' as const, date: '2024-12-20' },
]

describe('deriveStatus', () => {
  it('follows the events: groundbreaking → under construction, inauguration → operational', () => {
    expect(deriveStatus({ events, claims: [] })).toEqual({ status: 'operational', basis: 'events' })
    expect(deriveStatus({ events, claims: [] }, '2024-06-01')).toEqual({ status: 'under_construction', basis: 'events' })
    expect(deriveStatus({ events, claims: [] }, '2024-01-01')).toEqual({ status: null, basis: 'none' })
  })

  it('uses a stated status where events say less, but only once the source was published', () => {
    const claims = [{ value: 'operational', rank: 'normal' as const, published: '2026-02' }]
    const only = [{ type: 'groundbreaking' as const, date: '2024-03-05' }]
    expect(deriveStatus({ events: only, claims })).toEqual({ status: 'operational', basis: 'claim' })
    expect(deriveStatus({ events: only, claims }, '2025-06-30')).toEqual({ status: 'under_construction', basis: 'events' })
  })

  it('ignores deprecated claims and lets a suspension stand', () => {
    expect(deriveStatus({ events, claims: [{ value: 'planned', rank: 'deprecated', published: null }] }).status).toBe('operational')
    expect(deriveStatus({ events, claims: [{ value: 'suspended', rank: 'preferred', published: '2025-05' }] }).status).toBe('suspended')
  })

  it('counts a month-precision event only once the month is over', () => {
    const e = [{ type: 'inauguration' as const, date: '2025-01' }]
    expect(deriveStatus({ events: e, claims: [] }, '2025-01-15').status).toBeNull()
    expect(deriveStatus({ events: e, claims: [] }, '2025-01-31').status).toBe('operational')
  })
})

describe('deriveStatus with newer evidence', () => {
  it('lets a status reported after the latest event stand, even when it says less', () => {
    const events = [
      { type: 'groundbreaking' as const, date: '2025-02-26' },
      { type: 'inauguration' as const, date: '2025-12-16' },
    ]
    const claims = [{ value: 'under_construction', rank: 'normal' as const, published: '2026-03' }]
    expect(deriveStatus({ events, claims })).toEqual({ status: 'under_construction', basis: 'claim' })
    // Before that report existed, the inauguration was the latest word.
    expect(deriveStatus({ events, claims }, '2025-12-31')).toEqual({ status: 'operational', basis: 'events' })
  })
})
