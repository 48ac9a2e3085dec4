/**
 * The persisted snapshot (store/snapshotCache.ts), on PGlite and PostgreSQL: a read model started
 * from the file serves a snapshot equal to one built from the whole database, with the list
 * index the file carries equal to one made afresh, and answers a list without decoding the bulk;
 * after a write the file is written again and starts the next instance at the new version; a file
 * the database has moved past (a write by a process without the cache), a corrupted, truncated or
 * foreign file, or one of another code version is ignored and the full load runs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listIndexBuilds, listIndexExtra, selectProjects } from '../../src/api/routes/projects.ts'
import { buildSnapshot, type Snapshot } from '../../src/model/snapshot.ts'
import { changeRecord, editableEntities } from '../../src/service/edit/operations.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { CachedSnapshot } from '../../src/store/cachedSnapshot.ts'
import { loadDataset } from '../../src/store/loadDataset.ts'
import { removeLeftovers, SnapshotCache, snapshotKey, systemIdentifier } from '../../src/store/snapshotCache.ts'
import { readSnapshotFile } from '../../src/store/snapshotFile.ts'
import { plainSnapshot } from '../support/plainSnapshot.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'


const list = (s: Snapshot) => JSON.parse(JSON.stringify(selectProjects(s, {}))) as unknown
const projects = editableEntities.find((e) => e.entity === 'projects')!

for (const engine of engines()) {
  describe(`the persisted snapshot (${engine})`, () => {
    let db: TestDatabase
    let dir: string
    let file: string
    let open: Tracker | null = null

    /** A tracker whose read model uses the cache file (PGlite: one open tracker at a time). */
    async function start(withCache = true, sectionRecords?: number): Promise<Tracker> {
      await open?.close()
      open = await openTracker(db.config)
      if (withCache) {
        const cache = new SnapshotCache(file, await systemIdentifier(open.store.db), { sectionRecords })
        cache.addExtra(listIndexExtra)
        open.readModel.useCache(cache, { writeDelayMs: 60_000 })
      }
      return open
    }

    async function rebuilt(t: Tracker): Promise<Snapshot> {
      const { dataset, meta, version } = await loadDataset(t.store.db)
      return buildSnapshot(dataset, version, meta)
    }

    beforeAll(async () => {
      db = await freshDatabase(engine, { TRACKER_TODAY: '2026-11-25' })
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-snapcache-'))
      file = path.join(dir, 'snapshot.bin')
    }, 120_000)

    afterAll(async () => {
      await open?.close()
      await db.cleanup()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('writes the snapshot after a full load, privately, and a new instance starts from it with the same snapshot and list', async () => {
      let t = await start()
      await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('full')
      expect(fs.existsSync(file)).toBe(false)
      await t.readModel.flushCache()
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)

      t = await start()
      const builds = listIndexBuilds.full
      const s = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      expect(s).toBeInstanceOf(CachedSnapshot)
      // The first list comes from the persisted index: nothing of the bulk decoded, no index made.
      const first = list(s)
      expect((s as CachedSnapshot).materialized).toBe(false)
      expect(listIndexBuilds.full).toBe(builds)
      const fresh = await rebuilt(t)
      expect(first).toEqual(list(fresh))
      expect(plainSnapshot(s)).toEqual(plainSnapshot(fresh))
      expect((s as CachedSnapshot).materialized).toBe(true)
    })

    it('read back a part per macrotask in the background, equals a full rebuild, and other tasks run in between', async () => {
      // Small parts, so that the bundled data is written in many (at 100× a part is 5,000 records).
      await open?.close()
      open = null
      fs.rmSync(file)
      let t = await start(true, 25)
      await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('full')
      await t.readModel.flushCache()
      const key = await snapshotKey(t.store.db, await systemIdentifier(t.store.db))
      const parts = (await readSnapshotFile(file, key))!.pending
      expect(parts.filter((p) => p.startsWith('claims:')).length).toBeGreaterThan(3)
      expect(parts.filter((p) => p.startsWith('meta:')).length).toBeGreaterThan(3)

      t = await start(true, 25)
      const s = (await t.readModel.current()) as CachedSnapshot
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      expect(s.materialized).toBe(false)
      // Another chain of macrotasks beside the decoding (budget 0: one part a turn): it gets a turn
      // between every two parts, so a request arriving meanwhile is answered.
      let turns = 0
      let done = false
      const ping = () => {
        turns++
        if (!done) setImmediate(ping)
      }
      setImmediate(ping)
      const decoding = s.materializeInBackground(() => true, 0)
      await new Promise((r) => setImmediate(r))
      expect(s.materialized).toBe(false)
      const whole = await decoding
      done = true
      expect(whole).not.toBeNull()
      expect(s.materialized).toBe(true)
      expect(turns).toBeGreaterThanOrEqual(parts.length - 10)
      const fresh = await rebuilt(t)
      expect(plainSnapshot(s)).toEqual(plainSnapshot(fresh))
      expect(list(s)).toEqual(list(fresh))
      // materialize() after the background is done returns the same snapshot; parts are not decoded twice.
      expect(s.materialize()).toBe(whole)
    })

    it('a request needing everything before the background decoding is done finishes it at once', async () => {
      const t = await start(true, 25)
      const s = (await t.readModel.current()) as CachedSnapshot
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      const decoding = s.materializeInBackground(() => true, 0)
      await new Promise((r) => setImmediate(r))
      await new Promise((r) => setImmediate(r))
      expect(s.materialized).toBe(false)
      const projectsNow = s.projects
      expect(s.materialized).toBe(true)
      expect(await decoding).toBe(s.materialize())
      expect(projectsNow).toBe(s.materialize().projects)
      expect(plainSnapshot(s)).toEqual(plainSnapshot(await rebuilt(t)))
    })

    it('a file without the list index (written by tracker import) is read, and written again with it once decoded', async () => {
      await open?.close()
      open = await openTracker(db.config)
      const bare = new SnapshotCache(file, await systemIdentifier(open.store.db))
      open.readModel.useCache(bare, { writeDelayMs: 60_000 })
      fs.rmSync(file)
      await open.readModel.current()
      await open.readModel.flushCache()
      const key = await snapshotKey(open.store.db, await systemIdentifier(open.store.db))
      expect((await readSnapshotFile(file, key))!.pending.some((p) => p.startsWith('extra:'))).toBe(false)

      let t = await start()
      const s = (await t.readModel.current()) as CachedSnapshot
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      expect(list(s)).toEqual(list(await rebuilt(t)))
      await s.materializeInBackground()
      // close() writes it again, now with the index.
      t = await start()
      expect(t.readModel.lastLoad).toBeNull()
      expect((await readSnapshotFile(file, key))!.pending).toContain('extra:projects.list')
      const builds = listIndexBuilds.full
      const again = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      const first = list(again)
      expect(listIndexBuilds.full).toBe(builds)
      expect(first).toEqual(list(await rebuilt(t)))
    })

    it('after a write, serves the patched snapshot, writes it back, and the next instance starts from the new version', async () => {
      let t = await start()
      const before = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      const id = before.dataset.projects[3]!.id
      await changeRecord(t, { name: 'cache-test' }, projects, id, null, projects.patch.parse({ notes: 'Noted after the snapshot was persisted.', comment: 'cache test' }) as never)
      const patched = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('patch')
      expect(patched.projects.get(id)?.notes).toBe('Noted after the snapshot was persisted.')
      // close() writes what the file does not hold yet.
      t = await start()
      const s = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      expect(s.version).toBe(patched.version)
      expect(list(s)).toEqual(list(await rebuilt(t)))
      expect(plainSnapshot(s)).toEqual(plainSnapshot(await rebuilt(t)))
    })

    it('ignores a file the database has moved past (a write by a process without the cache) and loads in full', async () => {
      let t = await start(false)
      const s0 = await t.readModel.current()
      const id = s0.dataset.projects[5]!.id
      await changeRecord(t, { name: 'cache-test' }, projects, id, null, projects.patch.parse({ notes: 'Written without the cache.', comment: 'cache test' }) as never)
      t = await start()
      const s = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('full')
      expect(s.projects.get(id)?.notes).toBe('Written without the cache.')
      expect(plainSnapshot(s)).toEqual(plainSnapshot(await rebuilt(t)))
      await t.readModel.flushCache()
    })

    it('ignores a corrupted, truncated or foreign file, and one of another code version', async () => {
      const good = fs.readFileSync(file)
      const damaged = Buffer.from(good)
      damaged[Math.floor(damaged.length * 0.6)]! ^= 0xff
      const cases: [string, Buffer][] = [
        ['corrupted', damaged],
        ['truncated', good.subarray(0, good.length - 100)],
        ['foreign', Buffer.from('not a snapshot at all')],
        ['empty', Buffer.alloc(0)],
      ]
      for (const [what, bytes] of cases) {
        // Closed first: closing writes back the snapshot it loaded in full.
        await open?.close()
        open = null
        fs.writeFileSync(file, bytes)
        const t = await start()
        const s = await t.readModel.current()
        expect(t.readModel.lastLoad?.kind, what).toBe('full')
        expect(plainSnapshot(s), what).toEqual(plainSnapshot(await rebuilt(t)))
      }
      await open?.close()
      open = null
      fs.writeFileSync(file, good)
      const t = await start()
      const key = await snapshotKey(t.store.db, await systemIdentifier(t.store.db))
      expect(await readSnapshotFile(file, key)).not.toBeNull()
      expect(await readSnapshotFile(file, { ...key, code: 'other code' })).toBeNull()
      expect(await readSnapshotFile(file, { ...key, schema: key.schema + 1 })).toBeNull()
      expect(await readSnapshotFile(file, { ...key, system: 'another database' })).toBeNull()
    })

    it('a section that passes its checksum but does not decode: that request fails, the next reads the database, the file goes', async () => {
      await open?.close()
      open = null
      // Rebuild the good file with the claims replaced by bytes no deserializer reads (checksum right).
      const good = fs.readFileSync(file)
      const headerLength = good.readUInt32LE(good.length - 12)
      const header = JSON.parse(good.subarray(good.length - 12 - headerLength, good.length - 12).toString('utf8')) as { key: unknown; sections: { name: string; offset: number; length: number; crc: number }[] }
      const parts: Buffer[] = []
      let offset = 0
      const sections = header.sections.map((sec) => {
        const bytes = sec.name === 'claims:0' ? Buffer.from('\xff\x0fnot v8 at all') : good.subarray(sec.offset, sec.offset + sec.length)
        parts.push(bytes)
        const out = { ...sec, offset, length: bytes.length, crc: zlib.crc32(bytes) }
        offset += bytes.length
        return out
      })
      const head = Buffer.from(JSON.stringify({ key: header.key, sections }), 'utf8')
      const tail = Buffer.alloc(12)
      tail.writeUInt32LE(head.length, 0)
      tail.write('TRKSNAP1', 4)
      fs.writeFileSync(file, Buffer.concat([...parts, head, tail]))
      const t = await start()
      const s = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('cached')
      expect(() => s.dataset).toThrow()
      expect(fs.existsSync(file)).toBe(false)
      const again = await t.readModel.current()
      expect(t.readModel.lastLoad?.kind).toBe('full')
      expect(plainSnapshot(again)).toEqual(plainSnapshot(await rebuilt(t)))
      await t.readModel.flushCache()
      expect(fs.existsSync(file)).toBe(true)
    })

    it('removes the temporary files of writers no longer running, keeps those of running ones', () => {
      const dead = path.join(dir, '.snapshot.bin.2147483646.x.tmp')
      const alive = path.join(dir, `.snapshot.bin.${process.pid}.y.tmp`)
      const other = path.join(dir, 'unrelated.tmp')
      for (const f of [dead, alive, other]) fs.writeFileSync(f, 'partial')
      removeLeftovers(file)
      expect([dead, alive, other].map((f) => fs.existsSync(f))).toEqual([false, true, true])
      for (const f of [alive, other]) fs.rmSync(f)
    })
  })
}
