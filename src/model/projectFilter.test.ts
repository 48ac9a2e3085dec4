import { describe, expect, it } from 'vitest'
import { countFacets, projectMatches, sortProjects, type FilterableProject } from './projectFilter.ts'

const item = (id: string, year: number | null, name: string, extra: Partial<FilterableProject> = {}): FilterableProject => ({
  id,
  program_id: '20x10',
  year,
  locality_id: `p.${name.toLowerCase()}`,
  locality: { name, province: 'P', province_id: 'p' },
  kinds: ['foodstuff_factory'],
  counted: true,
  pilot: year === null,
  status: 'operational',
  dates: {},
  ...extra,
})
const items = [item('c', 2025, 'Anju'), item('a', 2024, 'Songchon', { status: null }), item('b', 2024, 'Anju', { kinds: ['hospital', 'hospital'], counted: false })]

describe('project filters', () => {
  it('match as the API reads them: every filter must hold, a status filter drops unknown statuses', () => {
    expect(items.filter((i) => projectMatches(i, { year: [2024] })).map((i) => i.id)).toEqual(['a', 'b'])
    expect(items.filter((i) => projectMatches(i, { year: [2024], status: ['operational'] })).map((i) => i.id)).toEqual(['b'])
    expect(items.filter((i) => projectMatches(i, { kind: ['hospital'], counted: false })).map((i) => i.id)).toEqual(['b'])
    expect(items.filter((i) => projectMatches(i, {}, (l) => l === 'p.songchon')).map((i) => i.id)).toEqual(['a'])
  })
  it('sort by year then locality, by a key with ties in that order, and backwards for "-"', () => {
    expect(sortProjects(items).map((i) => i.id)).toEqual(['b', 'a', 'c'])
    expect(sortProjects(items, 'locality').map((i) => i.id)).toEqual(['b', 'c', 'a'])
    expect(sortProjects(items, '-locality').map((i) => i.id)).toEqual(['a', 'c', 'b'])
  })
  it('count each kind once per project, and unknown statuses as "null"', () => {
    expect(countFacets(items, ['year', 'kind', 'status', 'counted'])).toEqual({
      year: { 2024: 2, 2025: 1 },
      kind: { foodstuff_factory: 2, hospital: 1 },
      status: { operational: 2, null: 1 },
      counted: { true: 2, false: 1 },
    })
  })
})
