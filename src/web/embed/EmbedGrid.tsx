/** @module /embed/grid: the 20×10 grid of the overview — a row per policy year, a square per counted locality — with its legend and credit line. */
import { Grid, GridLegend } from '../components/Grid.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { t } from '../i18n/i18n.ts'
import type { List, Progress, Project } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import { Credit } from './Credit.tsx'
import { fullPageOf } from './embeds.ts'

export function EmbedGrid() {
  useTitle(t('overview.gridTitle'))
  const progress = useApi<Progress>('/api/stats/progress')
  const projects = useApi<List<Project>>('/api/projects?limit=1000')
  const error = progress.error ?? projects.error
  const p = progress.data
  return (
    <>
      <h1 class="embed-title">{t('overview.gridTitle')}</h1>
      {error ? <ErrorNotice error={error} what="what.figures" /> : null}
      {(!p || !projects.data) && !error ? <Loading what="what.figures" /> : null}
      {p && projects.data ? (
        <section class="embed-figure" data-testid="embed-data">
          <Grid progress={p} projects={projects.data.items} currentYear={new Date().getFullYear()} />
          <GridLegend />
        </section>
      ) : null}
      <Credit page={fullPageOf('grid')} asOf={p?.as_of} />
    </>
  )
}
