/** @module Projects grouped into the places a map draws (one point per locality), and a place described in words. */
import { placeBoth, yearName } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { lookOf } from '../status.ts'
import type { Project } from '../types.ts'
import { provinceName } from '../useProvinces.ts'
import type { MapPoint } from './CountryMap.tsx'

export interface Place {
  id: string
  name: string
  hangul: string
  province: string
  provinceId: string
  lon: number
  lat: number
  projects: Project[]
}

export function group(items: Project[]): Place[] {
  const places = new Map<string, Place>()
  for (const p of items) {
    if (!p.locality.coord) continue
    const place = places.get(p.locality.id) ?? { id: p.locality.id, name: p.locality.name, hangul: p.locality.hangul, province: p.locality.province, provinceId: p.locality.province_id, lon: p.locality.coord.lon, lat: p.locality.coord.lat, projects: [] }
    place.projects.push(p)
    places.set(place.id, place)
  }
  for (const place of places.values()) place.projects.sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
  return [...places.values()]
}

export function describe(place: Place): string {
  const parts = place.projects.map((p) => t(p.counted ? 'map.part' : 'map.partExtra', { year: yearName(p.year), status: lookOf(p.status).label.toLowerCase() }))
  return t('map.describe', { place: placeBoth(place.name, place.hangul), province: provinceName(place.province, place.provinceId), parts: parts.join('; ') })
}

/** A place as a point of the map: coloured by its newest project's status, ringed when it has several projects. */
export function pointOf(place: Place, r: number): MapPoint {
  return {
    id: place.id,
    lon: place.lon,
    lat: place.lat,
    label: describe(place),
    href: `/localities/${encodeURIComponent(place.id)}`,
    status: place.projects[place.projects.length - 1]!.status,
    r,
    ring: place.projects.length > 1,
  }
}

/** The radius of a place's dot: larger the more kinds of facility its projects build. */
export const radiusByKinds = (place: Place): number => 3 + 1.1 * new Set(place.projects.flatMap((p) => p.kinds)).size
