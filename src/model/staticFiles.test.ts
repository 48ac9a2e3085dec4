import { describe, expect, it } from 'vitest'
import { canonicalQuery, safeName, staticFileOf } from './staticFiles.ts'

describe('staticFileOf', () => {
  it('gives JSON answers a .json file and keeps the names of files', () => {
    expect(staticFileOf('/api/projects')).toBe('api/projects.json')
    expect(staticFileOf('/api/stats/progress')).toBe('api/stats/progress.json')
    expect(staticFileOf('/api/localities/south-pyongan.unsan')).toBe('api/localities/south-pyongan.unsan.json')
    expect(staticFileOf('/api/export/projects.csv')).toBe('api/export/projects.csv')
    expect(staticFileOf('/api/openapi.json')).toBe('api/openapi.json')
    expect(staticFileOf('/api/changes.atom')).toBe('api/changes.atom')
  })
  it('writes the query sorted, so the same request in another order is the same file', () => {
    expect(staticFileOf('/api/projects?limit=1&facets=year')).toBe('api/projects@facets=year&limit=1.json')
    expect(staticFileOf('/api/projects?facets=year&limit=1')).toBe('api/projects@facets=year&limit=1.json')
    expect(staticFileOf('/api/localities?reached=false&limit=1000')).toBe('api/localities@limit=1000&reached=false.json')
  })
  it('escapes what a file name or URL could misread, and decodes percent-escapes first', () => {
    expect(safeName('a b/ü~')).toBe('a~20b~2F~C3~BC~7E')
    expect(safeName('..')).toBe('~2E~2E')
    expect(staticFileOf('/api/sources/a%20b')).toBe('api/sources/a~20b.json')
    expect(staticFileOf('/api/localities?q=%EC%9D%80%EC%82%B0')).toBe('api/localities@q=~EC~9D~80~EC~82~B0.json')
    expect(canonicalQuery('b=2&a=1&a=0')).toBe('a=0&a=1&b=2')
    expect(() => staticFileOf('/projects')).toThrow(/not an API path/)
  })
})
