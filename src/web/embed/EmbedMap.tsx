/**
 * @module /embed/map: the map page's map — a point per locality with projects, coloured by
 * status, sized by the number of facility kinds — honouring the same filters in the query
 * (?year=2025&province=…), with its legend and credit line.
 */
import { useState } from 'preact/hooks'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { hrefWith, readFilters } from '../filters.ts'
import { t } from '../i18n/i18n.ts'
import { CountryMap, type MapPoint } from '../map/CountryMap.tsx'
import { describe, group, pointOf, radiusByKinds } from '../map/places.ts'
import { lookOf } from '../status.ts'
import { useProjects } from '../useProjects.ts'
import { useTitle } from '../useTitle.ts'
import { Credit } from './Credit.tsx'
import { fullPageOf } from './embeds.ts'

export default function EmbedMap() {
  useTitle(t('nav.map'))
  const filters = readFilters(window.location.search)
  const view = useProjects(filters, { limit: 1000, offset: 0 })
  const [active, setActive] = useState<string | null>(null)
  const places = group(view.data?.items ?? [])
  const points: MapPoint[] = places.map((place) => pointOf(place, radiusByKinds(place)))
  const activePlace = places.find((p) => p.id === active)
  return (
    <>
      <h1 class="embed-title">{view.data ? t('map.heading', { localities: t('map.localities', { count: places.length }), projects: t('explorer.count', { count: view.data.total }) }) : t('nav.map')}</h1>
      {view.error ? <ErrorNotice error={view.error} what="what.map" /> : null}
      {!view.data && !view.error ? <Loading what="what.map" /> : null}
      {view.data ? (
        <section class="embed-figure" data-testid="embed-data">
          <CountryMap points={points} title={t('map.title', { count: places.length })} active={active} onActive={setActive} pointScale={1.3} />
          <p class="map-detail embed-detail" aria-hidden="true">
            {activePlace ? describe(activePlace) : t('map.hintHover')}
          </p>
          <ul class="legend map-legend" aria-label={t('common.legend')}>
            {['operational', 'under_construction', 'planned', 'suspended'].map((s) => (
              <li key={s}>
                <span class={`swatch st-${s}`} aria-hidden="true" />
                {lookOf(s).label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Credit page={hrefWith(fullPageOf('map'), filters)} />
    </>
  )
}
