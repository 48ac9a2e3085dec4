/** @module /embed/chart/<name>: one chart of the charts page in a frame — title, takeaway, the figure, its source line and table, and the credit line linking to the chart on the full page. */
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { Credit } from '../embed/Credit.tsx'
import { fullPageOf } from '../embed/embeds.ts'
import { t } from '../i18n/i18n.ts'
import { useTitle } from '../useTitle.ts'
import { ChartCard } from './ChartCard.tsx'
import './charts.css'
import { useCharts } from './useCharts.tsx'

export default function EmbedChart({ id }: { id: string }) {
  const { error, charts } = useCharts()
  const chart = charts?.find((c) => c.id === id)
  useTitle(chart?.title ?? t('nav.charts'))
  return (
    <>
      {error ? <ErrorNotice error={error} what="charts.what" /> : null}
      {!error && !charts ? <Loading what="charts.what" /> : null}
      {chart ? <ChartCard {...chart} embed /> : null}
      <Credit page={fullPageOf('chart', id)} />
    </>
  )
}
