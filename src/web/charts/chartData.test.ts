import { describe, expect, it } from 'vitest'
import { restoreCell } from '../../model/formulaCells.ts'
import type { Coverage, EventItem, Progress, Project, Projection } from '../types.ts'
import { busiestMonth, coverageRows, cumulativeFacts, cumulativeRows, durationRows, median, openingsByMonth, toCsv, type Durations } from './chartData.ts'

const counts = { planned: 0, under_construction: 0, operational: 0, suspended: 0 }
const progress = (counted: number[]): Progress =>
  ({
    program_id: '20x10',
    as_of: null,
    target_per_year: 20,
    total_target: 200,
    years: Array.from({ length: 10 }, (_, i) => ({ year: 2024 + i, target: 20, counted: counted[i] ?? 0, by_status: counts, extra: [] })),
  }) as unknown as Progress
const projection = (years: number, pace: number | null, projected: number | null): Projection =>
  ({ total_target: 200, end_year: 2033, started: { done: 0, pace_per_year: pace, years_observed: years, projected_year: projected, on_track: projected === null ? null : projected <= 2033 } }) as Projection

describe('cumulative rows', () => {
  it('sum the counted localities of the years begun, against the target line, and project at the pace to the total', () => {
    const rows = cumulativeRows(progress([20, 20, 14]), projection(3, 18, 2034))
    expect(rows.map((r) => r.target)).toEqual([20, 40, 60, 80, 100, 120, 140, 160, 180, 200])
    expect(rows.map((r) => r.counted)).toEqual([20, 40, 54, null, null, null, null, null, null, null])
    expect(rows.map((r) => r.projected)).toEqual([null, null, 54, 72, 90, 108, 126, 144, 162, 180])
    expect(cumulativeFacts(rows, projection(3, 18, 2034))).toMatchObject({ counted: 54, year: 2026, targetThen: 60, projectedYear: 2034, onTrack: false })
  })

  it('stop the projection at the total and draw none without a pace', () => {
    expect(cumulativeRows(progress([40, 40]), projection(2, 40, 2028)).map((r) => r.projected)).toEqual([null, 80, 120, 160, 200, 200, 200, 200, 200, 200])
    expect(cumulativeRows(progress([]), projection(0, null, null)).every((r) => r.counted === null && r.projected === null)).toBe(true)
    expect(cumulativeFacts(cumulativeRows(progress([]), projection(0, null, null)), projection(0, null, null))).toBeNull()
  })
})

const event = (project_id: string | null, type: string, date: string, project_year: number | null = 2024) => ({ project_id, type, date, project_year }) as unknown as EventItem

describe('openings by month', () => {
  it("count each project once, at its inauguration (else completion, else production start), with quiet months as zeros", () => {
    const o = openingsByMonth([
      event('a', 'completion', '2024-10-02'),
      event('a', 'inauguration', '2024-12-20'),
      event('b', 'production_start', '2025-01-03'),
      event('c', 'inauguration', '2024-12'),
      event('d', 'inauguration', '2025'),
      event('e', 'groundbreaking', '2024-03-01'),
      event(null, 'inauguration', '2024-11-01'),
      event('pilot', 'inauguration', '2022-06-05', null),
    ])
    expect(o.rows).toEqual([
      { month: '2024-12', openings: 2 },
      { month: '2025-01', openings: 1 },
    ])
    expect(o.yearOnly).toBe(1)
    expect(o.total).toBe(4)
    expect(busiestMonth(o.rows)).toEqual({ month: '2024-12', openings: 2 })
    expect(openingsByMonth([event('a', 'inauguration', '2024-11-30'), event('b', 'inauguration', '2025-02-01')]).rows.map((r) => r.openings)).toEqual([1, 0, 0, 1])
    expect(busiestMonth([])).toBeNull()
  })
})

describe('duration rows', () => {
  const project = (id: string, locality: string, name: string, hangul: string) => ({ id, locality: { id: locality, name, hangul } }) as unknown as Project
  const d = (project_id: string, year: number, days: number | null) => ({ project_id, year, kinds: [], groundbreaking: '2024-03-01', finished: days === null ? '2025-01' : '2025-01-10', days, months: days === null ? 10 : null })
  it('keep day-precise pairs, shortest first, and tell apart bars that would read the same', () => {
    const durations = { projects: [d('p1', 2024, 330), d('p2', 2025, 300), d('p3', 2024, null), d('p4', 2025, 310)] } as unknown as Durations
    const projects = [project('p1', 'north-pyongan.unsan', 'Unsan', '운산군'), project('p2', 'south-pyongan.unsan', 'Unsan', '은산군'), project('p4', 'x.songchon', 'Songchon', '성천군')]
    const { rows, monthOnly } = durationRows(durations, projects)
    expect(rows.map((r) => [r.name, r.hangul, r.days])).toEqual([
      ['Unsan 2025', '은산군', 300],
      ['Songchon', '성천군', 310],
      ['Unsan 2024', '운산군', 330],
    ])
    expect(monthOnly).toBe(1)
    expect(median(rows.map((r) => r.days))).toBe(310)
    expect(median([1, 2, 3, 10])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})

describe('coverage rows', () => {
  it('order provinces by the share reached and count the ones waiting', () => {
    const coverage = {
      provinces: [
        { province_id: 'a', name: 'A', localities: 10, reached: 2, share: 0.2, waiting: [] },
        { province_id: 'b', name: 'B', localities: 3, reached: 3, share: 1, waiting: [] },
        { province_id: 'c', name: 'C', localities: 2, reached: 0, share: 0, waiting: [] },
      ],
    } as unknown as Coverage
    expect(coverageRows(coverage).map((r) => [r.province_id, r.waiting])).toEqual([
      ['b', 0],
      ['a', 8],
      ['c', 2],
    ])
  })
})

describe('CSV', () => {
  it('writes a header row, quotes where needed and never starts a formula', () => {
    const csv = toCsv(['name', 'n'], [['=HYPERLINK("x")', -3], ['a, b', null], ['+1', 1.5]])
    expect(csv).toBe('name,n\r\n"\'=HYPERLINK(""x"")",-3\r\n"a, b",\r\n+1,1.5\r\n')
    expect(restoreCell("'=HYPERLINK(\"x\")")).toBe('=HYPERLINK("x")')
    expect(toCsv(['x'], [['@SUM(A1)'], ['-2+3']])).toBe("x\r\n'@SUM(A1)\r\n'-2+3\r\n")
  })
})
