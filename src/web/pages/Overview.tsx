/**
 * @module The overview (/): how far the policy has got, in a minute — the headline figures, the
 * 20×10 grid, the projection, coverage by province and the latest changes.
 */
import { Changes } from '../components/Changes.tsx'
import { Grid, GridLegend } from '../components/Grid.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { ProjectionText } from '../components/ProjectionText.tsx'
import { ProvinceBars } from '../components/ProvinceBars.tsx'
import { fmtDate, pct } from '../format.ts'
import type { List, Progress, Project, Projection } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

function Figure({ value, of, label, note }: { value: number | string; of?: number | string; label: string; note?: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <span class="figure-value">{value}</span>
        {of !== undefined ? <span class="figure-of"> / {of}</span> : null}
        {note ? <span class="figure-note">{note}</span> : null}
      </dd>
    </div>
  )
}

function ProgressBar({ progress }: { progress: Progress }) {
  const { by_status: s, total_target: total } = progress.cumulative
  const w = (n: number) => `${(100 * n) / Math.max(1, total)}%`
  return (
    <div class="progress-bar" role="img" aria-label={`${s.operational} operational and ${s.under_construction} under construction, of ${total}`}>
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
        <h1>How far has North Korea's 20×10 policy got?</h1>
        <p class="lede">
          Announced in January 2024, the Regional Development 20×10 Policy promises modern factories — and later hospitals and more — in <strong>20 cities and counties a year for ten years</strong>, 2024 to 2033: about 200 localities, nearly every county of the country.
        </p>
      </header>
      {error ? <ErrorNotice error={error} what="the figures" /> : null}
      {!p && !error ? <Loading what="the figures" /> : null}
      {p ? (
        <section class="headline" aria-labelledby="headline-title" data-testid="headline">
          <h2 id="headline-title" class="visually-hidden">
            Headline figures
          </h2>
          <p class="summary">
            So far <strong>{p.cumulative.counted} of {p.total_target}</strong> localities have been started ({pct(p.cumulative.share_of_total)}): <strong>{p.cumulative.by_status.operational} are operational</strong> and{' '}
            <strong>{p.cumulative.by_status.under_construction} under construction</strong>
            {p.cumulative.by_status.planned ? `, ${p.cumulative.by_status.planned} planned` : ''}, in {p.provinces_reached} of {provinces?.length ?? 13} provinces.
            {thisYear ? ` In ${thisYear.year}, year ${yearIndex} of ${p.years.length}, ${thisYear.counted} of ${thisYear.target} localities are known.` : ''}
          </p>
          <ProgressBar progress={p} />
          <p class="hint as-of">
            Figures as of {fmtDate(p.as_of ?? new Date().toISOString().slice(0, 10))}, from the sources listed on each project. <a href="/about">What is counted, and how</a>.
          </p>
          <dl class="figures">
            <Figure label="Localities started" value={p.cumulative.counted} of={p.total_target} note={`target to date ${p.cumulative.target_to_date}`} />
            <Figure label="Operational" value={p.cumulative.by_status.operational} />
            <Figure label="Under construction" value={p.cumulative.by_status.under_construction} />
            <Figure label="Provinces reached" value={p.provinces_reached} of={provinces?.length ?? 13} />
            {thisYear ? <Figure label={`This year (${thisYear.year})`} value={thisYear.counted} of={thisYear.target} /> : null}
          </dl>
        </section>
      ) : null}
      {p && projects.data ? (
        <section class="grid-section" aria-labelledby="grid-title">
          <h2 id="grid-title">The 20×10 grid</h2>
          <p class="section-note">
            Each square is one of the {p.target_per_year} localities a year that count toward the target, coloured by status and marked with its letter. Small squares with + beside a year are {extras} extra
            projects that do not count (offshore farms, a paper mill, an add-on). Select a square to open its project.
          </p>
          <GridLegend />
          <Grid progress={p} projects={projects.data.items} currentYear={currentYear} />
        </section>
      ) : null}
      <div class="two-col">
        {projection.data ? (
          <section aria-labelledby="projection-title">
            <h2 id="projection-title">Will 200 be reached by {projection.data.end_year}?</h2>
            <ProjectionText projection={projection.data} />
          </section>
        ) : null}
        {provinces ? (
          <section aria-labelledby="provinces-title">
            <h2 id="provinces-title">Coverage by province</h2>
            <ProvinceBars provinces={provinces} />
          </section>
        ) : null}
      </div>
      <Changes />
      <p class="more-links">
        Explore further: <a href="/map">the map</a> · <a href="/timeline">the timeline</a> · <a href="/projects">all projects</a> · <a href="/about">how this is counted</a>
      </p>
    </div>
  )
}
