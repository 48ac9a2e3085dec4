/**
 * Property test (fast-check) of the incremental integrity check: random write sequences over the
 * bundled 20×10 data — projects counted, moved, re-dated, deleted and created; events re-dated,
 * moved, retyped, deleted, created with or without their project; claims of every field with
 * spellings, ranks and subjects (some missing), sources re-dated, given a shared URL, deleted;
 * a locality renamed (the full path) — and after every step the findings the incremental check
 * keeps equal what `tracker validate` reports over the data as it stands, and the errors it says
 * the step adds equal those a full check before and after the step says it adds.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadBundledDataset } from '../../src/import/bundle.ts'
import type { Claim } from '../../src/model/claim.ts'
import type { Dataset, EntityName } from '../../src/model/dataset.ts'
import type { Event } from '../../src/model/event.ts'
import { allFindings, findingsOf, sortFindings, touchedBy, updateFindings, type FindingsState } from '../../src/model/findings.ts'
import { createResolver } from '../../src/model/names/resolve.ts'
import { compareIds, patchSnapshot, type RecordChange } from '../../src/model/patchSnapshot.ts'
import type { Project } from '../../src/model/project.ts'
import { buildSnapshot, type Snapshot } from '../../src/model/snapshot.ts'
import { addedErrors, validateDataset, type Finding } from '../../src/model/validate.ts'

const today = '2026-11-25'
const base: Dataset = (() => {
  const ds = loadBundledDataset()
  const sorted = {} as Record<string, unknown[]>
  for (const [k, list] of Object.entries(ds)) sorted[k] = [...(list as { id: string }[])].sort((a, b) => compareIds(a.id, b.id))
  return sorted as unknown as Dataset
})()

const dates = ['2024', '2024-02', '2024-02-28', '2024-03-01', '2025-06-15', '2025', '2026-10-30', '2027-01']
const spellings = ['Unsan', 'Songchon', "Songch'ŏn", 'South Hamyong', 'Kimhwa Country', 'Nampho', 'Zzyzx', '성천군', 'South Pyongan']
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!

type Write =
  | { op: 'project'; n: number; counted: boolean; year: number | null; l: number; pilot: boolean; del: boolean }
  | { op: 'new project'; l: number; year: number; counted: boolean; k: number }
  | { op: 'event'; n: number; date: number; type: string; p: number | null; del: boolean }
  | { op: 'new event'; p: number; date: number; type: string; k: number; orphan: boolean }
  | { op: 'claim'; n: number; del: boolean; rank: string }
  | { op: 'new claim'; on: string; n: number; field: string; said: number | null; v: number; s: number; rank: string; k: number; badSource: boolean }
  | { op: 'source'; n: number; published: number | null; url: boolean; del: boolean }
  | { op: 'locality'; n: number; name: string }

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ op: fc.constant('project' as const), n: fc.nat(), counted: fc.boolean(), year: fc.constantFrom(null, 2024, 2025, 2026), l: fc.nat(), pilot: fc.boolean(), del: fc.boolean() }),
  fc.record({ op: fc.constant('new project' as const), l: fc.nat(), year: fc.constantFrom(2024, 2025, 2027), counted: fc.boolean(), k: fc.nat(5) }),
  fc.record({ op: fc.constant('event' as const), n: fc.nat(), date: fc.nat(), type: fc.constantFrom('groundbreaking', 'completion', 'inauguration', 'leader_visit'), p: fc.option(fc.nat(), { nil: null }), del: fc.boolean() }),
  fc.record({ op: fc.constant('new event' as const), p: fc.nat(), date: fc.nat(), type: fc.constantFrom('groundbreaking', 'completion'), k: fc.nat(5), orphan: fc.boolean() }),
  fc.record({ op: fc.constant('claim' as const), n: fc.nat(), del: fc.boolean(), rank: fc.constantFrom('preferred', 'normal', 'deprecated') }),
  fc.record({
    op: fc.constant('new claim' as const),
    on: fc.constantFrom('project', 'event', 'source', 'locality', 'missing'),
    n: fc.nat(),
    field: fc.constantFrom('status', 'province', 'locality', 'other'),
    said: fc.option(fc.nat(), { nil: null }),
    v: fc.nat(),
    s: fc.nat(),
    rank: fc.constantFrom('preferred', 'normal', 'deprecated'),
    k: fc.nat(5),
    badSource: fc.boolean(),
  }),
  fc.record({ op: fc.constant('source' as const), n: fc.nat(), published: fc.option(fc.nat(), { nil: null }), url: fc.boolean(), del: fc.boolean() }),
  fc.record({ op: fc.constant('locality' as const), n: fc.nat(), name: fc.constantFrom('Songchon', 'Unsan', 'Nowhere') }),
)

/** The changes of one write against the data as it stands (records as they then stand, null when deleted). */
function changesOf(s: Snapshot, w: Write, n: number): { entity: EntityName; id: string; record: Record<string, unknown> | null }[] {
  const ds = s.dataset
  switch (w.op) {
    case 'project': {
      const p = pick(ds.projects, w.n)
      return [{ entity: 'projects', id: p.id, record: w.del ? null : { ...p, counted: w.counted, year: w.year, pilot: w.pilot, locality_id: w.l % 3 === 0 ? pick(ds.localities, w.l).id : p.locality_id } }]
    }
    case 'new project': {
      const l = pick(ds.localities, w.l)
      const id = `t.${w.year}.${l.id}.${w.k}`
      const p: Project = { id, program_id: '20x10', year: w.year, pilot: false, locality_id: l.id, label: null, kinds: ['hospital'], counted: w.counted, counted_reason: w.counted ? null : 'test', notes: null }
      return [{ entity: 'projects', id, record: p as unknown as Record<string, unknown> }]
    }
    case 'event': {
      const e = pick(ds.events, w.n)
      const project_id = w.p === null ? e.project_id : w.p % 4 === 0 ? `missing-${w.p}` : pick(ds.projects, w.p).id
      return [{ entity: 'events', id: e.id, record: w.del ? null : { ...e, date: pick(dates, w.date), type: w.type, project_id } }]
    }
    case 'new event': {
      const p = pick(ds.projects, w.p)
      const id = `t-event-${w.k}`
      const e: Event = { id, program_id: p.program_id, project_id: p.id, type: w.type as Event['type'], label: null, date: pick(dates, w.date), leader_present: null, notes: null }
      const claim = { id: `t-claim-of-${id}`, subject_type: 'event', subject_id: id, field: 'date', value: e.date, source_id: pick(ds.sources, w.date).id, quote: null, said: null, rank: 'normal', reason: null, first_seen: null, last_seen: null }
      return [{ entity: 'events', id, record: e as unknown as Record<string, unknown> }, ...(w.orphan ? [] : [{ entity: 'claims' as EntityName, id: claim.id, record: claim }])]
    }
    case 'claim': {
      const c = pick(ds.claims, w.n)
      return [{ entity: 'claims', id: c.id, record: w.del ? null : { ...c, rank: w.rank } }]
    }
    case 'new claim': {
      const subject =
        w.on === 'project' ? ['project', pick(ds.projects, w.n).id] : w.on === 'event' ? ['event', pick(ds.events, w.n).id] : w.on === 'source' ? ['source', pick(ds.sources, w.n).id] : w.on === 'locality' ? ['locality', pick(ds.localities, w.n).id] : ['project', 'missing-project']
      const value = w.field === 'province' ? pick(ds.provinces, w.v).id : w.field === 'locality' ? pick(ds.localities, w.v).id : w.field === 'status' ? pick(['planned', 'operational'], w.v) : `v${w.v % 3}`
      const id = `t-claim-${w.k}`
      const c = { id, subject_type: subject[0], subject_id: subject[1], field: w.field, value, source_id: w.badSource && w.s % 3 === 0 ? 'missing-source' : pick(ds.sources, w.s).id, quote: null, said: w.said === null ? null : pick(spellings, w.said), rank: w.rank, reason: null, first_seen: null, last_seen: null }
      return [{ entity: 'claims', id, record: c }]
    }
    case 'source': {
      const x = pick(ds.sources, w.n)
      const url = w.url ? pick(ds.sources, w.n + 1).url ?? 'https://example.org/shared/' : x.url
      return [{ entity: 'sources', id: x.id, record: w.del ? null : { ...x, published: w.published === null ? x.published : pick(dates, w.published), url } }]
    }
    case 'locality': {
      const l = pick(ds.localities, w.n)
      return [{ entity: 'localities', id: l.id, record: { ...l, name: `${w.name} ${n}` } }]
    }
  }
}

const keyOf = (f: Finding) => `${f.level}|${f.code}|${f.subject}|${f.message}`
const keys = (list: readonly Finding[]) => sortFindings(list).map(keyOf)

describe('the incremental integrity check equals a full validation', () => {
  it('after every step of random write sequences, and it adds the same errors', () => {
    const resolvers = new WeakMap<object, ReturnType<typeof createResolver>>()
    const resolverOf = (ds: Dataset) => {
      let r = resolvers.get(ds.localities)
      if (!r) resolvers.set(ds.localities, (r = createResolver({ localities: ds.localities, provinces: ds.provinces })))
      return r
    }
    const start = buildSnapshot(base, 1)
    const startState = allFindings(start, resolverOf(base), today)
    const startFindings = validateDataset(start, resolverOf(base), today)
    expect(keys(findingsOf(startState))).toEqual(keys(startFindings))
    let incremental = 0
    let full = 0
    let refusals = 0
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 10 }), (writes) => {
        let s = start
        let state: FindingsState = startState
        let validated = startFindings
        writes.forEach((w, n) => {
          const changes: RecordChange[] = changesOf(s, w, n).map((c) => ({ ...c, meta: null }))
          const next = patchSnapshot(s, changes, s.version + 1)
          const resolver = resolverOf(next.dataset)
          const step = updateFindings(state, s, next, touchedBy(changes), resolver, today)
          const now = validateDataset(next, resolver, today)
          const expectedAdded = addedErrors(validated, now)
          if (step) {
            incremental++
            expect(keys(addedErrors(step.before, step.after)), `${w.op}: added errors`).toEqual(keys(expectedAdded))
            state = step.state
          } else {
            full++
            state = allFindings(next, resolver, today)
          }
          if (expectedAdded.length) refusals++
          expect(keys(findingsOf(state)), `${w.op}: findings after the step`).toEqual(keys(now))
          s = next
          validated = now
        })
      }),
      { numRuns: 25 },
    )
    // The sequences exercised both paths and writes a check refuses.
    expect(incremental).toBeGreaterThan(50)
    expect(full).toBeGreaterThan(0)
    expect(refusals).toBeGreaterThan(10)
  }, 120_000)
})
