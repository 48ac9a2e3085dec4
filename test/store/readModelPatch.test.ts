/**
 * Property test (fast-check) of the incremental read model, on PGlite and PostgreSQL: random
 * sequences of writes through the edit service — notes, dates, kinds, counting, new events,
 * claims and sources, ranks, deletes, restores, reverts, locality names, a source's date — and
 * after every step the snapshot the read model serves (patched with the batch of the write)
 * equals one built from the whole database read again, and so does the project list in every
 * sort order with its facets. On PostgreSQL a second instance on the same database follows the
 * writes through NOTIFY and must hold the same snapshot, patched too. Also: concurrent writes,
 * an instance that missed NOTIFYs, an import that moves claims' last_seen, and invalidate().
 * Every write also runs the full integrity check beside the incremental one (verifyIncremental):
 * a write whose findings or refused errors differ between the two fails the test.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { facetCounts, facetNames, listIndexBuilds, selectProjects, sortKeys } from '../../src/api/routes/projects.ts'
import { emptyDataset, type EntityName } from '../../src/model/dataset.ts'
import { planChanges } from '../../src/model/plan.ts'
import { buildSnapshot, type Snapshot } from '../../src/model/snapshot.ts'
import { changeRecord, createRecord, editableEntities, preferClaimOp, removeRecord, restoreRecord, revert } from '../../src/service/edit/operations.ts'
import { applyImport, type PreparedImport } from '../../src/service/importService.ts'
import { integrityOptions, integrityStats } from '../../src/service/edit/integrity.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { loadDataset } from '../../src/store/loadDataset.ts'
import { plainSnapshot } from '../support/plainSnapshot.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

const today = '2026-11-25'
const editor = { name: 'patch-editor' }
const entity = (name: EntityName) => editableEntities.find((e) => e.entity === name)!
/** The project list in every order, with facets, as served from a snapshot (its list index). */
function lists(s: Snapshot) {
  const provinces = s.dataset.provinces.map((p) => p.id)
  const out: Record<string, unknown> = {}
  for (const key of sortKeys) {
    for (const sort of [key, `-${key}`]) out[sort] = JSON.parse(JSON.stringify(selectProjects(s, { sort })))
  }
  out.facets = facetCounts(selectProjects(s, {}), facetNames, provinces)
  out.facets2024 = facetCounts(selectProjects(s, { year: [2024] }), facetNames, provinces)
  return out
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!
const dates = ['2024-02-28', '2024-03', '2024', '2025-06-15', '2025-11', '2026-01-10', '2023-12-31']
const text = fc.string({ minLength: 1, maxLength: 30 })
const write = fc.oneof(
  fc.record({ op: fc.constant('project notes' as const), n: fc.nat(), notes: text }),
  fc.record({ op: fc.constant('project kinds' as const), n: fc.nat(), kinds: fc.subarray(['foodstuff_factory', 'garment_factory', 'daily_necessities_factory', 'hospital'], { minLength: 1 }) }),
  fc.record({ op: fc.constant('project counted' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('event date' as const), n: fc.nat(), date: fc.constantFrom(...dates), s: fc.nat() }),
  fc.record({ op: fc.constant('event notes' as const), n: fc.nat(), notes: text }),
  fc.record({ op: fc.constant('new event' as const), n: fc.nat(), type: fc.constantFrom('groundbreaking', 'completion', 'inauguration', 'leader_visit'), date: fc.constantFrom(...dates), s: fc.nat(), program: fc.boolean() }),
  fc.record({ op: fc.constant('new claim' as const), n: fc.nat(), s: fc.nat(), on: fc.constantFrom('project', 'event'), status: fc.constantFrom(null, 'operational', 'under_construction', 'planned') }),
  fc.record({ op: fc.constant('prefer claim' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('new source' as const), title: text, published: fc.constantFrom('2024-05-01', '2025-12-01', '2026-03-01') }),
  fc.record({ op: fc.constant('source published' as const), s: fc.nat(), published: fc.constantFrom('2024-01-20', '2025-07-01', '2026-10-30') }),
  fc.record({ op: fc.constant('locality name' as const), n: fc.nat(), name: text }),
  fc.record({ op: fc.constant('delete' as const), what: fc.constantFrom<EntityName>('projects', 'events', 'claims'), n: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('revert' as const), back: fc.nat({ max: 5 }) }),
)
const step = fc.record({ w: write, read: fc.boolean() })

for (const engine of engines()) {
  describe(`the read model patched write by write equals a full rebuild (${engine})`, () => {
    let db: TestDatabase
    let tracker: Tracker
    let follower: Tracker | null = null
    beforeAll(async () => {
      integrityOptions.verifyIncremental = true
      db = await freshDatabase(engine, { TRACKER_TODAY: today })
      tracker = await openTracker(db.config)
      if (engine === 'postgres') {
        follower = await openTracker(db.config)
        await follower.readModel.follow(60_000) // NOTIFY only (no polling in the test): the payload alone says what to patch
        await follower.readModel.current()
      }
    }, 120_000)
    afterAll(async () => {
      integrityOptions.verifyIncremental = false
      await follower?.close()
      await tracker?.close()
      await db?.cleanup()
    })

    async function rebuilt(): Promise<Snapshot> {
      const { dataset, meta, version } = await loadDataset(tracker.store.db)
      return buildSnapshot(dataset, version, meta)
    }

    const deleted: { entity: EntityName; id: string }[] = []
    const revisions: number[] = []
    /** Runs one write; a refusal (a rule of the data, a record gone) is an outcome too: nothing changes. */
    async function run(w: typeof write extends fc.Arbitrary<infer T> ? T : never, n: number): Promise<boolean> {
      const s = await tracker.readModel.current()
      const { projects, events, claims, sources, localities } = s.dataset
      const comment = `random write ${n}`
      const source = (k: number) => pick(sources, k).id
      try {
        let result
        switch (w.op) {
          case 'project notes':
            result = await changeRecord(tracker, editor, entity('projects'), pick(projects, w.n).id, null, entity('projects').patch.parse({ notes: `${w.notes} #${n}`, comment }) as never)
            break
          case 'project kinds':
            result = await changeRecord(tracker, editor, entity('projects'), pick(projects, w.n).id, null, entity('projects').patch.parse({ kinds: w.kinds, source: source(w.n), comment }) as never)
            break
          case 'project counted': {
            const p = pick(projects, w.n)
            result = await changeRecord(tracker, editor, entity('projects'), p.id, null, entity('projects').patch.parse({ counted: !p.counted, counted_reason: p.counted ? 'test: not counted' : null, source: source(w.n), comment }) as never)
            break
          }
          case 'event date':
            result = await changeRecord(tracker, editor, entity('events'), pick(events, w.n).id, null, entity('events').patch.parse({ date: w.date, source: source(w.s), comment }) as never)
            break
          case 'event notes':
            result = await changeRecord(tracker, editor, entity('events'), pick(events, w.n).id, null, entity('events').patch.parse({ notes: `${w.notes} #${n}`, comment }) as never)
            break
          case 'new event': {
            const p = pick(projects, w.n)
            const target = w.program ? { program: p.program_id } : { project: p.id }
            result = await createRecord(tracker, editor, entity('events'), entity('events').create.parse({ ...target, type: w.type, date: w.date, source: source(w.s), comment }) as never)
            break
          }
          case 'new claim': {
            const subject = w.on === 'project' || events.length === 0 ? { subject_type: 'project', subject_id: pick(projects, w.n).id } : { subject_type: 'event', subject_id: pick(events, w.n).id }
            const value = w.status && subject.subject_type === 'project' ? { field: 'status', value: w.status } : { field: 'other', value: `claim #${n}` }
            result = await createRecord(tracker, editor, entity('claims'), entity('claims').create.parse({ ...subject, ...value, source: source(w.s), comment }) as never)
            break
          }
          case 'prefer claim':
            result = await preferClaimOp(tracker, editor, pick(claims, w.n).id, `test preference #${n}`, comment)
            break
          case 'new source':
            result = await createRecord(tracker, editor, entity('sources'), entity('sources').create.parse({ id: `patch-source-${n}`, kind: 'news', publisher: 'Patch Test', title: w.title, published: w.published, comment }) as never)
            break
          case 'source published': {
            // Every other time a source of a status claim: its date decides between competing statuses.
            const ofStatus = claims.filter((c) => c.field === 'status' && c.subject_type === 'project').map((c) => c.source_id)
            const id = ofStatus.length && w.s % 2 === 0 ? pick(ofStatus, w.s >> 1) : source(w.s)
            result = await changeRecord(tracker, editor, entity('sources'), id, null, entity('sources').patch.parse({ published: w.published, comment }) as never)
            break
          }
          case 'locality name': {
            const withProjects = localities.filter((l) => s.projectsByLocality.has(l.id))
            result = await changeRecord(tracker, editor, entity('localities'), pick(withProjects, w.n).id, null, entity('localities').patch.parse({ plain: `${w.name} #${n}`, comment }) as never)
            break
          }
          case 'delete': {
            const list: readonly { id: string }[] = w.what === 'projects' ? projects : w.what === 'events' ? events : claims
            const id = pick(list, w.n).id
            result = await removeRecord(tracker, editor, w.what, id, null, comment)
            deleted.push({ entity: w.what, id })
            break
          }
          case 'restore': {
            if (deleted.length === 0) return false
            const d = deleted.splice(w.n % deleted.length, 1)[0]!
            result = await restoreRecord(tracker, editor, d.entity, d.id, comment)
            break
          }
          case 'revert': {
            if (revisions.length === 0) return false
            result = await revert(tracker, editor, revisions[Math.max(0, revisions.length - 1 - w.back)]!, comment)
            break
          }
        }
        const ids = await tracker.store.db.selectFrom('revisions').select('id').where('batch', '=', result.batch).execute()
        revisions.push(...ids.map((r) => r.id))
        return true
      } catch (error) {
        const status = (error as { status?: number }).status
        if (status && status >= 400 && status < 500) return false
        throw error
      }
    }

    it('after every write of random sequences, the patched snapshot and the list equal a rebuild', async () => {
      let n = 0
      let patched = 0
      let followed = 0
      const verified = integrityOptions.verified
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (sequence) => {
          for (const { w, read } of sequence) {
            const before = (await tracker.readModel.current()).version
            const ok = await run(w, ++n)
            const served = await tracker.readModel.current()
            if (ok) {
              expect(served.version, `${w.op}: a write bumps the version once`).toBe(before + 1)
              expect(tracker.readModel.lastLoad?.kind, `${w.op}: the snapshot is patched, not reloaded`).toBe('patch')
              patched++
            }
            const full = await rebuilt()
            expect(plainSnapshot(served), `after ${w.op} (#${n})`).toEqual(plainSnapshot(full))
            if (read) {
              // The rebuild's index first: the served snapshot's is then patched from the last one served.
              const expected = lists(full)
              expect(lists(served), `the project list after ${w.op} (#${n})`).toEqual(expected)
            }
            if (follower) {
              const deadline = Date.now() + 5000
              let other = await follower.readModel.current()
              while (other.version < served.version && Date.now() < deadline) {
                await new Promise((r) => setTimeout(r, 10))
                other = await follower.readModel.current()
              }
              expect(plainSnapshot(other), `the second instance after ${w.op} (#${n})`).toEqual(plainSnapshot(full))
              if (ok && follower.readModel.lastLoad?.kind === 'patch') followed++
            }
          }
        }),
        { numRuns: engine === 'pglite' ? 8 : 5, seed: Number(process.env.PROPERTY_SEED ?? 20261203) },
      )
      expect(listIndexBuilds.patched, 'list indexes patched from an earlier one').toBeGreaterThan(10)
      expect(patched, 'writes were accepted and patched in').toBeGreaterThan(10)
      expect(integrityOptions.verified - verified, 'writes checked incrementally, and in full beside').toBeGreaterThan(10)
      if (follower) expect(followed, 'the second instance patched from NOTIFY').toBeGreaterThan(5)
    }, 600_000)

    it('concurrent writes: each reader sees its own write, and the patched snapshot equals the rebuild', async () => {
      const s = await tracker.readModel.current()
      const ids = s.dataset.projects.slice(0, 8).map((p) => p.id)
      const stats = { ...integrityStats }
      await Promise.all(
        ids.map(async (id, i) => {
          const notes = `concurrent write ${i}`
          await changeRecord(tracker, editor, entity('projects'), id, null, entity('projects').patch.parse({ notes, comment: `concurrent ${i}` }) as never)
          // Read-your-writes: the snapshot served right after the write has it.
          expect((await tracker.readModel.current()).projects.get(id)?.notes).toBe(notes)
        }),
      )
      const served = await tracker.readModel.current()
      expect(served.version).toBe(s.version + ids.length)
      // 'unchanged' when a reader had already patched in the last write before it was announced.
      expect(['patch', 'unchanged']).toContain(tracker.readModel.lastLoad?.kind)
      expect(plainSnapshot(served)).toEqual(plainSnapshot(await rebuilt()))
      // A write that finds others committed since its snapshot patches their batches in (checked
      // in full beside, verifyIncremental), instead of reading the whole data inside its transaction.
      expect(integrityStats.fullReads - stats.fullReads, 'writes that read the whole data').toBe(0)
      expect(integrityStats.patched + integrityStats.patchedOver - stats.patched - stats.patchedOver).toBe(ids.length)
      if (engine === 'postgres') expect(integrityStats.patchedOver - stats.patchedOver, 'writes patched over concurrent ones').toBeGreaterThan(0)
    })

    it.runIf(engine === 'postgres')('an instance that missed the NOTIFYs: one version behind patches from the batch the database names, further behind reloads in full', async () => {
      const settle = async (t: Tracker, version: number) => {
        for (let i = 0; i < 250 && (await t.readModel.current()).version < version; i++) await new Promise((r) => setTimeout(r, 20))
        return t.readModel.current()
      }
      const edit = async (i: number) => {
        const p = (await tracker.readModel.current()).dataset.projects[i]!
        return (await changeRecord(tracker, editor, entity('projects'), p.id, null, entity('projects').patch.parse({ notes: `unheard ${i}`, comment: `unheard ${i}` }) as never)).data_version
      }
      for (const missed of [1, 2]) {
        const other = await openTracker(db.config)
        try {
          await other.readModel.current()
          let version = 0
          for (let i = 0; i < missed; i++) version = await edit(i)
          // Following starts after the writes: their NOTIFYs are gone, polling finds the version.
          await other.readModel.follow(20)
          const s = await settle(other, version)
          expect(s.version).toBe(version)
          expect(other.readModel.lastLoad?.kind, `${missed} version(s) behind`).toBe(missed === 1 ? 'patch' : 'full')
          expect(plainSnapshot(s)).toEqual(plainSnapshot(await rebuilt()))
          // From then on the NOTIFYs arrive: patched.
          const next = await edit(5)
          expect(plainSnapshot(await settle(other, next))).toEqual(plainSnapshot(await rebuilt()))
          expect(other.readModel.lastLoad?.kind).toBe('patch')
        } finally {
          await other.close()
        }
      }
    })

    it('an import that adds records and sees claims again (last_seen, no revision) is patched in, equal to the rebuild', async () => {
      // Claims last seen long ago (the bundled load saw them all today).
      const old = (await tracker.readModel.current()).dataset.claims.slice(0, 5).map((c) => c.id)
      await tracker.store.db.updateTable('claims').set({ last_seen: '2025-01-31' }).where('id', 'in', old).execute()
      tracker.readModel.invalidate()
      const s = await tracker.readModel.current()
      const seen = old.map((id) => s.claims.get(id)!)
      expect(seen.map((c) => c.last_seen)).toEqual(old.map(() => '2025-01-31'))
      const incoming = { ...emptyDataset(), sources: [{ ...s.dataset.sources[0]!, id: 'patch-import-source', url: null, title: 'Imported in the patch test' }], claims: seen }
      const plan = planChanges(s.dataset, incoming)
      expect([plan.entries.length, plan.seenAgain.length]).toEqual([1, seen.length])
      await applyImport(tracker, { plan } as PreparedImport, { actor: 'patch-test', comment: 'import with claims seen again' })
      const served = await tracker.readModel.current()
      expect(tracker.readModel.lastLoad?.kind).toBe('patch')
      const full = await rebuilt()
      expect(seen.map((c) => full.claims.get(c.id)?.last_seen)).not.toEqual(seen.map((c) => c.last_seen))
      expect(plainSnapshot(served)).toEqual(plainSnapshot(full))
      if (follower) {
        // The last_seen moves have no revision; batch_records names them under the batch, so the other instance patches too.
        for (let i = 0; i < 250 && (await follower.readModel.current()).version < served.version; i++) await new Promise((r) => setTimeout(r, 20))
        expect(follower.readModel.lastLoad?.kind).toBe('patch')
        expect(plainSnapshot(await follower.readModel.current())).toEqual(plainSnapshot(full))
      }
    })

    it('a re-import that only sees claims again (no record changes) bumps the version and is patched in everywhere', async () => {
      const old = (await tracker.readModel.current()).dataset.claims.slice(5, 12).map((c) => c.id)
      await tracker.store.db.updateTable('claims').set({ last_seen: '2025-02-28' }).where('id', 'in', old).execute()
      tracker.readModel.invalidate()
      const s = await tracker.readModel.current()
      const seen = old.map((id) => s.claims.get(id)!)
      const plan = planChanges(s.dataset, { ...emptyDataset(), claims: seen })
      expect([plan.entries.length, plan.seenAgain.length]).toEqual([0, seen.length])
      const result = await applyImport(tracker, { plan } as PreparedImport, { actor: 'patch-test', comment: 're-import, nothing new' })
      expect(result.seen).toBe(seen.length)
      expect(result.version).toBe(s.version + 1)
      const served = await tracker.readModel.current()
      expect(tracker.readModel.lastLoad?.kind).toBe('patch')
      expect(seen.map((c) => served.claims.get(c.id)?.last_seen)).toEqual(seen.map(() => new Date().toISOString().slice(0, 10)))
      expect(plainSnapshot(served)).toEqual(plainSnapshot(await rebuilt()))
      // The same import again the same day moves nothing: no new version, nothing to patch.
      const again = await applyImport(tracker, { plan } as PreparedImport, { actor: 'patch-test', comment: 're-import, same day' })
      expect([again.seen, again.version]).toEqual([0, null])
      if (follower) {
        for (let i = 0; i < 250 && (await follower.readModel.current()).version < served.version; i++) await new Promise((r) => setTimeout(r, 20))
        expect(follower.readModel.lastLoad?.kind).toBe('patch')
        expect(plainSnapshot(await follower.readModel.current())).toEqual(plainSnapshot(served))
      }
    })

    it('a change no batch describes (invalidate) reloads in full, and equals the rebuild', async () => {
      tracker.readModel.invalidate()
      const s = await tracker.readModel.current()
      expect(tracker.readModel.lastLoad?.kind).toBe('full')
      expect(plainSnapshot(s)).toEqual(plainSnapshot(await rebuilt()))
    })
  })
}
