import { describe, expect, it } from 'vitest'
import { miniDataset } from '../../test/support/fixtures.ts'
import { emptyDataset } from './dataset.ts'
import { planChanges, planCounts } from './plan.ts'

describe('planChanges', () => {
  it('adds everything into an empty dataset and nothing the second time', () => {
    const ds = miniDataset()
    const first = planChanges(emptyDataset(), ds)
    expect(planCounts(first).projects).toEqual({ add: 2, change: 0, unchanged: 0 })
    expect(first.entries.every((e) => e.action === 'add')).toBe(true)
    const again = planChanges(ds, ds)
    expect(again.entries).toEqual([])
    expect(again.unchanged.claims).toBe(ds.claims.length)
  })

  it('reports each changed field with its old and new value', () => {
    const ds = miniDataset()
    const changed = structuredClone(ds)
    changed.projects[0]!.notes = 'Revised note.'
    const plan = planChanges(ds, changed)
    expect(plan.entries).toHaveLength(1)
    expect(plan.entries[0]).toMatchObject({ entity: 'projects', action: 'change', changes: [{ field: 'notes', before: 'Test project.', after: 'Revised note.' }] })
  })

  it('does not treat bookkeeping dates of claims as changes', () => {
    const ds = miniDataset()
    const seen = structuredClone(ds)
    seen.claims[0]!.last_seen = '2030-01-01'
    expect(planChanges(ds, seen).entries).toEqual([])
  })
})
