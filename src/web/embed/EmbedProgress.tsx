/** @module /embed/progress: the overview's headline — localities started against the target, by status — as a small figure with its credit line. */
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { pct } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { Figure, ProgressBar } from '../pages/Overview.tsx'
import type { Progress } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'
import { Credit } from './Credit.tsx'
import { fullPageOf } from './embeds.ts'

export function EmbedProgress() {
  useTitle(t('embed.progressTitle'))
  const progress = useApi<Progress>('/api/stats/progress')
  const { provinces } = useProvinces()
  const p = progress.data
  const currentYear = new Date().getFullYear()
  const thisYear = p?.years.find((y) => y.year === currentYear) ?? p?.years.filter((y) => y.counted > 0).at(-1)
  return (
    <>
      <h1 class="embed-title">{t('embed.progressTitle')}</h1>
      {progress.error ? <ErrorNotice error={progress.error} what="what.figures" /> : null}
      {!p && !progress.error ? <Loading what="what.figures" /> : null}
      {p ? (
        <section class="embed-figure" data-testid="embed-data">
          <p class="embed-takeaway">{t('embed.progressTakeaway', { counted: p.cumulative.counted, target: p.total_target, share: pct(p.cumulative.share_of_total), operational: p.cumulative.by_status.operational })}</p>
          <ProgressBar progress={p} />
          <dl class="figures">
            <Figure label={t('overview.figStarted')} value={p.cumulative.counted} of={p.total_target} />
            <Figure label={t('status.operational')} value={p.cumulative.by_status.operational} />
            <Figure label={t('status.under_construction')} value={p.cumulative.by_status.under_construction} />
            <Figure label={t('overview.figProvinces')} value={p.provinces_reached} of={provinces?.length ?? 13} />
            {thisYear ? <Figure label={t('overview.figThisYear', { year: thisYear.year })} value={thisYear.counted} of={thisYear.target} /> : null}
          </dl>
        </section>
      ) : null}
      <Credit page={fullPageOf('progress')} asOf={p?.as_of} />
    </>
  )
}
