import { describe, expect, it } from 'vitest'
import { isFilteredData, isStatic, wholeFileHref, staticHref, withBase, withoutBase } from './staticMode.ts'

describe('static mode', () => {
  it('is off without the published tag (no document here)', () => {
    expect(isStatic).toBe(false)
    expect(withBase('/projects')).toBe('/projects')
    expect(withoutBase('/projects')).toBe('/projects')
  })
  it('puts app paths under the base and takes them out again', () => {
    expect(withBase('/projects?year=2024', '/tracker/')).toBe('/tracker/projects?year=2024')
    expect(withBase('/', '/tracker/')).toBe('/tracker/')
    expect(withBase('https://example.org/x', '/tracker/')).toBe('https://example.org/x')
    expect(withBase('//cdn.example.org/x', '/tracker/')).toBe('//cdn.example.org/x')
    expect(withBase('#main', '/tracker/')).toBe('#main')
    expect(withoutBase('/tracker/projects/2024.x', '/tracker/')).toBe('/projects/2024.x')
    expect(withoutBase('/tracker', '/tracker/')).toBe('/')
    expect(withoutBase('/tracker/', '/tracker/')).toBe('/')
  })
  it('points API links at the published files', () => {
    expect(staticHref('/api/projects/2024.songchon', '/t/')).toBe('/t/api/projects/2024.songchon.json')
    expect(staticHref('/api/export/projects.csv?year=2025', '/t/')).toBe('/t/api/export/projects.csv')
    expect(staticHref('/api/openapi.json', '/t/')).toBe('/t/api/openapi.json')
    expect(staticHref('/about', '/t/')).toBe('/t/about')
  })
  it('tells a filtered data link from the whole file', () => {
    expect(isFilteredData('/api/export/projects.csv?province=north-pyongan')).toBe(true)
    expect(isFilteredData('/api/projects?limit=1000&year=2024')).toBe(true)
    expect(isFilteredData('/api/projects?limit=1000&sort=-year')).toBe(false)
    expect(isFilteredData('/api/export/projects.csv')).toBe(false)
    expect(isFilteredData('/projects?year=2024')).toBe(false)
    expect(wholeFileHref('/api/projects?limit=1000&year=2024', true)).toBe('/api/projects')
    expect(wholeFileHref('/api/projects?limit=1000&year=2024', false)).toBe('/api/projects?limit=1000&year=2024')
  })
})
