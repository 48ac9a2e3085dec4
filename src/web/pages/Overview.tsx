/**
 * @module The overview (/): how far the policy has got, in a minute — the headline figures, the
 * latest sourced events beside a small map of the localities, the 20×10 grid, the projection,
 * coverage by province and the latest changes.
 */
import { Changes } from '../components/Changes.tsx'
import { Grid, GridLegend } from '../components/Grid.tsx'
import { LatestEvents } from '../components/LatestEvents.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { ProjectionText } from '../components/ProjectionText.tsx'
import { ProvinceBars } from '../components/ProvinceBars.tsx'
import { EmbedButton } from '../embed/EmbedButton.tsx'
import { fmtDate, num, pct } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { lazy } from '../lazy.tsx'
import type { List, Progress, Project, Projection } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

const OverviewMap = lazy(() => import('../map/OverviewMap.tsx'), 'lazy.map')

export function Figure({ value, of, label, note }: { value: number | string; of?: number | string; label: string; note?: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <span class="figure-value">{typeof value === 'number' ? num(value) : value}</span>
        {of !== undefined ? <span class="figure-of"> / {of}</span> : null}
        {note ? <span class="figure-note">{note}</span> : null}
      </dd>
    </div>
  )
}

export function ProgressBar({ progress }: { progress: Progress }) {
  const { by_status: s, total_target: total } = progress.cumulative
  const w = (n: number) => `${(100 * n) / Math.max(1, total)}%`
  return (
    <div class="progress-bar" role="img" aria-label={t('overview.barLabel', { operational: s.operational, construction: s.under_construction, total })}>
      <span class="seg st-operational" style={{ width: w(s.operational) }} />
      <span class="seg st-under_construction" style={{ width: w(s.under_construction) }} />
      <span class="seg st-planned" style={{ width: w(s.planned) }} />
      <span class="seg st-suspended" style={{ width: w(s.suspended) }} />
    </div>
  )
}

export default function Overview() {
  useTitle(null)
  const progress = useApi<Progress>('/api/stats/progress')
  const projects = useApi<List<Project>>('/api/projects?limit=1000')
  const projection = useApi<Projection>('/api/stats/projection')
  const { provinces } = useProvinces()
  const error = progress.error ?? projects.error
  const p = progress.data
  const currentYear = new Date().getFullYear()
  const thisYear = p?.years.find((y) => y.year === currentYear) ?? p?.years.filter((y) => y.counted > 0).at(-1)
  const yearIndex = p && thisYear ? p.years.indexOf(thisYear) + 1 : 0
  const extras = p ? p.years.reduce((n, y) => n + y.extra.length, 0) : 0

  return (
    <div class="page overview">
      <header class="page-head">
        <h1>{t('overview.title')}</h1>
        <p class="lede">
          <Trans k="overview.lede" parts={[(text) => <strong>{text}</strong>]} />
        </p>
      </header>
      {error ? <ErrorNotice error={error} what="what.figures" /> : null}
      {!p && !error ? <Loading what="what.figures" /> : null}
      {p ? (
        <section class="headline" aria-labelledby="headline-title" data-testid="headline">
          <h2 id="headline-title" class="visually-hidden">
            {t('overview.headline')}
          </h2>
          <p class="summary">
            <Trans
              k={p.cumulative.by_status.planned ? 'overview.summaryPlanned' : 'overview.summary'}
              values={{
                counted: p.cumulative.counted,
                target: p.total_target,
                share: pct(p.cumulative.share_of_total),
                operational: p.cumulative.by_status.operational,
                construction: p.cumulative.by_status.under_construction,
                planned: p.cumulative.by_status.planned,
                reached: p.provinces_reached,
                provinces: provinces?.length ?? 13,
              }}
              parts={[(text) => <strong>{text}</strong>, (text) => <strong>{text}</strong>, (text) => <strong>{text}</strong>]}
            />
            {thisYear ? ' ' + t('overview.thisYear', { year: thisYear.year, index: yearIndex, years: p.years.length, counted: thisYear.counted, target: thisYear.target }) : ''}
          </p>
          <ProgressBar progress={p} />
          <p class="hint as-of">
            {t('overview.asOf', { date: fmtDate(p.as_of ?? new Date().toISOString().slice(0, 10)) })} <a href="/about">{t('overview.howCounted')}</a>
          </p>
          <dl class="figures">
            <Figure label={t('overview.figStarted')} value={p.cumulative.counted} of={p.total_target} note={t('overview.figTargetToDate', { n: p.cumulative.target_to_date })} />
            <Figure label={t('status.operational')} value={p.cumulative.by_status.operational} />
            <Figure label={t('status.under_construction')} value={p.cumulative.by_status.under_construction} />
            <Figure label={t('overview.figProvinces')} value={p.provinces_reached} of={provinces?.length ?? 13} />
            {thisYear ? <Figure label={t('overview.figThisYear', { year: thisYear.year })} value={thisYear.counted} of={thisYear.target} /> : null}
          </dl>
        </section>
      ) : null}
      <div class="where-who">
        <LatestEvents />
        <section class="where" aria-labelledby="where-title">
          <h2 id="where-title">{t('overview.whereTitle')}</h2>
          {projects.data ? <OverviewMap projects={projects.data.items} /> : <Loading what="what.map" />}
          <p class="more-links">
            <a href="/map">{t('overview.whereMore')}</a>
          </p>
        </section>
      </div>
      {p && projects.data ? (
        <section class="grid-section" aria-labelledby="grid-title">
          <h2 id="grid-title">{t('overview.gridTitle')}</h2>
          <p class="section-note">{t('overview.gridNote', { perYear: p.target_per_year, extras })}</p>
          <GridLegend />
          <Grid progress={p} projects={projects.data.items} currentYear={currentYear} />
          <EmbedButton embeds={[{ name: 'progress', title: t('embed.whatProgress') }, { name: 'grid', title: t('embed.whatGrid') }]} />
        </section>
      ) : null}
      <div class="two-col">
        {projection.data ? (
          <section aria-labelledby="projection-title">
            <h2 id="projection-title">{t('overview.projectionTitle', { total: projection.data.total_target, year: projection.data.end_year })}</h2>
            <ProjectionText projection={projection.data} />
          </section>
        ) : null}
        {provinces ? (
          <section aria-labelledby="provinces-title">
            <h2 id="provinces-title">{t('overview.coverage')}</h2>
            <ProvinceBars provinces={provinces} />
          </section>
        ) : null}
      </div>
      <Changes />
      <p class="more-links">
        {t('overview.further')} <a href="/map">{t('overview.furtherMap')}</a> · <a href="/timeline">{t('overview.furtherTimeline')}</a> · <a href="/projects">{t('overview.furtherProjects')}</a> ·{' '}
        <a href="/about">{t('overview.furtherAbout')}</a>
      </p>
    </div>
  )
}
