/**
 * `tracker import` and the persisted snapshot (TRACKER_SNAPSHOT_CACHE): an import that was applied
 * leaves the file current, so the next start reads it (kind 'cached') with the import's records
 * and the server's list index instead of every record; a dry run and a failed import leave the
 * file as it was.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listIndexBuilds, listIndexExtra, selectProjects } from '../../src/api/routes/projects.ts'
import { loadConfig } from '../../src/config/config.ts'
import { buildSnapshot } from '../../src/model/snapshot.ts'
import { openTracker } from '../../src/service/tracker.ts'
import { loadDataset } from '../../src/store/loadDataset.ts'
import { runCli } from '../support/cli.ts'
import { plainSnapshot } from '../support/plainSnapshot.ts'
import { loadedDataDir } from '../support/template.ts'

vi.setConfig({ testTimeout: 300_000 })

let dir: string
const env = () => ({ TRACKER_DATA_DIR: dir, DATABASE_URL: undefined, TRACKER_TODAY: '2026-11-25', TRACKER_SNAPSHOT_CACHE: 'auto' })
const file = () => path.join(dir, 'snapshot.bin')
/** A wiki table with a project the bundled data does not have (a 2027 Songchon entry). */
const wikiTable = (date: string) => `=== 2027 (Fourth year) ===\n| Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes |\n| Songchon County | South Pyongan Province | Regional-industry factories | Under construction | Groundbreaking: ${date} | |\n`

/**
 * Opens the data directory as the server does, with the persisted snapshot and the list index
 * beside it: how it loaded, and whether it (and its first project list, which must come from the
 * file, not be made again) equals a rebuild.
 */
async function openAsServer() {
  const tracker = await openTracker(loadConfig({ ...env(), TRACKER_LOG_LEVEL: 'silent' }) as never)
  try {
    await tracker.readModel.persistIn('auto', dir, [listIndexExtra])
    const s = await tracker.readModel.current()
    const kind = tracker.readModel.lastLoad?.kind
    const builds = listIndexBuilds.full
    const listed = JSON.stringify(selectProjects(s, {}))
    expect(listIndexBuilds.full, 'the list index came from the file').toBe(builds)
    const { dataset, meta, version } = await loadDataset(tracker.store.db)
    const rebuilt = buildSnapshot(dataset, version, meta)
    expect(plainSnapshot(s)).toEqual(plainSnapshot(rebuilt))
    expect(listed).toBe(JSON.stringify(selectProjects(rebuilt, {})))
    return { kind, version: s.version, projects: s.dataset.projects.map((p) => p.id) }
  } finally {
    await tracker.close()
  }
}

beforeAll(() => {
  dir = loadedDataDir('tracker-import-snapshot-')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('tracker import and the persisted snapshot', () => {
  it('a dry run and a failed import write no file; an applied import leaves it current for the next start', async () => {
    const input = path.join(dir, 'new.txt')
    fs.writeFileSync(input, wikiTable('12 Mar 2027'))
    const dry = await runCli(['import', input, '--format', 'wiki', '--dry-run', '--json'], { env: env() })
    expect(dry.code, dry.stderr).toBe(0)
    expect(JSON.parse(dry.stdout).counts.projects.add).toBe(1)
    expect(fs.existsSync(file())).toBe(false)
    const bad = path.join(dir, 'bad.txt')
    fs.writeFileSync(bad, wikiTable('31 Feb 2027'))
    expect((await runCli(['import', bad, '--format', 'wiki'], { env: env() })).code).toBe(2)
    expect(fs.existsSync(file())).toBe(false)

    const applied = await runCli(['import', input, '--format', 'wiki', '--json'], { env: env() })
    expect(applied.code, applied.stderr).toBe(0)
    const result = JSON.parse(applied.stdout) as { add: { entity: string; id: string }[]; applied: { version: number } }
    expect(fs.existsSync(file())).toBe(true)
    const next = await openAsServer()
    expect(next.kind).toBe('cached')
    expect(next.version).toBe(result.applied.version)
    const added = result.add.filter((a) => a.entity === 'projects').map((a) => a.id)
    expect(added).toEqual(['20x10.2027.south-pyongan.songchon'])
    for (const id of added) expect(next.projects).toContain(id)
  })

  it('starting from the file, a dry run and a failed import leave it byte for byte; the next applied import rewrites it', async () => {
    const before = fs.readFileSync(file())
    const input = path.join(dir, 'new2.txt')
    fs.writeFileSync(input, wikiTable('12 Mar 2027').replace('Songchon County', 'Unpa County').replace('South Pyongan', 'North Hwanghae'))
    const dry = await runCli(['import', input, '--format', 'wiki', '--dry-run'], { env: env() })
    expect(dry.code, dry.stderr).toBe(0)
    const bad = path.join(dir, 'bad.txt')
    expect((await runCli(['import', bad, '--format', 'wiki'], { env: env() })).code).toBe(2)
    expect(fs.readFileSync(file()).equals(before)).toBe(true)
    const applied = await runCli(['import', input, '--format', 'wiki', '--json'], { env: env() })
    expect(applied.code, applied.stderr).toBe(0)
    const result = JSON.parse(applied.stdout) as { applied: { version: number } }
    const next = await openAsServer()
    expect(next.kind).toBe('cached')
    expect(next.version).toBe(result.applied.version)
  })
})
