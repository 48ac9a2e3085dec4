/** The data commands end to end, as a user runs them: import preview, validate, resolve, stats, export. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Each test spawns real `tracker` processes (a few seconds each on a loaded 2-core machine).
vi.setConfig({ testTimeout: 300_000 })
import { runCli } from '../support/cli.ts'
import { loadedDataDir } from '../support/template.ts'

const seed = new URL('../../../shared/seeds/wikipedia-20x10-policy.txt', import.meta.url).pathname
const seedAvailable = fs.existsSync(seed)
const wikiInput = new URL('../input/wiki/founding-list.txt', import.meta.url).pathname
let dir: string
const env = () => ({ TRACKER_DATA_DIR: dir, DATABASE_URL: undefined, TRACKER_TODAY: '2026-11-25' })

// A copy of the database `tracker init` makes (cli.test.ts tests init itself).
beforeAll(() => {
  dir = loadedDataDir('tracker-data-cli-')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('tracker import', () => {
  it('previews the founding list into an empty database: 65 projects to add', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-empty-'))
    try {
      const r = await runCli(['import', seedAvailable ? seed : wikiInput, '--format', 'wiki', '--dry-run', '--json'], { env: { TRACKER_DATA_DIR: empty, DATABASE_URL: undefined } })
      expect(r.code, r.stderr).toBe(0)
      const preview = JSON.parse(r.stdout)
      expect(preview.counts.projects).toEqual({ add: 65, change: 0, unchanged: 0 })
      expect(r.stderr).toMatch(/previewing against the bundled reference data/)
      // A dry run writes nothing: the database is still empty.
      const status = await runCli(['db', 'status', '--json'], { env: { TRACKER_DATA_DIR: empty, DATABASE_URL: undefined } })
      expect(JSON.parse(status.stdout).counts.projects).toBe(0)
    } finally {
      fs.rmSync(empty, { recursive: true, force: true })
    }
  })

  it('previews it into the loaded database: no change, the documented date conflicts kept', async () => {
    const r = await runCli(['import', wikiInput, '--format', 'wiki', '--dry-run', '--json'], { env: env() })
    expect(r.code, r.stderr).toBe(0)
    const preview = JSON.parse(r.stdout)
    expect(preview.add).toEqual([])
    expect(preview.change).toEqual([])
    expect(preview.kept_conflicts.map((k: { id: string }) => k.id).sort()).toEqual([
      '20x10.2025.kaesong.kaepung~groundbreaking',
      '20x10.2025.north-hamgyong.puryong~groundbreaking',
      '20x10.2025.south-pyongan.unsan~groundbreaking',
    ])
    const text = await runCli(['import', wikiInput, '--format', 'wiki', '--dry-run'], { env: env() })
    expect(text.stdout).toMatch(/projects\s+0\s+0\s+65/)
  })

  it('stops on bad input with the file, line and reason, exit 2, and applies nothing', async () => {
    const bad = path.join(dir, 'bad.txt')
    fs.writeFileSync(bad, '=== 2025 (Second year) ===\n| Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes |\n| Songchon County | South Pyongan Province | Regional-industry factories | Completed / Operational | Groundbreaking: 31 Feb 2025 | |\n')
    const r = await runCli(['import', bad, '--format', 'wiki'], { env: env() })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/bad\.txt:3: .*31 Feb 2025/)
    const status = await runCli(['db', 'status', '--json'], { env: env() })
    expect(JSON.parse(status.stdout).data_version).toBe(1)
  })

  it('reads stdin with "-"', async () => {
    const r = await runCli(['import', '-', '--format', 'json', '--dry-run', '--json'], { env: env(), input: fs.readFileSync(new URL('../input/json/good.json', import.meta.url), 'utf8') })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).format).toBe('json')
  })
})

describe('tracker validate, resolve, stats, export', () => {
  it('validate passes on the bundled data, listing only accepted warnings', async () => {
    const r = await runCli(['validate', '--json'], { env: env() })
    expect(r.code, r.stdout).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.errors).toEqual([])
    expect(out.warnings.some((w: { message: string }) => /South Hamyong/.test(w.message))).toBe(true)
  })

  it('resolve prints the locality, or both Unsan counties as candidates', async () => {
    const one = await runCli(['resolve', 'Jongphyong'], { env: env() })
    expect(one.code).toBe(0)
    expect(one.stdout).toMatch(/^Jongpyong County, South Hamgyong, 정평군/)
    const both = await runCli(['resolve', 'Unsan', '--json'], { env: env() })
    expect(both.code).toBe(1)
    const out = JSON.parse(both.stdout)
    expect(out.status).toBe('ambiguous')
    expect(out.candidates.map((c: { hangul: string }) => c.hangul).sort()).toEqual(['운산군', '은산군'])
    const hinted = await runCli(['resolve', 'Unsan County', '--province', 'South Phyongan', '--json'], { env: env() })
    expect(JSON.parse(hinted.stdout).locality).toBe('south-pyongan.unsan')
  })

  it('resolve says how it matched: a province-level unit as such, a typo as "did you mean", an unknown province with the list', async () => {
    const kaesong = await runCli(['resolve', 'Kaesong', '--json'], { env: env() })
    expect(kaesong.code).toBe(0)
    expect(JSON.parse(kaesong.stdout)).toMatchObject({ status: 'match', level: 'province', id: 'kaesong', method: 'exact', score: 1 })
    const typo = await runCli(['resolve', 'Songchun'], { env: env() })
    expect(typo.code).toBe(1)
    expect(typo.stdout).toMatch(/^did you mean Songchon County, South Pyongan, 성천군 成川郡 .*fuzzy: 1 edit/)
    const accepted = await runCli(['resolve', 'Songchun', '--accept-fuzzy', '--json'], { env: env() })
    expect(accepted.code).toBe(0)
    expect(JSON.parse(accepted.stdout)).toMatchObject({ method: 'fuzzy', distance: 1, locality: 'south-pyongan.songchon', score: 0.75 })
    const hanja = await runCli(['resolve', '成川郡'], { env: env() })
    expect(hanja.code).toBe(0)
    expect(hanja.stdout).toMatch(/exact, score 1\.00 via hanja: 成川郡/)
    const unknown = await runCli(['resolve', 'Unsan', '--province', 'NP'], { env: env() })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown province "NP"; the provinces are: .*North Pyongan \(north-pyongan, 평안북도\)/)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('stats reports 20 counted localities per year and the extras with reasons', async () => {
    const r = await runCli(['stats', '--json'], { env: env() })
    expect(r.code, r.stderr).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.progress.years.slice(0, 3).map((y: { counted: number }) => y.counted)).toEqual([20, 20, 20])
    expect(s.progress.years[1].extra).toHaveLength(3)
    const text = await runCli(['stats', '--as-of', '2024-12-31'], { env: env() })
    expect(text.stdout).toMatch(/2024\s+█+ 20\/20\s+operational 1\s+under construction 19/)
    expect((await runCli(['stats', '--as-of', '2024-13-01'], { env: env() })).code).toBe(2)
  })

  it('stats text output follows its own legend', async () => {
    const r = await runCli(['stats', '--as-of', '2025-12-31'], { env: env() })
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.split('\n')
    const legend = lines.findIndex((l) => l.startsWith('Counted localities per policy year'))
    expect(lines[legend]).toMatch(/counted\/target, then the counted ones by status/)
    // Each year row: counted/target, then statuses that add up to the counted number.
    for (const row of lines.slice(legend + 1, legend + 3)) {
      const m = /^(\d{4})\s+[█░]+ (\d+)\/(\d+)\s+operational (\d+)\s+under construction (\d+)\s+planned (\d+)$/.exec(row)
      expect(m, row).not.toBeNull()
      expect(Number(m![4]) + Number(m![5]) + Number(m![6])).toBe(Number(m![2]))
    }
    // The two Unsan counties are told apart by their province.
    expect(r.stdout).toMatch(/2025 extra: Unsan \(South Pyongan\) — /)
    const coverage = lines.findIndex((l) => l.startsWith('Coverage per province'))
    expect(lines[coverage]).toMatch(/: reached\/localities$/)
    expect(lines[coverage + 1]).toMatch(/^\S.*\s[█░]+ \d+\/\d+$/)
  })

  it('export writes files atomically and to stdout', async () => {
    const out = path.join(dir, 'pkg/')
    const r = await runCli(['export', '--format', 'datapackage', '--out', out], { env: env() })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^wrote the data package to the directory .*pkg\/ \(8 files: datapackage\.json, data\/programs\.csv/)
    expect(JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8')).resources).toHaveLength(7)
    const csv = await runCli(['export', '--format', 'csv', '--table', 'projects', '--out', '-'], { env: env() })
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,program_id,year/)
    const refused = await runCli(['export', '--format', 'csv', '--out', '-'], { env: env() })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^tracker: 7 CSV tables cannot go to stdout: give --table NAME/)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('export: one table is one file, several go to a zip or a directory only when asked, and it says which', async () => {
    const at = (name: string) => path.join(dir, name)
    // All CSV tables to a name like out.csv: refused, and nothing is created there.
    const refused = await runCli(['export', '--format', 'csv', '--out', at('out.csv')], { env: env() })
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(/7 CSV tables cannot go into the one file .*out\.csv: give --table NAME for one of them, --out NAME\.zip for a zip, or --out DIR\/ \(or --dir\)/)
    expect(fs.existsSync(at('out.csv'))).toBe(false)

    const one = await runCli(['export', '--format', 'csv', '--table', 'localities', '--out', at('out.csv')], { env: env() })
    expect(one.code, one.stderr).toBe(0)
    expect(one.stdout.trim()).toBe(`wrote the CSV table localities to the file ${at('out.csv')}`)
    expect(fs.statSync(at('out.csv')).isFile()).toBe(true)
    expect(fs.readFileSync(at('out.csv'), 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(190)

    const zip = await runCli(['export', '--format', 'csv', '--out', at('tables.zip')], { env: env() })
    expect(zip.code, zip.stderr).toBe(0)
    expect(zip.stdout).toMatch(/^wrote 7 CSV tables to the zip file .*tables\.zip \(7 files: programs\.csv, provinces\.csv/)
    expect(Object.keys(unzipSync(fs.readFileSync(at('tables.zip')))).sort()).toEqual(['claims.csv', 'events.csv', 'localities.csv', 'programs.csv', 'projects.csv', 'provinces.csv', 'sources.csv'])

    const asked = await runCli(['export', '--format', 'csv', '--dir', '--out', at('tables'), '--json'], { env: env() })
    expect(asked.code, asked.stderr).toBe(0)
    expect(JSON.parse(asked.stdout)).toMatchObject({ format: 'csv', kind: 'directory', path: at('tables') })
    expect(fs.readdirSync(at('tables')).sort()).toHaveLength(7)

    // One document into an existing directory lands there under its own name.
    const json = await runCli(['export', '--format', 'geojson', '--table', 'localities', '--out', at('tables')], { env: env() })
    expect(json.stdout).toMatch(/to the directory .*tables \(1 file: localities\.geojson\)/)
    expect(JSON.parse(fs.readFileSync(path.join(at('tables'), 'localities.geojson'), 'utf8')).features.length).toBeGreaterThan(190)

    const wrongTable = await runCli(['export', '--format', 'geojson', '--table', 'events', '--out', '-'], { env: env() })
    expect(wrongTable.code).toBe(2)
    expect(wrongTable.stderr.trim()).toBe('tracker: --table events is not a geojson table (geojson has projects, localities)')
    const noTable = await runCli(['export', '--format', 'json', '--table', 'projects', '--out', '-'], { env: env() })
    expect(noTable.code).toBe(2)
    expect(noTable.stderr).toMatch(/--table does not apply to --format json/)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
