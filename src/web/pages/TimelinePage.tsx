/**
 * @module The timeline (/timeline): per policy year, each project as a bar from groundbreaking to
 * opening (Gantt-like), leader visits and other events as marks, drawn by YearChart. It has the
 * explorer's filters (the same panel, the same query string), so a view of the table, the map and
 * the timeline share one URL state.
 */
import { apiPath } from '../api.ts'
import { Facets, type FacetCounts } from '../components/Facets.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { SearchNote } from '../components/SearchNote.tsx'
import { byStart, ms, spanOf, startOf, YearChart } from '../components/YearChart.tsx'
import { fmtDate } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { emptyFilters, eventParams, hasFilter, hrefWith, readFilters } from '../filters.ts'
import { EmbedButton } from '../embed/EmbedButton.tsx'
import { useLocation } from '../router.ts'
import type { EventItem, List, Project } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProjects } from '../useProjects.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'
import { useToday } from '../useToday.ts'
import { useWidth } from '../useWidth.ts'
import './TimelinePage.css'

const withLimit = (p: URLSearchParams) => {
  p.set('limit', '1000')
  return p
}

/** The timeline has no place for the pilot (it has no policy year): its facet leaves it out. */
function withoutPilot(counts: FacetCounts | undefined): FacetCounts | undefined {
  if (!counts?.year) return counts
  const { pilot: _pilot, ...year } = counts.year
  return { ...counts, year }
}

export default function TimelinePage() {
  useTitle(t('nav.timeline'))
  const loc = useLocation()
  const filters = readFilters(loc.search)
  const view = useProjects(filters, { limit: 1000, offset: 0 })
  const events = useApi<List<EventItem>>(apiPath('/api/events', withLimit(eventParams(filters))))
  const allYears = useApi<List<Project>>('/api/projects?limit=1&facets=year')
  const { names } = useProvinces()
  const clock = useToday()
  const [ref, width] = useWidth<HTMLDivElement>()

  // A past view ("as of") ends where its record ended: bars still open run to that day, not today.
  const today = filters.as_of || clock
  const error = view.error ?? events.error
  const items = (view.data?.items ?? []).filter((p) => p.year !== null)
  const byProject = new Map<string, EventItem[]>()
  for (const e of events.data?.items ?? []) {
    if (!e.project_id || (filters.as_of && startOf(e.date) > ms(filters.as_of))) continue
    byProject.set(e.project_id, [...(byProject.get(e.project_id) ?? []), e])
  }
  const dates = items.flatMap((p) => (byProject.get(p.id) ?? []).map((e) => e.date))
  const { from, to } = spanOf(
    items.map((p) => p.year!),
    dates,
    today ? ms(today) : Date.now(),
  )
  const years = [...new Set(items.map((p) => p.year!))].sort()
  const total = Object.entries(allYears.data?.facets?.year ?? {}).reduce((n, [y, c]) => (y === 'pilot' ? n : n + c), 0)
  const filtered = hasFilter(filters)
  const ready = view.data && events.data && today

  return (
    <div class="page timeline-page">
      <header class="page-head">
        <h1>{t('nav.timeline')}</h1>
        <p class="lede">{t('timeline.lede')}</p>
      </header>
      <div class="with-facets">
        <Facets path="/timeline" filters={filters} counts={withoutPilot(view.counts)} provinceNames={names} />
        <section class="results" aria-labelledby="tl-results">
          <div class="results-head">
            <h2 id="tl-results" class="tl-count" aria-live="polite" data-testid="timeline-count">
              {view.data && allYears.data ? (filtered ? t('timeline.shown', { shown: items.length, total }) : t('timeline.all', { total })) : t('nav.timeline')}
            </h2>
            {filtered ? (
              <p class="view-links">
                <a href={hrefWith('/timeline', emptyFilters())} data-testid="timeline-reset">
                  {t('timeline.reset')}
                </a>
              </p>
            ) : null}
          </div>
          <SearchNote resolved={view.data?.resolved} />
          <ul class="legend tl-legend" aria-label={t('common.legend')}>
            <LegendBar class="tl-bar st-operational" label={t('timeline.legendBar')} />
            <LegendBar class="tl-bar st-under_construction open" label={t('timeline.legendOpen')} />
            <LegendBar class="tl-range st-operational" label={t('timeline.legendRange')} />
            <LegendBar class="tl-bar st-operational unknown-end" label={t('timeline.legendUnknownEnd')} />
            <li>
              <svg width="12" height="12" aria-hidden="true" class="tl-mark leader">
                <path d="M6,1 l4,5 l-4,5 l-4,-5 z" />
              </svg>
              {t('timeline.legendLeader')}
            </li>
            <li>
              <svg width="10" height="10" aria-hidden="true" class="tl-mark other">
                <circle cx="5" cy="5" r="2.5" />
              </svg>
              {t('timeline.legendOther')}
            </li>
          </ul>
          {error ? <ErrorNotice error={error} what="what.timeline" /> : null}
          <div ref={ref} class="timeline">
            {!ready ? (
              error ? null : <Loading what="what.timeline" />
            ) : items.length === 0 ? (
              <p class="empty">
                {t('timeline.none')} <a href={hrefWith('/timeline', emptyFilters())}>{t('timeline.reset')}</a>
              </p>
            ) : (
              years.map((y) => {
                const rows = items.filter((p) => p.year === y).sort(byStart)
                const counted = rows.filter((p) => p.counted).length
                return (
                  <section key={y} aria-labelledby={`tl-${y}`}>
                    <h3 id={`tl-${y}`}>
                      {y} <span class="h2-note">{rows.length > counted ? t('timeline.countedExtra', { counted, extra: rows.length - counted }) : t('timeline.counted', { counted })}</span>
                    </h3>
                    <YearChart year={String(y)} projects={rows} events={byProject} width={width} from={from} to={to} today={today!} todayLabel={filters.as_of ? t('timeline.asOf', { date: fmtDate(filters.as_of) }) : undefined} />
                  </section>
                )
              })
            )}
          </div>
          <p class="hint">
            {t('timeline.pilot')} <a href="/projects?year=pilot">{t('timeline.pilotLink')}</a>
          </p>
          <EmbedButton embeds={(filters.year.length === 1 && filters.year[0] !== 'pilot' ? filters.year : years.map(String).slice(-1)).map((y) => ({ name: 'timeline', query: `year=${y}`, title: t('embed.whatTimeline', { year: y }) }))} />
        </section>
      </div>
    </div>
  )
}

/** One legend entry: a bar drawn as the timeline draws it, and its meaning. */
function LegendBar(props: { class: string; label: string }) {
  return (
    <li>
      <svg width="30" height="12" aria-hidden="true">
        <rect x="0" y="1" width="30" height="10" class={props.class} />
      </svg>
      {props.label}
    </li>
  )
}
