import { describe, expect, it } from 'vitest'
import { miniDataset } from '../../test/support/fixtures.ts'
import { datesAgree, matchProposal, type ProposedFact } from './match.ts'
import { buildSnapshot } from './snapshot.ts'

const snapshot = buildSnapshot(miniDataset(), 1)
const songchon = '20x10.2024.south-pyongan.songchon'
const fact = (f: Partial<ProposedFact>): ProposedFact => ({
  type: 'inauguration',
  locality: 'south-pyongan.songchon',
  candidates: [],
  province: 'south-pyongan',
  date: '2024-12-20',
  leader_present: false,
  kinds: [],
  ...f,
})

describe('datesAgree', () => {
  it.each([
    ['2024-12', '2024-12-20', true],
    ['2024-12-20', '2024-12', true],
    ['2024', '2024-12-20', true],
    ['2024-12-20', '2024-12-20', true],
    ['2024-12-20', '2024-12-21', false],
    ['2024-11', '2024-12-20', false],
    ['2025', '2024-12', false],
  ])('%s vs %s → %s', (a, b, agree) => expect(datesAgree(a, b)).toBe(agree))
})

describe('matchProposal', () => {
  const cases: [string, Partial<ProposedFact>, { kind: string; project_id?: string | null; event_id?: string | null; year?: number | null }][] = [
    ['same project, type and day', {}, { kind: 'confirms', project_id: songchon, event_id: `${songchon}~inauguration` }],
    ['the month of a recorded day is no conflict', { date: '2024-12' }, { kind: 'confirms', event_id: `${songchon}~inauguration` }],
    ['the day of a recorded month confirms it', { type: 'groundbreaking', locality: 'south-pyongan.unsan', date: '2025-02-10', kinds: ['paper_mill'] }, { kind: 'confirms', event_id: '20x10.2025.south-pyongan.unsan~groundbreaking' }],
    ['another day is a conflict', { date: '2024-12-27' }, { kind: 'conflicts', event_id: `${songchon}~inauguration` }],
    ['a competing claim\'s date confirms that claim', { type: 'groundbreaking', date: '2024-02-29' }, { kind: 'confirms', event_id: `${songchon}~groundbreaking` }],
    ['a province other than the locality\'s is a conflict', { province: 'north-pyongan' }, { kind: 'conflicts', event_id: `${songchon}~inauguration` }],
    ['a type the project lacks is new', { type: 'leader_visit', date: '2024-10-02' }, { kind: 'new', project_id: songchon, event_id: null }],
    ['a later year in the same locality is a new project', { type: 'groundbreaking', date: '2027-02-20' }, { kind: 'new_project', project_id: null, year: 2027 }],
    ['a locality without projects is a new project', { type: 'groundbreaking', locality: 'north-pyongan.unsan', province: 'north-pyongan', date: '2027-03' }, { kind: 'new_project', year: 2027 }],
    ['an inauguration a year after the groundbreaking belongs to that project', { type: 'inauguration', locality: 'south-pyongan.unsan', date: '2026-01-15' }, { kind: 'new', project_id: '20x10.2025.south-pyongan.unsan' }],
    ['an ambiguous place stays unmatched', { locality: null, candidates: ['south-pyongan.unsan', 'north-pyongan.unsan'] }, { kind: 'new', project_id: null }],
    ['the leader present as recorded confirms', { type: 'groundbreaking', date: '2024-02-28', leader_present: true }, { kind: 'confirms' }],
  ]
  it.each(cases)('%s', (_name, f, expected) => {
    expect(matchProposal(fact(f), snapshot)).toMatchObject(expected)
  })

  it('names what differs', () => {
    const m = matchProposal(fact({ date: '2024-12-27', province: 'north-pyongan' }), snapshot)
    expect(m.differs).toEqual([
      { field: 'date', record: '2024-12-20', proposed: '2024-12-27' },
      { field: 'province', record: 'south-pyongan', proposed: 'north-pyongan' },
    ])
  })

  it('is a duplicate when the same source already gives the date', () => {
    const m = matchProposal(fact({ type: 'groundbreaking', date: '2024-02-28' }), snapshot, { url: 'https://kcnawatch.org/newstream/1/a' })
    expect(m).toMatchObject({ kind: 'duplicate', event_id: `${songchon}~groundbreaking` })
    expect(matchProposal(fact({ type: 'groundbreaking', date: '2024-02-28' }), snapshot, { sourceId: 'kcna-a' }).kind).toBe('duplicate')
    expect(matchProposal(fact({ type: 'groundbreaking', date: '2024-02-28' }), snapshot, { sourceId: 'other' }).kind).toBe('confirms')
  })
})
