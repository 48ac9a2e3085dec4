import { describe, expect, it } from 'vitest'
import { citeApa, citeBibtex, citeChicago, citeCslJson } from './cite.ts'

const input = { url: 'https://tracker.example.org/', version: 42, accessed: '2026-12-03' }

describe('citations', () => {
  it('name the canonical address, the data version and the access date in every style', () => {
    for (const text of [citeApa(input), citeChicago(input), citeBibtex(input), citeCslJson(input)]) {
      expect(text).toContain('https://tracker.example.org/')
      expect(text).not.toContain('//tracker.example.org//')
      expect(text).toMatch(/42/)
    }
    expect(citeApa(input)).toContain('Retrieved December 3, 2026')
    expect(citeChicago(input)).toContain('Accessed December 3, 2026')
  })

  it('gives CSL-JSON a reference manager can read, and BibTeX with balanced braces', () => {
    const [item] = JSON.parse(citeCslJson({ ...input, path: '/projects/x' }))
    expect(item).toMatchObject({ type: 'dataset', version: '42', URL: 'https://tracker.example.org/projects/x', accessed: { 'date-parts': [[2026, 12, 3]] } })
    const bib = citeBibtex(input)
    expect(bib.startsWith('@misc{tracker20x10_v42,')).toBe(true)
    expect([...bib].filter((ch) => ch === '{').length).toBe([...bib].filter((ch) => ch === '}').length)
  })
})

describe('citing a page and a release', () => {
  it('cites the page address with its query, and the release beside the data version', () => {
    const page = { ...input, url: 'https://example.org/tracker', path: '/projects?year=2025', release: '2026.1' }
    expect(citeApa(page)).toContain('(Release 2026.1, data version 42) [Data set]')
    expect(citeApa(page)).toContain('from https://example.org/tracker/projects?year=2025')
    expect(citeChicago(page)).toContain('Release 2026.1, data version 42.')
    expect(citeBibtex(page)).toContain('version = {2026.1}')
    expect(JSON.parse(citeCslJson(page))[0]).toMatchObject({ version: '2026.1', note: 'Release 2026.1, data version 42', URL: 'https://example.org/tracker/projects?year=2025' })
    expect(citeApa(input)).toContain('(Data version 42) [Data set]')
  })
})
