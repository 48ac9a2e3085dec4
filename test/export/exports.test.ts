/**
 * Exports: golden files for every format on the shared fixture, standard tools parse them
 * (CSV parser, GeoJSON check, Frictionless Data Package), and export → import into an empty
 * database → export gives identical files, for JSON and for CSV.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import type { FeatureCollection } from 'geojson'
import { parse } from 'csv-parse/sync'
// @ts-expect-error the datapackage library ships no types
import { Package } from 'datapackage'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyImport, prepareImport } from '../../src/service/importService.ts'
import { openTracker } from '../../src/service/tracker.ts'
import { loadConfig } from '../../src/config/config.ts'
import { allTablesCsv } from '../../src/export/csv.ts'
import { dataPackageFiles } from '../../src/export/datapackage.ts'
import { localitiesGeoJson, projectsGeoJson } from '../../src/export/geojson.ts'
import { datasetJson } from '../../src/export/json.ts'
import { buildSnapshot, type Snapshot } from '../../src/model/snapshot.ts'
const check = (text: string) => checkGeoJson(text) as FeatureCollection
import { bundledApp, type TestApp } from '../support/app.ts'
import { miniDataset } from '../support/fixtures.ts'
import { expectGolden } from '../support/golden.ts'

const mini = buildSnapshot(miniDataset(), 1)
const tmp: string[] = []
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-export-'))
  tmp.push(d)
  return d
}
afterAll(() => tmp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('golden exports of the fixture', () => {
  it('CSV tables', () => {
    for (const [name, text] of allTablesCsv(mini)) expectGolden(`export/mini/${name}`, text)
  })
  it('JSON document', () => expectGolden('export/mini/dataset.json', datasetJson(mini)))
  it('GeoJSON', () => {
    expectGolden('export/mini/projects.geojson', projectsGeoJson(mini, mini.dataset.projects))
    expectGolden('export/mini/localities.geojson', localitiesGeoJson(mini))
  })
  it('Data Package descriptor', () => expectGolden('export/mini/datapackage.json', dataPackageFiles(mini).get('datapackage.json')!))
})

describe('standard tools read the exports of the bundled data', () => {
  let t: TestApp
  let s: Snapshot
  beforeAll(async () => {
    t = await bundledApp()
    s = await t.tracker.readModel.current()
  })
  afterAll(async () => t?.close())

  it('CSV parses with a standard parser, one row per record', () => {
    for (const [name, text] of allTablesCsv(s)) {
      const rows = parse(text, { columns: true }) as Record<string, string>[]
      const entity = name.replace('.csv', '') as keyof typeof s.dataset
      expect(rows, name).toHaveLength(s.dataset[entity].length)
    }
  })

  it('GeoJSON passes an RFC 7946 check', () => {
    const projects = check(projectsGeoJson(s, s.dataset.projects))
    expect(projects.features.length).toBe(s.dataset.projects.length)
    const localities = check(localitiesGeoJson(s))
    expect(localities.features.length).toBe(s.dataset.localities.filter((l) => l.coord).length)
  })

  it('the Data Package is valid and its tables match their schemas', async () => {
    const dir = tempDir()
    for (const [name, text] of dataPackageFiles(s)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      fs.writeFileSync(path.join(dir, name), text)
    }
    const pkg = await Package.load(path.join(dir, 'datapackage.json'))
    expect(pkg.errors).toEqual([])
    expect(pkg.valid).toBe(true)
    for (const resource of pkg.resources) {
      const rows = await resource.read({ keyed: true, cast: true })
      expect(rows.length, resource.name).toBeGreaterThan(0)
    }
  })

  it('filtered downloads honour the list filters', async () => {
    const res = await t.app.request('/api/export/projects.csv?year=2025&counted=false')
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const rows = parse(await res.text(), { columns: true }) as { locality_id: string }[]
    expect(rows.map((r) => r.locality_id).sort()).toEqual(['north-pyongan.kusong', 'south-hamgyong.ragwon', 'south-pyongan.unsan'])
    const geo = check(await (await t.app.request('/api/export/projects.geojson?province=kaesong')).text())
    expect(geo.features.map((f) => f.id).sort()).toEqual(['20x10.2024.kaesong.jangpung', '20x10.2025.kaesong.kaepung', '20x10.2026.kaesong.panmun'])
  })

  it('export → import into an empty database → export gives identical files (JSON and CSV)', async () => {
    const json = datasetJson(s)
    const csv = allTablesCsv(s)
    for (const format of ['json', 'csv'] as const) {
      const config = loadConfig({ TRACKER_DATA_DIR: tempDir(), TRACKER_LOG_LEVEL: 'silent' })
      const fresh = await openTracker(config, { loadBundled: false })
      try {
        const files = format === 'json' ? new Map([['dataset.json', json]]) : csv
        const prepared = await prepareImport(fresh, { format, files })
        await applyImport(fresh, prepared, { actor: 'test', comment: 'round trip' })
        const again = await fresh.readModel.current()
        if (format === 'json') expect(datasetJson(again)).toBe(json)
        else for (const [name, text] of allTablesCsv(again)) expect(text, name).toBe(csv.get(name))
        const second = await prepareImport(fresh, { format, files })
        expect(second.plan.entries, 'importing the same file twice changes nothing').toEqual([])
      } finally {
        await fresh.close()
      }
    }
  })
})
