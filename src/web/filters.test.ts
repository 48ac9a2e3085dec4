import { describe, expect, it } from 'vitest'
import { apiParams, filterParams, hrefWith, readFilters, sharedSearch, toggled } from './filters.ts'

describe('explorer and map filters in the query string', () => {
  it('reads lists, flags and search, ignoring junk', () => {
    const f = readFilters('?year=2025,2024,2024&province=kangwon&counted=maybe&q=%20성천%20&as_of=2025-13&sort=-year')
    expect(f).toEqual({ year: ['2025', '2024'], province: ['kangwon'], kind: [], status: [], counted: '', q: '성천', as_of: '' })
  })

  it('writes the API parameter names in a stable order and round-trips', () => {
    const f = { ...readFilters(''), year: ['2025', '2024'], status: ['operational'], counted: 'true' as const, q: 'Unsan' }
    expect(filterParams(f).toString()).toBe('year=2024%2C2025&status=operational&counted=true&q=Unsan')
    expect(readFilters(filterParams(f))).toEqual({ ...f, year: ['2024', '2025'] })
  })

  it('toggles a value and keeps page-only parameters out of the shared part', () => {
    const f = toggled(toggled(readFilters(''), 'kind', 'hospital'), 'kind', 'paper_mill')
    expect(toggled(f, 'kind', 'hospital').kind).toEqual(['paper_mill'])
    expect(hrefWith('/map', f, { color: 'status', page: undefined })).toBe('/map?kind=hospital%2Cpaper_mill&color=status')
    expect(sharedSearch('?kind=hospital&sort=-year&page=3')).toBe('?kind=hospital')
  })

  it('asks the API for the pilot with pilot=true, never mixed with policy years', () => {
    const pilot = toggled(toggled(readFilters(''), 'year', '2024'), 'year', 'pilot')
    expect(pilot.year).toEqual(['pilot'])
    expect(apiParams(pilot).toString()).toBe('pilot=true')
    expect(toggled(pilot, 'year', '2025').year).toEqual(['2025'])
    expect(apiParams(readFilters('?year=2025&kind=hospital')).toString()).toBe('year=2025&kind=hospital')
  })
})
