import { describe, expect, it } from 'vitest'
import { freshnessOf } from './freshness.ts'

describe('freshnessOf', () => {
  it('counts the days since the newest report', () => {
    expect(freshnessOf({ id: 'kcna-1', publisher: 'KCNA', published: '2026-02-21' }, '2026-03-03')).toEqual({ sourceId: 'kcna-1', publisher: 'KCNA', date: '2026-02-21', days: 10 })
  })

  it('counts from the last day a month-precise date may mean, and never below zero', () => {
    expect(freshnessOf({ id: 'w', publisher: 'Wikipedia', published: '2026-02' }, '2026-03-03')?.days).toBe(3)
    expect(freshnessOf({ id: 'w', publisher: 'Wikipedia', published: '2026-03' }, '2026-03-03')?.days).toBe(0)
  })

  it('says nothing when there is no dated report', () => {
    expect(freshnessOf(undefined, '2026-03-03')).toBeNull()
    expect(freshnessOf({ id: 'x', publisher: 'X', published: null }, '2026-03-03')).toBeNull()
  })
})
