import { describe, expect, it } from 'vitest'
import { twinsOf } from './twins.ts'

const hrefs = (path: string, search = '', format?: string) => twinsOf(path, search).filter((t) => !format || t.format === format).map((t) => t.href)

describe('twinsOf', () => {
  it('gives the overview its figures as JSON and the projects as CSV', () => {
    expect(hrefs('/')).toEqual(['/api/stats/progress', '/api/export/projects.csv'])
  })

  it('carries the explorer and map filters into the list, the CSV and the GeoJSON, in the API names', () => {
    expect(hrefs('/projects', '?year=2025&province=north-pyongan&sort=-year&page=2', 'json')).toEqual(['/api/projects?year=2025&province=north-pyongan&limit=1000&sort=-year'])
    expect(hrefs('/projects', '?year=2025', 'csv')).toEqual(['/api/export/projects.csv?year=2025'])
    expect(hrefs('/map', '?status=operational&color=year')).toEqual(['/api/projects?status=operational&limit=1000', '/api/export/projects.csv?status=operational', '/api/export/projects.geojson?status=operational'])
    // The pilot is pilot=true in the API.
    expect(hrefs('/map', '?year=pilot', 'csv')).toEqual(['/api/export/projects.csv?pilot=true'])
  })

  it('links a record page to its record, with ids encoded', () => {
    expect(hrefs('/projects/20x10.2024.south-pyongan.songchon')).toEqual(['/api/projects/20x10.2024.south-pyongan.songchon'])
    expect(hrefs('/localities/north-pyongan.unsan')).toEqual(['/api/localities/north-pyongan.unsan', '/api/export/projects.csv?locality=north-pyongan.unsan'])
    expect(hrefs('/provinces/south-pyongan')).toEqual(['/api/localities?province=south-pyongan&limit=1000', '/api/export/projects.csv?province=south-pyongan'])
    expect(hrefs('/sources/a%20b')).toEqual(['/api/sources/a%20b'])
  })

  it('gives the timeline its projects with every filter, and their events by year and province', () => {
    expect(hrefs('/timeline', '?year=2024&kind=hospital&province=south-pyongan', 'json')).toEqual([
      '/api/projects?year=2024&province=south-pyongan&kind=hospital&limit=1000',
      '/api/events?year=2024&province=south-pyongan&limit=1000',
    ])
    expect(hrefs('/timeline', '?status=operational&q=Songchon', 'csv')).toEqual(['/api/export/projects.csv?status=operational&q=Songchon', '/api/export/events.csv'])
  })

  it('passes the sources list search on and leaves out what the API does not know', () => {
    expect(hrefs('/sources', '?q=kcna&page=3&lang=ko', 'json')).toEqual(['/api/sources?q=kcna&limit=1000'])
    expect(hrefs('/sources', '?publisher=KCNA&year=2025&sort=-published', 'json')).toEqual(['/api/sources?publisher=KCNA&year=2025&sort=-published&limit=1000'])
    expect(hrefs('/provinces')).toEqual(['/api/provinces', '/api/export/provinces.csv'])
    expect(hrefs('/about')).toEqual(['/api/programs'])
  })

  it('has no twin for pages without data of their own', () => {
    for (const path of ['/signin', '/review', '/sources/new', '/no/such/page', '/nothing']) expect(twinsOf(path)).toEqual([])
  })
})
