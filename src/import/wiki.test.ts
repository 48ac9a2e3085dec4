import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../model/errors.ts'
import type { LocalityMatch } from '../model/names/resolve.ts'
import { parseWiki, type WikiOptions } from './wiki.ts'
import { countedByRules, countedReasons } from './wiki/counted.ts'
import { parseKeyDateLabel, parseKeyDates, parseWikiDate } from './wiki/dates.ts'
import { parseProjectTypes } from './wiki/kinds.ts'
import { parseStatus } from './wiki/status.ts'
import { splitRow } from './wiki/tables.ts'

describe('wiki dates', () => {
  it('reads day, month and year precision', () => {
    expect(parseWikiDate('28 Feb 2024')).toEqual({ ok: true, value: '2024-02-28' })
    expect(parseWikiDate('28 February 2024')).toEqual({ ok: true, value: '2024-02-28' })
    expect(parseWikiDate('5 Mar 2024')).toEqual({ ok: true, value: '2024-03-05' })
    expect(parseWikiDate('February 28, 2024')).toEqual({ ok: true, value: '2024-02-28' })
    expect(parseWikiDate('Feb 2024')).toEqual({ ok: true, value: '2024-02' })
    expect(parseWikiDate('Sept 2025')).toEqual({ ok: true, value: '2025-09' })
    expect(parseWikiDate('2024')).toEqual({ ok: true, value: '2024' })
    expect(parseWikiDate('early 2025')).toEqual({ ok: true, value: '2025' })
  })

  it('rejects impossible and unreadable dates with a reason', () => {
    const feb31 = parseWikiDate('31 Feb 2025')
    expect(feb31.ok).toBe(false)
    expect(!feb31.ok && feb31.problem).toBe('2025-02-31 does not exist (Feb 2025 has 28 days)')
    expect(parseWikiDate('29 Feb 2024').ok).toBe(true)
    expect(parseWikiDate('spring 2025')).toMatchObject({ ok: false, problem: expect.stringMatching(/is not a date/) })
    expect(parseWikiDate('2025-02-14')).toMatchObject({ ok: false, problem: expect.stringMatching(/is not a date/) })
    expect(parseWikiDate('28 Fbr 2024')).toEqual({ ok: false, problem: '"28 Fbr 2024" is not a date: unknown month "Fbr"' })
  })
})

describe('wiki key dates', () => {
  it('maps the words of the list to event types', () => {
    const type = (label: string) => {
      const r = parseKeyDateLabel(label)
      return r.ok ? r.value.type : r.problem
    }
    expect(type('Groundbreaking')).toBe('groundbreaking')
    expect(type('Ground-breaking')).toBe('groundbreaking')
    expect(type('Completion')).toBe('completion')
    expect(type('Completed')).toBe('completion')
    expect(type('Inauguration')).toBe('inauguration')
    expect(type('Inaugurated')).toBe('inauguration')
    expect(type('Opening')).toBe('inauguration')
    expect(type('Inspection')).toBe('leader_visit')
    expect(type('Visit')).toBe('leader_visit')
    expect(type('Announced')).toBe('announced')
    expect(type('Production start')).toBe('production_start')
    expect(type('Topping out')).toMatch(/unknown key-date label "Topping out"/)
  })

  it('reads one date, several dates, and dates without a separator', () => {
    expect(parseKeyDates('Groundbreaking: 28 Feb 2024')).toEqual({
      dates: [{ type: 'groundbreaking', label: null, date: '2024-02-28', text: 'Groundbreaking: 28 Feb 2024' }],
      problems: [],
    })
    expect(parseKeyDates('Groundbreaking: 14 Feb 2025; Completion: 26 Aug 2025').dates).toEqual([
      { type: 'groundbreaking', label: null, date: '2025-02-14', text: 'Groundbreaking: 14 Feb 2025' },
      { type: 'completion', label: null, date: '2025-08-26', text: 'Completion: 26 Aug 2025' },
    ])
    expect(parseKeyDates('Groundbreaking: 25 Feb 2025 Inspection: 3 Dec 2025').dates).toEqual([
      { type: 'groundbreaking', label: null, date: '2025-02-25', text: 'Groundbreaking: 25 Feb 2025' },
      { type: 'leader_visit', label: null, date: '2025-12-03', text: 'Inspection: 3 Dec 2025' },
    ])
    expect(parseKeyDates('Groundbreaking: Feb 2025 Opening: 2026').dates.map((d) => [d.type, d.date])).toEqual([
      ['groundbreaking', '2025-02'],
      ['inauguration', '2026'],
    ])
    expect(parseKeyDates('Announced: 15 Jul 2024').dates[0]).toMatchObject({ type: 'announced', date: '2024-07-15' })
  })

  it('labels "<type> of <thing>" with the slug of the thing', () => {
    expect(parseKeyDates('Groundbreaking of hospital and leisure complex: 6 Feb 2025').dates).toEqual([
      { type: 'groundbreaking', label: 'hospital-and-leisure-complex', date: '2025-02-06', text: 'Groundbreaking of hospital and leisure complex: 6 Feb 2025' },
    ])
  })

  it('reads an empty cell as no dates, and reports what it cannot read', () => {
    expect(parseKeyDates('')).toEqual({ dates: [], problems: [] })
    expect(parseKeyDates('—')).toEqual({ dates: [], problems: [] })
    expect(parseKeyDates('28 Feb 2024').problems).toEqual(['key date "28 Feb 2024" has no label (expected e.g. "Groundbreaking: 28 Feb 2024")'])
    expect(parseKeyDates('Groundbreaking:').problems).toEqual(['no date after "Groundbreaking:"'])
    expect(parseKeyDates('Groundbreaking: 31 Feb 2025').problems).toEqual(['key date "Groundbreaking: 31 Feb 2025": 2025-02-31 does not exist (Feb 2025 has 28 days)'])
    expect(parseKeyDates('Groundbreaking: 1 Feb 2025; Ribbon cutting: 3 Dec 2025').problems[0]).toMatch(/unknown key-date label "Ribbon cutting"/)
  })
})

describe('wiki project types and status', () => {
  const factories = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory']

  it('maps types to kinds in the order of the vocabulary', () => {
    expect(parseProjectTypes('Regional-industry factories (Foodstuff; Garment; Daily-necessities)')).toEqual({ kinds: factories, problems: [] })
    expect(parseProjectTypes('Regional-industry factories').kinds).toEqual(factories)
    expect(parseProjectTypes('Hospital; Leisure complex; Factories').kinds).toEqual([...factories, 'hospital', 'leisure_complex'])
    expect(parseProjectTypes('Grain management station; Factories').kinds).toEqual([...factories, 'grain_management_station'])
    expect(parseProjectTypes('Factories; Seafood processing facility').kinds).toEqual([...factories, 'seafood_processing'])
    expect(parseProjectTypes('Offshore farm; Fishermen’s housing').kinds).toEqual(['offshore_farm', 'housing'])
    expect(parseProjectTypes("Offshore farm; Fishermen's housing").kinds).toEqual(['offshore_farm', 'housing'])
    expect(parseProjectTypes('Paper factory').kinds).toEqual(['paper_mill'])
  })

  it('reports unknown and missing types', () => {
    expect(parseProjectTypes('Hospital; Bridge').problems).toEqual([expect.stringMatching(/^unknown project type "Bridge" \(known: /)])
    expect(parseProjectTypes('').problems).toEqual(['no project type given'])
  })

  it('maps the status cell', () => {
    expect(parseStatus('Completed / Operational')).toEqual({ ok: true, value: 'operational' })
    expect(parseStatus('Under construction')).toEqual({ ok: true, value: 'under_construction' })
    expect(parseStatus('Planned')).toEqual({ ok: true, value: 'planned' })
    expect(parseStatus('Announced')).toEqual({ ok: true, value: 'planned' })
    expect(parseStatus('Suspended')).toEqual({ ok: true, value: 'suspended' })
    expect(parseStatus('Ongoing')).toMatchObject({ ok: false, problem: expect.stringMatching(/^unknown status "Ongoing"/) })
  })
})

describe('wiki counting rules', () => {
  const factories = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory'] as const
  const notCounted = (counted_reason: string) => ({ counted: false, counted_reason })

  it('leaves out projects made only of offshore farms, housing or paper mills', () => {
    expect(countedByRules(['offshore_farm'], '')).toEqual(notCounted(countedReasons.offshoreFarm))
    expect(countedByRules(['offshore_farm', 'housing'], 'Aquaculture project under 20×10.')).toEqual(notCounted(countedReasons.offshoreFarm))
    expect(countedByRules(['paper_mill'], '')).toEqual(notCounted(countedReasons.paperMill))
    expect(countedByRules(['housing'], '')).toEqual(notCounted(countedReasons.housing))
  })

  it('leaves out projects the notes exclude', () => {
    expect(countedByRules([...factories], 'Excluded from the 20 factories in Year-3.')).toEqual(notCounted(countedReasons.excluded))
    expect(countedByRules([...factories, 'offshore_farm'], 'Excluded from the 20.')).toEqual(notCounted(countedReasons.offshoreFarm))
  })

  it('leaves out an add-on without factories, counts an add-on that brings factories', () => {
    expect(countedByRules(['hospital'], 'Add-on to 2024 factories.')).toEqual(notCounted(countedReasons.addOn))
    expect(countedByRules([...factories], 'Add-on to 2024 offshore farm project.')).toEqual({ counted: true, counted_reason: null })
  })

  it('counts everything else', () => {
    expect(countedByRules(['hospital'], '')).toEqual({ counted: true, counted_reason: null })
    expect(countedByRules([...factories, 'hospital', 'leisure_complex'], 'Flagship Year-2 project.')).toEqual({ counted: true, counted_reason: null })
  })
})

// A stand-in for the gazetteer resolver: a handful of localities, exact names only.
const places: { id: string; plain: string; type: 'county' | 'city'; aliases: string[] }[] = [
  { id: 'south-pyongan.songchon', plain: 'Songchon', type: 'county', aliases: ['Sŏngch’ŏn'] },
  { id: 'nampo.onchon', plain: 'Onchon', type: 'county', aliases: [] },
  { id: 'north-pyongan.unsan', plain: 'Unsan', type: 'county', aliases: [] },
  { id: 'south-pyongan.unsan', plain: 'Unsan', type: 'county', aliases: ['Ŭnsan'] },
  { id: 'north-pyongan.kusong', plain: 'Kusong', type: 'city', aliases: [] },
]
const provinceIds: Record<string, string> = {
  'South Pyongan Province': 'south-pyongan',
  'North Pyongan Province': 'north-pyongan',
  'Nampo Municipality': 'nampo',
  'South Pyongn Province': 'south-pyongan',
}
const options: WikiOptions = {
  file: 'list.txt',
  sourceId: 'wiki',
  localities: places,
  resolveProvince: (text) => (provinceIds[text] ? { id: provinceIds[text]!, score: text.includes('Pyongn') ? 0.9 : 1 } : null),
  resolve: (text, opts): LocalityMatch => {
    const name = text.replace(/\s*\(.*\)$/, '').replace(/\s+(County|City)$/, '')
    const province = opts?.province ? provinceIds[opts.province] : undefined
    const candidates = places
      .filter((p) => p.plain === name || p.aliases.includes(name))
      .filter((p) => province === undefined || p.id.startsWith(`${province}.`))
      .map((p) => ({ id: p.id, score: 1, matched: name, method: 'exact' as const }))
    if (candidates.length === 1) return { status: 'match', level: 'locality', method: 'exact', locality: candidates[0]!.id, score: 1, candidates }
    return candidates.length > 1
      ? { status: 'ambiguous', level: 'locality', method: 'ambiguous', candidates }
      : { status: 'none', level: 'locality', method: null, candidates, reason: 'no-match' }
  },
}

const table = (...rows: string[]) =>
  ['=== 2025 (Second year) ===', '| Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes |', ...rows].join('\n')

function problemsOf(text: string): { message: string; details: unknown } {
  try {
    parseWiki(text, options)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError)
    expect((error as InvalidInputError).exitCode).toBe(2)
    return { message: (error as Error).message, details: (error as InvalidInputError).details }
  }
  throw new Error('expected parseWiki to throw')
}

describe('parseWiki', () => {
  it('builds a project with claims and events citing the source', () => {
    const { dataset, rows, warnings } = parseWiki(
      table('| Unsan County | South Pyongan Province | Paper factory | Completed / Operational | Groundbreaking: 25 Feb 2025 Inspection: 3 Dec 2025 | A model factory. |'),
      options,
    )
    expect(rows).toBe(1)
    expect(warnings).toEqual([])
    expect(dataset.projects).toEqual([
      {
        id: '20x10.2025.south-pyongan.unsan',
        program_id: '20x10',
        year: 2025,
        pilot: false,
        locality_id: 'south-pyongan.unsan',
        label: null,
        kinds: ['paper_mill'],
        counted: false,
        counted_reason: countedReasons.paperMill,
        notes: null,
      },
    ])
    expect(dataset.events.map((e) => [e.id, e.date])).toEqual([
      ['20x10.2025.south-pyongan.unsan~groundbreaking', '2025-02-25'],
      ['20x10.2025.south-pyongan.unsan~leader_visit', '2025-12-03'],
    ])
    expect(dataset.claims.map((c) => [c.subject_type, c.field, c.value, c.quote, c.said])).toEqual([
      ['project', 'status', 'operational', 'Completed / Operational', null],
      ['project', 'province', 'south-pyongan', null, 'South Pyongan Province'],
      ['event', 'date', '2025-02-25', 'Groundbreaking: 25 Feb 2025 Inspection: 3 Dec 2025', null],
      ['event', 'date', '2025-12-03', 'Groundbreaking: 25 Feb 2025 Inspection: 3 Dec 2025', null],
    ])
    expect(dataset.claims.every((c) => c.source_id === 'wiki' && c.rank === 'normal' && c.reason === null && c.first_seen === null)).toBe(true)
    expect(dataset.sources).toEqual([])
  })

  it('records a locality claim only when the list spells the locality another way', () => {
    const { dataset, warnings } = parseWiki(
      table(
        '| Sŏngch’ŏn County | South Pyongn Province | Factories | Planned | | |',
        '| Onchon County (Nampo) | Nampo Municipality | Factories | Planned | Announced: 2025 | |',
      ),
      options,
    )
    const localityClaims = dataset.claims.filter((c) => c.field === 'locality')
    expect(localityClaims.map((c) => [c.value, c.said])).toEqual([['south-pyongan.songchon', 'Sŏngch’ŏn County']])
    expect(warnings).toEqual([
      { line: 3, message: 'province "South Pyongn Province" read as south-pyongan (approximate, score 0.9)' },
      { line: 3, message: 'no key dates' },
    ])
  })

  it('collects every problem, with the line, before failing', () => {
    const text = table(
      '| Unsan County | | Factories | Completed / Operational | Groundbreaking: 31 Feb 2025 | |',
      '| Kusong City | North Pyongan Province | Hospital | Done | Groundbreaking: 24 Feb 2025 | |',
      '| Kusong City | North Pyongan Province | Hospital | Planned |',
    )
    const { message, details } = problemsOf(text)
    expect(message).toMatch(/^list\.txt:3: ambiguous locality "Unsan County": could be north-pyongan\.unsan/)
    expect(details).toEqual([
      { path: 'list.txt:3', message: expect.stringMatching(/^ambiguous locality/) },
      { path: 'list.txt:3', message: expect.stringMatching(/31 Feb 2025.*does not exist/) },
      { path: 'list.txt:4', message: expect.stringMatching(/^unknown status "Done"/) },
      { path: 'list.txt:5', message: 'expected 6 cells (Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes), found 4' },
    ])
  })

  it('reports a locality given twice in one year, naming both lines', () => {
    const row = '| Kusong City | North Pyongan Province | Hospital | Planned | | |'
    expect(problemsOf(table(row, row)).details).toEqual([
      { path: 'list.txt:4', message: 'duplicate row: 2025 north-pyongan.kusong is also on line 3 (one row per locality and year)' },
    ])
  })

  it('reports rows outside a year, a year heading that is no year and a table without header', () => {
    const header = '| Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes |'
    const row = '| Kusong City | North Pyongan Province | Hospital | Planned | | |'
    expect(problemsOf(['Intro', header, row].join('\n')).message).toBe(
      'list.txt:3: table row before any year heading (expected e.g. "=== 2024 (First year) ===")',
    )
    expect(problemsOf(['=== Year two ===', header, row, row].join('\n')).details).toEqual([
      { path: 'list.txt:1', message: 'heading "Year two" is not a year (expected e.g. "=== 2024 (First year) ===")' },
    ])
    expect(problemsOf(['=== 2025 ===', row].join('\n')).message).toMatch(/^list\.txt:2: table starts without its header row/)
  })

  it('fails on input without rows', () => {
    expect(problemsOf('').message).toBe('list.txt: no project rows found')
    expect(problemsOf(table()).message).toBe('list.txt: no project rows found')
  })

  it('splits rows with or without the closing pipe', () => {
    expect(splitRow('| a | b | |')).toEqual(['a', 'b', ''])
    expect(splitRow('| a | b')).toEqual(['a', 'b'])
  })
})
