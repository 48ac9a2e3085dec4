/**
 * @module The charts page (/charts): cumulative localities against the target line with the
 * projection, openings per month, days from groundbreaking to opening, coverage by province —
 * each with its takeaway computed from the data, its source line, downloads, a link to its
 * anchor (/charts#openings) and its data as a table. Loaded on demand with Observable Plot.
 */
import { useEffect, useRef } from 'preact/hooks'
import { ChartCard } from '../charts/ChartCard.tsx'
import '../charts/charts.css'
import { useCharts } from '../charts/useCharts.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { t } from '../i18n/i18n.ts'
import { useTitle } from '../useTitle.ts'

export default function ChartsPage() {
  useTitle(t('nav.charts'))
  const { error, charts } = useCharts()

  // A link to /charts#openings scrolls to its chart once the charts are drawn (they are not there when the page first loads).
  const scrolled = useRef(false)
  useEffect(() => {
    if (!charts || scrolled.current) return
    scrolled.current = true
    const id = decodeURIComponent(window.location.hash.slice(1))
    if (id) requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: 'start' }))
  }, [charts !== null])

  return (
    <div class="page charts-page" data-ready={charts ? 'true' : undefined}>
      <header class="page-head">
        <h1>{t('nav.charts')}</h1>
        <p class="lede">{t('charts.lede')}</p>
      </header>
      {error ? <ErrorNotice error={error} what="charts.what" /> : null}
      {!error && !charts ? <Loading what="charts.what" /> : null}
      {charts ? (
        <>
          <nav class="chips chart-contents" aria-label={t('charts.contents')}>
            {charts.map((c) => (
              <a class="chip" href={`#${c.id}`} key={c.id}>
                {c.title}
              </a>
            ))}
          </nav>
          {charts.map((c) => (
            <ChartCard {...c} key={c.id} />
          ))}
        </>
      ) : null}
    </div>
  )
}
