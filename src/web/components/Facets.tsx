/**
 * @module The filter panel of the explorer and the map: search across every name form, and
 * facets (year, province, kind, status, counted) with counts from the API. Each facet value is
 * a link to the filtered view, so the state stays in the URL and works without scripts' help.
 */
import { useEffect, useState } from 'preact/hooks'
import { fmtDate, kindLabel, statusLabel } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { emptyFilters, hasFilter, hrefWith, toggled, type Filters, type ListKey } from '../filters.ts'
import { navigate } from '../router.ts'
import { lookOf } from '../status.ts'
import { useMedia } from '../useMedia.ts'

export type FacetCounts = Record<string, Record<string, number>>

interface Props {
  path: string
  filters: Filters
  /** Counts per facet; for a facet with a selection, counts as if that facet were not filtered. */
  counts: FacetCounts | undefined
  provinceNames: Record<string, string>
  /** Page-only parameters kept when the filter changes (sort, colour…); paging restarts. */
  keep?: Record<string, string | undefined>
}

const facetTitles: Record<string, () => string> = {
  year: () => t('facets.year'),
  status: () => t('field.status'),
  kind: () => t('facets.kind'),
  province: () => t('field.province'),
  counted: () => t('field.counted'),
}

function valueLabel(facet: string, value: string, provinceNames: Record<string, string>): string {
  if (facet === 'year') return value === 'pilot' ? t('facets.pilot') : value
  if (facet === 'kind') return kindLabel(value)
  if (facet === 'status') return statusLabel(value)
  if (facet === 'province') return provinceNames[value] ?? value
  if (facet === 'counted') return value === 'true' ? t('facets.counted') : t('facets.notCounted')
  return value
}

function order(facet: string, entries: [string, number][], provinceNames: Record<string, string>): [string, number][] {
  if (facet === 'year') return entries.sort(([a], [b]) => (a === 'pilot' ? -1 : b === 'pilot' ? 1 : a.localeCompare(b)))
  if (facet === 'province') return entries.sort(([a], [b]) => (provinceNames[a] ?? a).localeCompare(provinceNames[b] ?? b))
  if (facet === 'counted') return entries.sort(([a]) => (a === 'true' ? -1 : 1))
  return entries.sort(([, a], [, b]) => b - a)
}

export function Facets({ path, filters, counts, provinceNames, keep = {} }: Props) {
  const [q, setQ] = useState(filters.q)
  useEffect(() => setQ(filters.q), [filters.q])
  useEffect(() => {
    if (q.trim() === filters.q) return
    const timer = setTimeout(() => navigate(hrefWith(path, { ...filters, q: q.trim() }, keep), { replace: true }), 250)
    return () => clearTimeout(timer)
  }, [q])

  const facetNames = ['year', 'status', 'kind', 'province', 'counted'] as const
  const wide = useMedia('(min-width: 761px)')
  const active = filters.year.length + filters.province.length + filters.kind.length + filters.status.length + (filters.counted ? 1 : 0) + (filters.as_of ? 1 : 0)
  return (
    <aside class="facets" aria-label={t('facets.label')}>
      <details open={wide || undefined} class="facets-toggle" key={wide ? 'wide' : 'narrow'}>
        <summary>
          {active > 0 ? t('facets.summaryActive', { count: active }) : t('facets.summary')}
          {filters.q ? ` · “${filters.q}”` : ''}
        </summary>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          navigate(hrefWith(path, { ...filters, q: q.trim() }, keep))
        }}
      >
        <label for="facet-q">{t('facets.search')}</label>
        <input id="facet-q" type="search" value={q} placeholder={t('facets.placeholder')} autocomplete="off" onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      </form>
      {hasFilter(filters) ? (
        <p class="facet-clear">
          <a href={hrefWith(path, emptyFilters(), keep)}>{t('facets.clear')}</a>
        </p>
      ) : null}
      {facetNames.map((facet) => {
        const values = { ...(counts?.[facet] ?? {}) }
        const selected: string[] = facet === 'counted' ? (filters.counted ? [filters.counted] : []) : filters[facet]
        for (const s of selected) if (!(s in values)) values[s] = 0
        const entries = order(facet, Object.entries(values).filter(([v]) => v !== 'null' || facet !== 'status'), provinceNames)
        if (entries.length === 0) return null
        return (
          <fieldset class="facet" key={facet}>
            <legend>{facetTitles[facet]!()}</legend>
            <ul>
              {entries.map(([value, n]) => {
                const on = selected.includes(value)
                const next: Filters =
                  facet === 'counted' ? { ...filters, counted: on ? '' : (value as 'true' | 'false') } : toggled(filters, facet as ListKey, value)
                return (
                  <li key={value}>
                    <a class={`facet-value${on ? ' on' : ''}`} href={hrefWith(path, next, keep)} aria-current={on ? 'true' : undefined} data-facet={facet} data-value={value}>
                      <span class="facet-check" aria-hidden="true">
                        {on ? '☑' : '☐'}
                      </span>
                      {facet === 'status' ? <span class={`swatch st-${lookOf(value).key}`} aria-hidden="true" /> : null}
                      <span class="facet-label">{valueLabel(facet, value, provinceNames)}</span>
                      <span class="facet-count">{n}</span>
                    </a>
                  </li>
                )
              })}
            </ul>
          </fieldset>
        )
      })}
      <form
        class="facet as-of"
        onSubmit={(e) => {
          e.preventDefault()
          const value = ((e.currentTarget as HTMLFormElement).elements.namedItem('as_of') as HTMLInputElement).value
          navigate(hrefWith(path, { ...filters, as_of: value }, keep))
        }}
      >
        <label for="facet-asof">{t('facets.asOf')}</label>
        <div class="row">
          <input id="facet-asof" name="as_of" type="date" value={filters.as_of} />
          <button type="submit">{t('facets.apply')}</button>
        </div>
        {filters.as_of ? (
          <p class="hint">
            {t('facets.asOfNote', { date: fmtDate(filters.as_of) })} <a href={hrefWith(path, { ...filters, as_of: '' }, keep)}>{t('facets.today')}</a>
          </p>
        ) : null}
      </form>
      </details>
    </aside>
  )
}
