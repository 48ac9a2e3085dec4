/** Unit tests of the release diff: added, changed (field by field) and removed records per table, nested events and claims, and no change → nothing. */
import { describe, expect, it } from 'vitest'
import { countChanges, documentTables, releaseDiff, type DatasetDocumentLike } from './releaseDiff.ts'

function doc(): DatasetDocumentLike {
  return {
    programs: [{ id: '20x10', name: '20×10 Policy', target_per_year: 20, claims: [] }],
    provinces: [{ id: 'south-pyongan', plain: 'South Pyongan', hangul: '평안남도' }],
    localities: [
      { id: 'sp.songchon', plain: 'Songchon', hangul: '성천군', aliases: ['Songch’on'], coord: { lat: 39.2, lon: 126.2, source: 'wiki' }, claims: [] },
      { id: 'sp.unsan', plain: 'Unsan', hangul: '은산군', aliases: [], claims: [] },
    ],
    sources: [{ id: 'kcna-a', publisher: 'KCNA', title: 'Groundbreaking in Songchon', url: null }],
    projects: [
      {
        id: '20x10.2024.songchon',
        program: '20x10',
        year: 2024,
        locality: 'sp.songchon',
        label: null,
        kinds: ['foodstuff', 'garment'],
        counted: true,
        claims: [{ id: 'c1', field: 'status', value: 'operational', source: 'kcna-a', rank: 'preferred' }],
        events: [{ id: 'e1', type: 'groundbreaking', date: { value: '2024-02-28', precision: 'day' }, claims: [{ id: 'c2', field: 'date', value: '2024-02-28', source: 'kcna-a' }] }],
      },
    ],
    program_events: [{ id: 'pe1', program: '20x10', type: 'announced', date: { value: '2024-01', precision: 'month' }, claims: [] }],
  }
}

const clone = <T>(x: T): T => structuredClone(x)

describe('releaseDiff', () => {
  it('finds nothing between a document and an equal copy of it, whatever the key order', () => {
    const a = doc()
    const b = clone(a)
    b.localities = b.localities!.map((l) => Object.fromEntries(Object.entries(l).reverse()) as typeof l)
    expect(releaseDiff(a, b)).toEqual([])
    expect(countChanges([]).total).toEqual({ add: 0, change: 0, remove: 0 })
  })

  it('lists a changed field with its old and new value, one line per field', () => {
    const a = doc()
    const b = clone(a)
    const p = b.projects![0]!
    p.counted = false
    p.counted_reason = 'add-on to the 2024 factories'
    p.kinds = ['foodstuff']
    const changes = releaseDiff(a, b)
    expect(changes).toEqual([
      { op: 'change', table: 'projects', id: '20x10.2024.songchon', label: 'Songchon 2024', field: 'counted', old: true, new: false },
      { op: 'change', table: 'projects', id: '20x10.2024.songchon', label: 'Songchon 2024', field: 'counted_reason', old: null, new: 'add-on to the 2024 factories' },
      { op: 'change', table: 'projects', id: '20x10.2024.songchon', label: 'Songchon 2024', field: 'kinds', old: ['foodstuff', 'garment'], new: ['foodstuff'] },
    ])
    expect(countChanges(changes).total).toEqual({ add: 0, change: 1, remove: 0 })
    expect(countChanges(changes).tables).toEqual({ projects: { add: 0, change: 1, remove: 0 } })
  })

  it('compares nested values (a date, a coordinate) as a whole', () => {
    const a = doc()
    const b = clone(a)
    ;(b.projects![0]!.events as { date: unknown }[])[0]!.date = { value: '2024-02-29', precision: 'day' }
    ;(b.localities![0]!.coord as { lat: number }).lat = 39.25
    const changes = releaseDiff(a, b)
    expect(changes.map((c) => [c.table, c.id, c.field, c.old, c.new])).toEqual([
      ['localities', 'sp.songchon', 'coord', { lat: 39.2, lon: 126.2, source: 'wiki' }, { lat: 39.25, lon: 126.2, source: 'wiki' }],
      ['events', 'e1', 'date', { value: '2024-02-28', precision: 'day' }, { value: '2024-02-29', precision: 'day' }],
    ])
    expect(changes[1]!.label).toBe('groundbreaking of Songchon 2024')
  })

  it('lists added and removed records with the whole record, claims and events of a project included', () => {
    const a = doc()
    const b = clone(a)
    b.localities = b.localities!.filter((l) => l.id !== 'sp.unsan')
    b.sources = [...b.sources!, { id: 'kcna-b', publisher: 'KCNA', title: 'Factories open', url: null }]
    b.projects![0]!.events = []
    const changes = releaseDiff(a, b)
    expect(changes.map((c) => `${c.op} ${c.table} ${c.id}`)).toEqual(['remove localities sp.unsan', 'add sources kcna-b', 'remove events e1', 'remove claims c2'])
    expect(changes[0]!.old).toEqual({ id: 'sp.unsan', plain: 'Unsan', hangul: '은산군', aliases: [] })
    expect(changes[0]!.label).toBe('Unsan (은산군)')
    expect(changes[1]!.new).toEqual({ id: 'kcna-b', publisher: 'KCNA', title: 'Factories open', url: null })
    expect(changes[3]!.old).toMatchObject({ id: 'c2', field: 'date', subject_type: 'event', subject_id: 'e1' })
    expect(changes[3]!.label).toBe('date of groundbreaking of Songchon 2024')
    expect(countChanges(changes).total).toEqual({ add: 1, change: 0, remove: 3 })
  })

  it('treats a field that appears or disappears as a change from or to null', () => {
    const a = doc()
    const b = clone(a)
    b.sources![0]!.archived_url = 'https://archive.example/x'
    delete b.localities![1]!.aliases
    expect(releaseDiff(a, b).map((c) => [c.id, c.field, c.old, c.new])).toEqual([
      ['sp.unsan', 'aliases', [], null],
      ['kcna-a', 'archived_url', null, 'https://archive.example/x'],
    ])
  })

  it('with no earlier release, adds every record of every table', () => {
    const changes = releaseDiff(null, doc())
    expect(changes.every((c) => c.op === 'add')).toBe(true)
    expect(countChanges(changes).tables).toEqual({
      programs: { add: 1, change: 0, remove: 0 },
      provinces: { add: 1, change: 0, remove: 0 },
      localities: { add: 2, change: 0, remove: 0 },
      sources: { add: 1, change: 0, remove: 0 },
      projects: { add: 1, change: 0, remove: 0 },
      events: { add: 2, change: 0, remove: 0 },
      claims: { add: 2, change: 0, remove: 0 },
    })
  })

  it('flattens events out of projects (naming the project) and claims out of their subjects', () => {
    const t = documentTables(doc())
    expect(t.events.get('e1')).toMatchObject({ project: '20x10.2024.songchon', type: 'groundbreaking' })
    expect(t.events.get('pe1')).toMatchObject({ program: '20x10' })
    expect(t.projects.get('20x10.2024.songchon')).not.toHaveProperty('events')
    expect(t.claims.get('c1')).toMatchObject({ subject_type: 'project', subject_id: '20x10.2024.songchon' })
  })
})
