/** Unit tests of the embed paths and the iframe snippet. */
import { describe, expect, it } from 'vitest'
import { embedPath, fullPageOf, iframeSnippet, parseEmbedPath, snapshotPath } from './embeds.ts'

describe('embed paths', () => {
  it('reads every embed path and refuses others', () => {
    expect(parseEmbedPath('/embed/progress')).toEqual({ name: 'progress' })
    expect(parseEmbedPath('/embed/map/')).toEqual({ name: 'map' })
    expect(parseEmbedPath('/embed/project/20x10.2024.a%20b')).toEqual({ name: 'project', id: '20x10.2024.a b' })
    expect(parseEmbedPath('/embed/project')).toBeNull()
    expect(parseEmbedPath('/embed/grid/extra')).toBeNull()
    expect(parseEmbedPath('/embed/nothing')).toBeNull()
    expect(parseEmbedPath('/map')).toBeNull()
    expect(parseEmbedPath('/embed/chart/openings')).toEqual({ name: 'chart', id: 'openings' })
    expect(parseEmbedPath('/embed/chart/nothing')).toBeNull()
    expect(parseEmbedPath('/embed/chart')).toBeNull()
  })

  it('names the full page and the snapshot of each embed', () => {
    expect(fullPageOf('grid')).toBe('/')
    expect(fullPageOf('project', 'x/y')).toBe('/projects/x%2Fy')
    expect(embedPath('timeline', undefined, '?year=2025')).toBe('/embed/timeline?year=2025')
    expect(embedPath('map', undefined, '')).toBe('/embed/map')
    expect(snapshotPath('project', 'a.b')).toBe('/embed/project/a.b.svg')
    expect(fullPageOf('chart', 'openings')).toBe('/charts#openings')
    expect(embedPath('chart', 'coverage', 'lang=ko')).toBe('/embed/chart/coverage?lang=ko')
    expect(snapshotPath('chart', 'coverage')).toBeNull()
    // The image shows what the embed shows: the map's filters, the timeline's year; a copy has only the whole images.
    expect(snapshotPath('map', undefined, '?year=2025&status=operational&lang=ko')).toBe('/embed/map.svg?year=2025&status=operational')
    expect(snapshotPath('timeline', undefined, 'year=2024&province=chagang')).toBe('/embed/timeline.svg?year=2024')
    expect(snapshotPath('timeline', undefined, 'year=2024', true)).toBe('/embed/timeline.svg')
    expect(snapshotPath('grid', undefined, 'year=2024')).toBe('/embed/grid.svg')
  })

  it('escapes the snippet', () => {
    const s = iframeSnippet('https://t.example/embed/map?year=2025&lang=ko', 'Map "x" <y>', 'map')
    expect(s).toBe('<iframe src="https://t.example/embed/map?year=2025&amp;lang=ko" title="Map &quot;x&quot; &lt;y&gt;" width="560" height="600" style="border:0;max-width:100%" loading="lazy"></iframe>')
  })
})
