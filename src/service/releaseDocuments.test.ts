/** Unit tests of a release's human documents: the changelog groups and words changes, escapes what comes from the data; the citation file names the release. */
import { describe, expect, it } from 'vitest'
import type { ReleaseChange } from '../model/releaseDiff.ts'
import { changelogMarkdown, citationCff } from './releaseDocuments.ts'

const counts = { programs: 1, provinces: 13, localities: 201, sources: 162, projects: 66, events: 141, claims: 439 }
const base = { version: '2.0', date: '2026-12-04', previous: '1.0', dataVersion: 9, url: 'https://t.example/releases/2.0', counts }

describe('changelogMarkdown', () => {
  it('groups changes per table into added, changed (field: old → new) and removed', () => {
    const changes: ReleaseChange[] = [
      { op: 'add', table: 'sources', id: 's1', label: 'KCNA: Factories open', new: {} },
      { op: 'change', table: 'projects', id: 'p1', label: 'Songchon 2024', field: 'counted', old: true, new: false },
      { op: 'change', table: 'projects', id: 'p1', label: 'Songchon 2024', field: 'notes', old: null, new: 'Seen working.' },
      { op: 'remove', table: 'events', id: 'e1', label: 'groundbreaking of Songchon 2024', old: {} },
    ]
    const md = changelogMarkdown({ ...base, total: { add: 1, change: 1, remove: 1 } }, changes)
    expect(md).toContain('Changes since release 1.0: 1 record added, 1 changed, 1 removed.')
    expect(md).toContain('This release holds 1 program, 13 provinces, 201 localities, 162 sources, 66 projects, 141 events, 439 claims.')
    expect(md).toContain('## Sources\n\n### Added (1)\n\n- **KCNA: Factories open** (s1)')
    expect(md).toContain('## Projects\n\n### Changed (1)\n\n- **Songchon 2024** (p1)\n  - counted: `true` → `false`\n  - notes: `null` → `"Seen working."`')
    expect(md).toContain('## Events\n\n### Removed (1)\n\n- **groundbreaking of Songchon 2024** (e1)')
    expect(md.indexOf('## Sources')).toBeLessThan(md.indexOf('## Projects'))
    expect(md).not.toContain('## Claims')
  })

  it('escapes Markdown in labels and keeps values inside their code span', () => {
    const changes: ReleaseChange[] = [{ op: 'change', table: 'sources', id: 'x_1', label: '<img src=x> *bold* [link](http://e.x)', field: 'title', old: 'a `tick`', new: 'b\nnew line' }]
    const md = changelogMarkdown({ ...base, total: { add: 0, change: 1, remove: 0 } }, changes)
    expect(md).toContain('- **\\<img src=x\\> \\*bold\\* \\[link\\](http://e.x)** (x\\_1)')
    expect(md).toContain('title: `` "a `tick`" `` → `"b\\nnew line"`')
    expect(md).not.toMatch(/(?<!\\)<img/)
  })

  it('says so when nothing changed, and for a first release lists no records', () => {
    expect(changelogMarkdown({ ...base, total: { add: 0, change: 0, remove: 0 } }, [])).toContain('Nothing changed since the previous release.')
    const first = changelogMarkdown({ ...base, previous: null, total: { add: 1023, change: 0, remove: 0 } }, [{ op: 'add', table: 'programs', id: '20x10', label: '20×10', new: {} }])
    expect(first).toContain('The first release. It holds 1 program,')
    expect(first).not.toContain('## Programs')
  })
})

describe('citationCff', () => {
  it('names the release, its date, the canonical address and the licence', () => {
    const cff = citationCff({ version: '2.0', date: '2026-12-04', url: 'https://t.example/releases/2.0', apiUrl: 'https://t.example/api/releases/2.0', dataVersion: 9 })
    expect(cff.split('\n').slice(0, 9)).toEqual([
      'cff-version: 1.2.0',
      'message: "If you use this dataset, please cite this release as below."',
      'type: dataset',
      `title: "20×10 Tracker: open data on North Korea's Regional Development 20×10 Policy"`,
      'version: "2.0"',
      'date-released: "2026-12-04"',
      'url: "https://t.example/releases/2.0"',
      'license: CC-BY-4.0',
      'authors:',
    ])
  })
})
