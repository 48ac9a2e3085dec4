/**
 * @module The small map on the overview: a dot per locality the policy has reached, coloured by
 * the status of its latest project, each a link to the locality with its name shown beside the
 * pointer (loaded on demand with the rest of the map code).
 */
import { useState } from 'preact/hooks'
import { t } from '../i18n/i18n.ts'
import type { Project } from '../types.ts'
import { CountryMap, type MapPoint } from './CountryMap.tsx'
import { group, pointOf } from './places.ts'

export default function OverviewMap({ projects }: { projects: Project[] }) {
  const [active, setActive] = useState<string | null>(null)
  const places = group(projects)
  const points: MapPoint[] = places.map((place) => pointOf(place, 4.2))
  return (
    <div class="overview-map" data-testid="overview-map">
      <CountryMap points={points} title={t('map.title', { count: places.length })} active={active} onActive={setActive} width={300} tooltip untabbable />
    </div>
  )
}
