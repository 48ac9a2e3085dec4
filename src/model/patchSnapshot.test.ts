import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Claim } from './claim.ts'
import { emptyDataset, entityNames, entityTypeOf, type Dataset, type EntityName } from './dataset.ts'
import type { Event } from './event.ts'
import { compareIds, patchSnapshot, type RecordChange } from './patchSnapshot.ts'
import type { Project } from './project.ts'
import { buildSnapshot, changedSince, type RecordMeta, type Snapshot } from './snapshot.ts'

// Small id spaces, so that changes hit existing records, groups gain and lose members, and
// records move between groups (an event to another project, a claim to another subject).
const projectIds = ['p-a', 'p-b', 'p-c', 'p-d', 'p.e', 'P-f']
const eventIds = ['e-1', 'e-2', 'e-3', 'e-4', 'e_5', 'E-6', 'e-10']
const claimIds = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'c-7', 'c-8']
const localities = ['l-x', 'l-y', 'l-z']
const sources = ['s-1', 's-2', 's-3']
const dates = ['2024', '2024-02', '2024-02-28', '2025-06-15', '2025']

const project = (id: string) => fc.record({ locality_id: fc.constantFrom(...localities), notes: fc.string({ maxLength: 4 }) }).map((r): Project => ({ id, program_id: 'prog', year: 2024, pilot: false, locality_id: r.locality_id, label: null, kinds: ['hospital'], counted: true, counted_reason: null, notes: r.notes }))
const event = (id: string) =>
  fc.record({ project_id: fc.constantFrom(null, ...projectIds), date: fc.constantFrom(...dates) }).map((r): Event => ({ id, program_id: 'prog', project_id: r.project_id, type: 'groundbreaking', label: null, date: r.date, leader_present: null, notes: null }))
const claim = (id: string) =>
  fc
    .record({ subject: fc.constantFrom(...projectIds.map((p) => ['project', p]), ...eventIds.map((e) => ['event', e])), source_id: fc.constantFrom(...sources) })
    .map((r) => ({ id, subject_type: r.subject[0]!, subject_id: r.subject[1]!, field: 'other', value: id, source_id: r.source_id, quote: null, said: null, rank: 'normal', reason: null, first_seen: null, last_seen: null }) as unknown as Claim)
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })

/** A change: per id, the record as it now stands or null (deleted). */
const change = fc.oneof(
  fc.constantFrom(...projectIds).chain((id) => maybe(project(id)).map((record) => ({ entity: 'projects' as EntityName, id, record }))),
  fc.constantFrom(...eventIds).chain((id) => maybe(event(id)).map((record) => ({ entity: 'events' as EntityName, id, record }))),
  fc.constantFrom(...claimIds).chain((id) => maybe(claim(id)).map((record) => ({ entity: 'claims' as EntityName, id, record }))),
)

const metaOf = (n: number): RecordMeta => ({ version: n, created_at: '2026-01-01T00:00:00.000Z', updated_at: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z` })

/** The dataset with the changes applied, in id order by code point, as loadDataset reads it. */
function apply(ds: Dataset, meta: Map<string, RecordMeta>, changes: { entity: EntityName; id: string; record: unknown }[], n: number): RecordChange[] {
  const out: RecordChange[] = []
  for (const c of changes) {
    const list = (ds[c.entity] as unknown as { id: string }[]).filter((r) => r.id !== c.id)
    if (c.record) list.push(c.record as { id: string })
    list.sort((a, b) => compareIds(a.id, b.id))
    ;(ds as unknown as Record<EntityName, unknown[]>)[c.entity] = list
    const key = `${entityTypeOf[c.entity]}:${c.id}`
    if (c.record) meta.set(key, metaOf(n))
    else meta.delete(key)
    out.push({ entity: c.entity, id: c.id, record: (c.record as Record<string, unknown>) ?? null, meta: c.record ? metaOf(n) : null })
  }
  return out
}

const sorted = (m: ReadonlyMap<string, unknown>) => Object.fromEntries([...m].sort(([a], [b]) => compareIds(a, b)))
function plain(s: Snapshot) {
  return {
    version: s.version,
    dataset: s.dataset,
    maps: [s.programs, s.provinces, s.localities, s.sources, s.projects, s.events, s.claims, s.eventsByProject, s.claimsBySubject, s.claimsBySource, s.projectsByLocality, s.meta].map(sorted),
    sizes: [s.projects.size, s.events.size, s.claims.size, s.eventsByProject.size, s.claimsBySubject.size, s.claimsBySource.size, s.projectsByLocality.size, s.meta.size],
    programEvents: s.programEvents,
  }
}

describe('patchSnapshot', () => {
  it('after any sequence of change sets equals buildSnapshot over the changed data', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (steps) => {
        const ds = emptyDataset()
        const meta = new Map<string, RecordMeta>()
        let s = buildSnapshot(structuredClone(ds), 0, new Map(meta))
        const first = s.serial
        const concerned = new Set<string>()
        steps.forEach((changes, i) => {
          const prev = s
          const recordChanges = apply(ds, meta, changes, i + 1)
          s = patchSnapshot(prev, recordChanges, i + 1)
          expect(plain(s)).toEqual(plain(buildSnapshot(structuredClone(ds), i + 1, new Map(meta))))
          // Every project whose events or claims changed is named by the lineage.
          for (const c of recordChanges) {
            if (c.entity === 'projects') concerned.add(c.id)
            for (const snap of [prev, s]) {
              if (c.entity === 'events') {
                const p = snap.events.get(c.id)?.project_id
                if (p) concerned.add(p)
              }
              if (c.entity === 'claims') {
                const cl = snap.claims.get(c.id)
                if (cl?.subject_type === 'project') concerned.add(cl.subject_id)
                if (cl?.subject_type === 'event') for (const e of [prev.events.get(cl.subject_id), s.events.get(cl.subject_id)]) if (e?.project_id) concerned.add(e.project_id)
              }
            }
          }
          const since = changedSince(s, (serial) => serial === first)
          expect(since).not.toBeNull()
          for (const id of concerned) expect(since!.projects.has(id), `lineage names ${id}`).toBe(true)
        })
      }),
      { numRuns: 300, seed: 20261203 },
    )
  })

  it('shares what no change touched with the snapshot before', () => {
    const ds = emptyDataset()
    ds.sources.push({ id: 's-1' } as never)
    ds.projects.push({ id: 'p-a', locality_id: 'l-x' } as never)
    const before = buildSnapshot(ds, 1)
    const after = patchSnapshot(before, [{ entity: 'projects', id: 'p-b', record: { id: 'p-b', locality_id: 'l-x' }, meta: metaOf(2) }], 2)
    expect(after.dataset.sources).toBe(before.dataset.sources)
    expect(after.sources).toBe(before.sources)
    expect(after.claimsBySubject).toBe(before.claimsBySubject)
    expect(after.dataset.projects.map((p) => p.id)).toEqual(['p-a', 'p-b'])
    expect(entityNames.length).toBe(7)
  })

  it('patches large lists with many changes at once (adds before, between and after, replacements, deletions) as a rebuild would', () => {
    // Ids of varying length and case, so that code-point order and position search are exercised.
    const idOf = (n: number) => `c-${n % 7 === 0 ? 'Z' : 'a'}${n.toString(36)}`
    const rand = fc.sample(fc.integer({ min: 0, max: 59_999 }), { numRuns: 30_000, seed: 7 })
    const ds = emptyDataset()
    const claimOf = (n: number, source: string) => ({ id: idOf(n), subject_type: 'project', subject_id: `p-${n % 50}`, field: 'other', value: n, source_id: source, quote: null, said: null, rank: 'normal', reason: null, first_seen: null, last_seen: null }) as unknown as Claim
    ds.claims = [...new Set(rand.slice(0, 20_000))].map((n) => claimOf(n, 's-1')).sort((a, b) => compareIds(a.id, b.id))
    const meta = new Map(ds.claims.map((c) => [`claim:${c.id}`, metaOf(1)]))
    const before = buildSnapshot(structuredClone(ds), 1, new Map(meta))
    const changes = new Map<string, Claim | null>()
    rand.slice(20_000).forEach((n, i) => changes.set(idOf(n), i % 3 === 0 ? null : claimOf(n, i % 2 ? 's-2' : 's-1')))
    const recordChanges: RecordChange[] = [...changes].map(([id, record]) => ({ entity: 'claims', id, record: record as unknown as Record<string, unknown> | null, meta: record ? metaOf(2) : null }))
    for (const [id, record] of changes) {
      if (record) meta.set(`claim:${id}`, metaOf(2))
      else meta.delete(`claim:${id}`)
    }
    const after = new Map(ds.claims.map((c) => [c.id, c]))
    for (const [id, record] of changes) {
      if (record) after.set(id, record)
      else after.delete(id)
    }
    ds.claims = [...after.values()].sort((a, b) => compareIds(a.id, b.id))
    const patched = patchSnapshot(before, recordChanges, 2)
    expect(patched.dataset.claims.map((c) => c.id)).toEqual(ds.claims.map((c) => c.id))
    expect(plain(patched)).toEqual(plain(buildSnapshot(structuredClone(ds), 2, meta)))
  })

  it('a cache made before hundreds of patches still learns which projects changed since (the lineage folds instead of ending)', () => {
    const ds = emptyDataset()
    let s = buildSnapshot(ds, 0)
    const first = s.serial
    const ids = Array.from({ length: 300 }, (_, i) => `p-${i}`)
    const changed: string[] = []
    ids.forEach((id, i) => {
      s = patchSnapshot(s, [{ entity: 'projects', id, record: { id, locality_id: 'l-x' }, meta: metaOf(i + 1) }], i + 1)
      changed.push(id)
      // At every depth: from the first snapshot, and from the one just before.
      expect([...changedSince(s, (serial) => serial === first)!.projects].sort()).toEqual([...changed].sort())
    })
    const before = s
    s = patchSnapshot(s, [{ entity: 'projects', id: 'p-last', record: { id: 'p-last', locality_id: 'l-x' }, meta: metaOf(999) }], 301)
    expect([...changedSince(s, (serial) => serial === before.serial)!.projects]).toEqual(['p-last'])
    // A change of every project ('all') ends the chain: nothing older can patch past it.
    const all = patchSnapshot(s, [{ entity: 'provinces', id: 'pr-1', record: { id: 'pr-1' }, meta: metaOf(1000) }], 302)
    for (let i = 0; i < 70; i++) s = patchSnapshot(i ? s : all, [{ entity: 'projects', id: `q-${i}`, record: { id: `q-${i}`, locality_id: 'l-x' }, meta: metaOf(1001 + i) }], 303 + i)
    expect(changedSince(s, (serial) => serial === first)).toBeNull()
    expect(changedSince(s, (serial) => serial === all.serial)!.projects.size).toBe(70)
  })
})
