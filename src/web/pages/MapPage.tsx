/**
 * @module The map (/map): a point per locality with projects, coloured by status (the colours of
 * the rest of the app) or by policy year (purples, which no status uses) and sized by the number of facility kinds; localities not yet reached on request. It
 * reads the same filters from the query string as the explorer, so the two show the same view.
 */
import { useState } from 'preact/hooks'
import { apiPath } from '../api.ts'
import { Facets } from '../components/Facets.tsx'
import { Place as PlaceName } from '../components/Place.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { SearchNote } from '../components/SearchNote.tsx'
import { filterParams, hrefWith, readFilters } from '../filters.ts'
import { EmbedButton } from '../embed/EmbedButton.tsx'
import { kindLabel, placeBoth, placeName, yearName } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { CountryMap, type MapPoint } from '../map/CountryMap.tsx'
import { group, pointOf, radiusByKinds } from '../map/places.ts'
import { useLocation } from '../router.ts'
import { lookOf, yearColour } from '../status.ts'
import type { List, Locality } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProjects } from '../useProjects.ts'
import { provinceName, useProvinces } from '../useProvinces.ts'
import { useMedia } from '../useMedia.ts'
import { useTitle } from '../useTitle.ts'


export default function MapPage() {
  useTitle(t('nav.map'))
  const loc = useLocation()
  const params = new URLSearchParams(loc.search)
  const filters = readFilters(params)
  const colour = params.get('color') === 'year' ? 'year' : 'status'
  const showUnreached = params.get('unreached') === '1'
  const keep = { color: colour === 'year' ? 'year' : undefined, unreached: showUnreached ? '1' : undefined }
  const view = useProjects(filters, { limit: 1000, offset: 0 })
  const unreached = useApi<List<Locality>>(showUnreached ? apiPath('/api/localities', { reached: 'false', limit: 1000, province: filters.province.join(',') }) : null)
  const { names } = useProvinces()
  const [active, setActive] = useState<string | null>(null)
  const narrow = useMedia('(max-width: 560px)')

  const places = group(view.data?.items ?? [])
  const points: MapPoint[] = places.map((place) => ({
    ...pointOf(place, radiusByKinds(place)),
    fill: colour === 'year' ? yearColour(place.projects[0]!.year) : undefined,
  }))
  const shown = new Set(places.map((p) => p.id))
  if (showUnreached)
    for (const l of unreached.data?.items ?? [])
      if (l.coord && !shown.has(l.id))
        points.push({ id: l.id, lon: l.coord.lon, lat: l.coord.lat, label: t('map.unreachedLabel', { place: placeBoth(l.plain, l.hangul), province: provinceName(l.province_name, l.province) }), href: `/localities/${encodeURIComponent(l.id)}`, hollow: true, r: 2.6 })

  const years = [...new Set(places.map((p) => p.projects[0]!.year))].sort((a, b) => (a ?? 0) - (b ?? 0))
  const toggleHref = (extra: Record<string, string | undefined>) => hrefWith('/map', filters, { ...keep, ...extra })

  return (
    <div class="page map-page">
      <header class="page-head">
        <h1>{t('nav.map')}</h1>
        <p class="lede">{t('map.lede')}</p>
      </header>
      <div class="with-facets">
        <Facets path="/map" filters={filters} counts={view.counts} provinceNames={names} keep={keep} />
        <section class="results" aria-labelledby="map-title">
          <div class="results-head">
            <h2 id="map-title" aria-live="polite">
              {view.data ? t('map.heading', { localities: t('map.localities', { count: places.length }), projects: t('explorer.count', { count: view.data.total }) }) : t('map.localitiesTitle')}
            </h2>
            <p class="view-links">
              <a href={hrefWith('/projects', filters)} data-testid="to-table">
                {t('map.toTable')}
              </a>
            </p>
          </div>
          <SearchNote resolved={view.data?.resolved} />
          <div class="map-controls" role="group" aria-label={t('map.options')}>
            <span>{t('map.colourBy')}</span>
            <a href={toggleHref({ color: undefined })} aria-current={colour === 'status' ? 'true' : undefined} class="chip">
              {t('map.byStatus')}
            </a>
            <a href={toggleHref({ color: 'year' })} aria-current={colour === 'year' ? 'true' : undefined} class="chip">
              {t('map.byYear')}
            </a>
            <a href={toggleHref({ unreached: showUnreached ? undefined : '1' })} class="chip" aria-pressed={showUnreached ? 'true' : 'false'} role="button" data-testid="toggle-unreached">
              {showUnreached ? '☑' : '☐'} {t('map.showUnreached')}
            </a>
          </div>
          {view.error ? <ErrorNotice error={view.error} what="what.map" /> : null}
          {!view.data && !view.error ? <Loading what="what.map" /> : null}
          <div class="map-frame">
            <p class="hint map-hint" aria-hidden="true">
              {t(narrow ? 'map.hintTap' : 'map.hintHover')}
            </p>
            <CountryMap points={points} title={t('map.title', { count: places.length })} active={active} onActive={setActive} pointScale={narrow ? 1.45 : 1} tooltip zoomable />
          </div>
          <ul class="legend map-legend" aria-label={t('common.legend')}>
            {colour === 'year'
              ? years.map((y) => (
                  <li key={String(y)}>
                    <svg width="14" height="14" aria-hidden="true">
                      <circle cx="7" cy="7" r="6" fill={yearColour(y)} />
                    </svg>
                    {yearName(y)}
                  </li>
                ))
              : ['operational', 'under_construction', 'planned', 'suspended'].map((s) => (
                  <li key={s}>
                    <span class={`swatch st-${s}`} aria-hidden="true" />
                    {lookOf(s).label}
                  </li>
                ))}
            <li>
              <svg width="34" height="18" aria-hidden="true">
                <circle cx="6" cy="10" r="4.4" fill="#999" />
                <circle cx="24" cy="9" r="8.5" fill="#999" />
              </svg>
              {t('map.legendSize')}
            </li>
            <li>
              <svg width="18" height="18" aria-hidden="true">
                <circle cx="9" cy="9" r="5" fill="#999" />
                <circle cx="9" cy="9" r="7.5" fill="none" stroke="#333" stroke-width="1" />
              </svg>
              {t('map.legendRing')}
            </li>
            {showUnreached ? (
              <li>
                <svg width="14" height="14" aria-hidden="true">
                  <circle cx="7" cy="7" r="4" fill="#fff" stroke="#777" />
                </svg>
                {t('map.legendUnreached')}
              </li>
            ) : null}
          </ul>
          <EmbedButton embeds={[{ name: 'map', query: filterParams(filters).toString(), title: t('embed.whatMap') }]} />
          <details class="map-list">
            <summary>{t('map.list', { count: places.length })}</summary>
            <ul class="locality-list">
              {places
                .sort((a, b) => placeName(a.name, a.hangul).localeCompare(placeName(b.name, b.hangul)))
                .map((p) => (
                  <li key={p.id}>
                    <PlaceName name={p.name} hangul={p.hangul} href={`/localities/${encodeURIComponent(p.id)}`} />{' '}
                    <span class="hint">
                      {provinceName(p.province, p.provinceId)} · {p.projects.map((x) => `${yearName(x.year)}: ${x.kinds.map(kindLabel).join(', ')}`).join('; ')}
                    </span>
                  </li>
                ))}
            </ul>
          </details>
        </section>
      </div>
    </div>
  )
}
