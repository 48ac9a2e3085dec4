/**
 * @module GeoJSON exports (RFC 7946): projects and localities as points at the locality's
 * coordinate, with their properties. Records without a coordinate are listed in a foreign
 * member `without_coordinates` rather than dropped silently.
 */
import type { Locality } from '../model/locality.ts'
import type { Project } from '../model/project.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { projectDerived } from './derived.ts'

interface Feature {
  type: 'Feature'
  id: string
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: Record<string, unknown>
}

function collection(features: Feature[], without: string[]) {
  return `${JSON.stringify({ type: 'FeatureCollection', features, without_coordinates: without }, null, 1)}\n`
}

export function projectsGeoJson(snapshot: Snapshot, projects: readonly Project[], asOf?: string): string {
  const features: Feature[] = []
  const without: string[] = []
  for (const p of [...projects].sort((a, b) => a.id.localeCompare(b.id))) {
    const l = snapshot.localities.get(p.locality_id)
    if (!l?.coord) {
      without.push(p.id)
      continue
    }
    const d = projectDerived(snapshot, p, asOf)
    features.push({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [l.coord.lon, l.coord.lat] },
      properties: {
        program_id: p.program_id,
        year: p.year,
        locality_id: p.locality_id,
        locality: l.plain,
        hangul: l.hangul,
        province_id: l.province,
        kinds: p.kinds,
        counted: p.counted,
        counted_reason: p.counted_reason,
        status: d.status,
        groundbreaking: d.groundbreaking,
        finished: d.finished,
        coord_precision: l.coord.precision,
      },
    })
  }
  return collection(features, without)
}

export function localitiesGeoJson(snapshot: Snapshot, localities: readonly Locality[] = snapshot.dataset.localities): string {
  const features: Feature[] = []
  const without: string[] = []
  for (const l of [...localities].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!l.coord) {
      without.push(l.id)
      continue
    }
    features.push({
      type: 'Feature',
      id: l.id,
      geometry: { type: 'Point', coordinates: [l.coord.lon, l.coord.lat] },
      properties: {
        province_id: l.province,
        type: l.type,
        hangul: l.hangul,
        mr: l.mr,
        plain: l.plain,
        rr: l.rr,
        hanja: l.hanja,
        aliases: l.aliases,
        coord_precision: l.coord.precision,
        coord_source: l.coord.source,
        uncertain: l.uncertain,
        projects: (snapshot.projectsByLocality.get(l.id) ?? []).map((p) => p.id),
      },
    })
  }
  return collection(features, without)
}
