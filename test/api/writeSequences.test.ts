/**
 * Property test (fast-check) of the edit service on PGlite: random sequences of valid writes —
 * notes on projects, events and sources, new sources, new claims citing them — each accepted,
 * each recorded as exactly one revision in its own batch, every touched record's version equal
 * to its number of revisions, and afterwards the checks of `tracker validate` (validateDataset)
 * find no error that was not there before.
 */
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entityTypeOf, type EntityName } from '../../src/model/dataset.ts'
import { createResolver } from '../../src/model/names/resolve.ts'
import { validateDataset } from '../../src/model/validate.ts'
import { changeRecord, createRecord, editableEntities } from '../../src/service/edit/operations.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { freshDatabase, type TestDatabase } from '../support/engines.ts'

const today = '2026-11-25'
const editor = { name: 'sequence-editor' }
const entity = (name: EntityName) => editableEntities.find((e) => e.entity === name)!

describe('random sequences of valid writes through the edit service (PGlite)', () => {
  let db: TestDatabase
  let tracker: Tracker
  beforeAll(async () => {
    db = await freshDatabase('pglite', { TRACKER_TODAY: today })
    tracker = await openTracker(db.config)
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  const errors = async () => {
    const s = await tracker.readModel.current()
    return validateDataset(s, createResolver({ localities: s.dataset.localities, provinces: s.dataset.provinces }), today)
      .filter((f) => f.level === 'error')
      .map((f) => `${f.code} ${f.subject}`)
      .sort()
  }
  const revisionCount = async () => Number((await tracker.store.db.selectFrom('revisions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

  it('every write is one revision, versions follow the revisions, and validate finds no new error', async () => {
    const s0 = await tracker.readModel.current()
    const projects = s0.dataset.projects.map((p) => p.id)
    const events = s0.dataset.events.map((e) => e.id)
    const baseline = await errors()
    const sources = s0.dataset.sources.map((x) => x.id)
    const text = fc.string({ minLength: 1, maxLength: 60 })
    const write = fc.oneof(
      fc.record({ op: fc.constant('project notes' as const), id: fc.constantFrom(...projects), notes: text }),
      fc.record({ op: fc.constant('event notes' as const), id: fc.constantFrom(...events), notes: text }),
      fc.record({ op: fc.constant('source notes' as const), pick: fc.nat(), notes: text }),
      fc.record({ op: fc.constant('new source' as const), title: text, kind: fc.constantFrom('news', 'analysis', 'state_media') }),
      fc.record({ op: fc.constant('new claim' as const), project: fc.constantFrom(...projects), pick: fc.nat(), value: text }),
    )
    let n = 0
    let runs = 0
    const touched = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 5, maxLength: 15 }), async (sequence) => {
        runs++
        const before = await revisionCount()
        const batches: string[] = []
        for (const w of sequence) {
          const comment = `random valid write ${++n}`
          let result
          if (w.op === 'project notes') result = await changeRecord(tracker, editor, entity('projects'), w.id, null, entity('projects').patch.parse({ notes: `${w.notes} #${n}`, comment }) as never)
          else if (w.op === 'event notes') result = await changeRecord(tracker, editor, entity('events'), w.id, null, entity('events').patch.parse({ notes: `${w.notes} #${n}`, comment }) as never)
          else if (w.op === 'source notes') {
            const id = sources[w.pick % sources.length]!
            result = await changeRecord(tracker, editor, entity('sources'), id, null, entity('sources').patch.parse({ notes: `${w.notes} #${n}`, comment }) as never)
          } else if (w.op === 'new source') {
            const id = `sequence-source-${n}`
            result = await createRecord(tracker, editor, entity('sources'), entity('sources').create.parse({ id, kind: w.kind, publisher: 'Sequence Test', title: w.title, comment }) as never)
            sources.push(id)
          } else {
            const source = sources[w.pick % sources.length]!
            result = await createRecord(tracker, editor, entity('claims'), entity('claims').create.parse({ subject_type: 'project', subject_id: w.project, field: 'other', value: `${w.value} #${n}`, source, comment }) as never)
          }
          batches.push(result.batch)
          const record = result.result as unknown as { record: { id: string } }
          const kind = w.op === 'project notes' ? 'projects' : w.op === 'event notes' ? 'events' : w.op === 'new claim' ? 'claims' : 'sources'
          touched.add(`${kind}\u0000${record.record.id}`)
        }
        expect(new Set(batches).size, 'one batch per write').toBe(sequence.length)
        expect((await revisionCount()) - before, 'one revision per write').toBe(sequence.length)
        expect(await errors(), 'validate after the writes').toEqual(baseline)
      }),
      { numRuns: 6, seed: Number(process.env.PROPERTY_SEED ?? 20261125) },
    )
    // Every record touched: its version is its number of revisions.
    for (const key of touched) {
      const [table, id] = key.split('\u0000') as [EntityName, string]
      const row = await tracker.store.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()
      const revs = await tracker.store.db
        .selectFrom('revisions')
        .select(sql<string>`count(*)`.as('n'))
        .where('entity_type', '=', entityTypeOf[table])
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow()
      expect(Number(revs.n), `${table} ${id}`).toBe(Number(row.version))
    }
    expect(runs).toBe(6)
    expect(baseline, 'the bundled data validates without errors').toEqual([])
  }, 300_000)
})
