/**
 * @module /embed/timeline: one policy year of the timeline page's chart (?year=2025; by default
 * the latest year with projects) — a bar per project from groundbreaking to opening, events as
 * marks — drawn by the timeline page's own YearChart, with the credit line.
 */
import { apiPath } from '../api.ts'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { t } from '../i18n/i18n.ts'
import { byStart, ms, spanOf, YearChart } from '../components/YearChart.tsx'
import type { EventItem, List, Project } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import { useToday } from '../useToday.ts'
import { useWidth } from '../useWidth.ts'
import { Credit } from './Credit.tsx'
import { fullPageOf } from './embeds.ts'

export default function EmbedTimeline() {
  const asked = Number(new URLSearchParams(window.location.search).get('year'))
  const allYears = useApi<List<Project>>('/api/projects?limit=1&facets=year')
  const years = Object.keys(allYears.data?.facets?.year ?? {}).filter((y) => y !== 'pilot').map(Number).sort()
  const year = years.includes(asked) ? asked : years.at(-1)
  const projects = useApi<List<Project>>(year ? apiPath('/api/projects', { year, limit: 1000 }) : null)
  const events = useApi<List<EventItem>>(year ? apiPath('/api/events', { year, limit: 1000 }) : null)
  const [ref, width] = useWidth<HTMLDivElement>(400)
  const items = (projects.data?.items ?? []).filter((p) => p.year !== null)
  useTitle(`${t('nav.timeline')} ${year ?? ''}`.trim())
  const error = allYears.error ?? projects.error ?? events.error
  const byProject = new Map<string, EventItem[]>()
  for (const e of events.data?.items ?? []) if (e.project_id) byProject.set(e.project_id, [...(byProject.get(e.project_id) ?? []), e])
  const rows = items.filter((p) => p.year === year).sort(byStart)
  const dates = rows.flatMap((p) => (byProject.get(p.id) ?? []).map((e) => e.date))
  const today = useToday()
  const { from, to } = spanOf(year ? [year] : [], dates, today ? ms(today) : Date.now())
  const counted = rows.filter((p) => p.counted).length
  return (
    <>
      <h1 class="embed-title">
        {t('nav.timeline')} {year ?? ''}{' '}
        {year ? <span class="h2-note">{rows.length > counted ? t('timeline.countedExtra', { counted, extra: rows.length - counted }) : t('timeline.counted', { counted })}</span> : null}
      </h1>
      {error ? <ErrorNotice error={error} what="what.timeline" /> : null}
      <div ref={ref} class="timeline embed-figure" data-testid={projects.data && events.data && today ? 'embed-data' : undefined}>
        {!projects.data || !events.data || !today ? error ? null : <Loading what="what.timeline" /> : rows.length === 0 ? <p class="empty">{t('timeline.none')}</p> : <YearChart year={String(year)} projects={rows} events={byProject} width={width} from={from} to={to} today={today} />}
      </div>
      <Credit page={year ? `${fullPageOf('timeline')}?year=${year}` : fullPageOf('timeline')} />
    </>
  )
}
