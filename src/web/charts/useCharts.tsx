/**
 * @module The four charts of the tracker as data for ChartCard: each one's numbers read from the
 * API, its takeaway computed from them, its labels in the reader's language, its drawing, CSV,
 * table and link. Read by the charts page and by the chart embeds (/embed/chart/<name>).
 */
import { fmtDate, num, pct } from '../format.ts'
import { locale, t, useLanguage } from '../i18n/i18n.ts'
import type { ApiError } from '../api.ts'
import type { Coverage, EventItem, Health, List, Progress, Project, Projection } from '../types.ts'
import { useApi } from '../useApi.ts'
import { provinceName } from '../useProvinces.ts'
import { usePublicUrl } from '../embed/usePublicUrl.ts'
import type { ChartCardProps } from './ChartCard.tsx'
import {
  busiestMonth,
  coverageRows,
  cumulativeFacts,
  cumulativeRows,
  durationRows,
  median,
  openingsByMonth,
  openingTypes,
  toCsv,
  type DurationRow,
  type Durations,
} from './chartData.ts'
import { colours, coveragePlot, cumulativePlot, durationsPlot, openingsPlot } from './plots.ts'

/** The charts, in the order of the page; their names are the anchors (/charts#openings) and the embeds' (/embed/chart/openings). */
export const chartNames = ['progress', 'openings', 'durations', 'coverage'] as const
export type ChartName = (typeof chartNames)[number]

const openingsPath = `/api/events?program=20x10&type=${openingTypes.join(',')}&limit=1000`

function Swatch({ colour, dash, wide }: { colour: string; dash?: string; wide?: boolean }) {
  return (
    <svg width="28" height="12" aria-hidden="true">
      <line x1="1" y1="6" x2="27" y2="6" stroke={colour} stroke-width={wide ? 7 : 2.5} stroke-opacity={wide ? 0.35 : 1} stroke-dasharray={dash} />
    </svg>
  )
}

function Box({ colour }: { colour: string }) {
  return (
    <svg width="14" height="12" aria-hidden="true">
      <rect x="0" y="0" width="14" height="12" fill={colour} />
    </svg>
  )
}

export function useCharts(): { error: ApiError | undefined; charts: ChartCardProps[] | null } {
  const lang = useLanguage()
  const progress = useApi<Progress>('/api/stats/progress')
  const projection = useApi<Projection>('/api/stats/projection')
  const durations = useApi<Durations>('/api/stats/durations')
  const coverage = useApi<Coverage>('/api/stats/coverage')
  const openings = useApi<List<EventItem>>(openingsPath)
  const projects = useApi<List<Project>>('/api/projects?limit=1000')
  const latest = useApi<List<EventItem>>('/api/events?sort=-date&limit=1')
  const health = useApi<Health>('/api/health')
  const base = usePublicUrl()

  const error = progress.error ?? projection.error ?? durations.error ?? coverage.error ?? openings.error ?? projects.error
  const ready = progress.data && projection.data && durations.data && coverage.data && openings.data && projects.data && base !== undefined
  if (error || !ready) return { error, charts: null }

  const today = new Date().toISOString().slice(0, 10)
  const asOf = progress.data!.as_of ?? today
  const latestDate = latest.data?.items[0]?.date
  const version = health.data?.data_version ?? '…'
  const source = latestDate ? t('charts.source', { version, date: fmtDate(asOf), latest: fmtDate(latestDate) }) : t('charts.sourceNoEvent', { version, date: fmtDate(asOf) })
  const query = lang === 'en' ? '' : `?lang=${lang}`
  const link = (id: string) => `${base}/charts${query}#${id}`
  const key = (...parts: unknown[]) => `${lang}:${health.data?.data_version ?? ''}:${parts.join(':')}`
  const yearTick = (year: number) => t('charts.yearTick', { year })
  const monthFormat = new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const monthTick = (m: string) => monthFormat.format(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)))

  /* 1. Cumulative localities against the target line, with the projection. */
  const cum = cumulativeRows(progress.data!, projection.data!)
  const facts = cumulativeFacts(cum, projection.data!)
  const perYear = progress.data!.target_per_year
  const cumTakeaway = !facts
    ? t('charts.empty')
    : t(facts.pace === null || facts.projectedYear === null ? 'charts.progress.takeawayNoPace' : facts.onTrack ? 'charts.progress.takeawayOnTrack' : 'charts.progress.takeawayLate', {
        counted: num(facts.counted),
        year: facts.year,
        target: num(facts.targetThen),
        perYear: num(perYear),
        pace: num(facts.pace ?? 0),
        total: num(facts.total),
        projected: facts.projectedYear,
        end: facts.endYear,
      })

  /* 2. Openings per month. */
  const months = openingsByMonth(openings.data!.items)
  const top = busiestMonth(months.rows)
  const openTakeaway = !top
    ? t('charts.openings.none')
    : t(months.yearOnly > 0 ? 'charts.openings.takeawayYearOnly' : 'charts.openings.takeaway', { total: num(months.total), month: fmtDate(top.month), busiest: num(top.openings), yearOnly: num(months.yearOnly) })

  /* 3. Days from groundbreaking to opening. */
  const dur = durationRows(durations.data!, projects.data!.items)
  const place = (r: DurationRow) => (lang === 'ko' && r.hangul ? r.hangul : r.name)
  const mid = median(dur.rows.map((r) => r.days))
  const first = dur.rows[0]
  const last = dur.rows.at(-1)
  const durTakeaway =
    !first || !last || mid === null
      ? t('charts.durations.none')
      : t(dur.monthOnly > 0 ? 'charts.durations.takeawayMonthOnly' : 'charts.durations.takeaway', {
          median: num(mid),
          n: num(dur.rows.length),
          min: num(first.days),
          fastest: place(first),
          max: num(last.days),
          slowest: place(last),
          monthOnly: num(dur.monthOnly),
        })

  /* 4. Coverage by province. */
  const cov = coverageRows(coverage.data!)
  const province = (r: { name: string; province_id: string }) => provinceName(r.name, r.province_id)
  const best = cov[0]
  const worst = cov.at(-1)
  const covTakeaway =
    !best || !worst
      ? t('charts.empty')
      : t('charts.coverage.takeaway', {
          reached: num(coverage.data!.reached),
          localities: num(coverage.data!.localities),
          best: province(best),
          bestShare: pct(best.share),
          worst: province(worst),
          worstShare: pct(worst.share),
        })

  const titles: Record<ChartName, string> = {
    progress: t('charts.progress.title'),
    openings: t('charts.openings.title'),
    durations: t('charts.durations.title'),
    coverage: t('charts.coverage.title'),
  }
  const charts: ChartCardProps[] = [
    {
      id: 'progress',
      title: titles.progress,
      takeaway: cumTakeaway,
      describe: t('charts.progress.describe', { first: cum[0]?.year, last: cum.at(-1)?.year }),
      source,
      link: link('progress'),
      date: asOf,
      drawKey: key(JSON.stringify(cum)),
      draw: (width) => cumulativePlot(cum, { width, axis: { x: t('charts.progress.x'), y: t('charts.progress.y') }, yearTick, ariaLabel: t('charts.progress.title') }),
      legend: (
        <ul class="legend chart-legend" aria-label={t('charts.legend')}>
          <li>
            <Swatch colour={colours.accent} />
            {t('charts.progress.counted')}
          </li>
          <li>
            <Swatch colour={colours.target} wide />
            {t('charts.progress.target', { perYear: num(perYear) })}
          </li>
          <li>
            <Swatch colour={colours.uc} dash="6 4" />
            {t('charts.progress.projected')}
          </li>
        </ul>
      ),
      csv: () =>
        toCsv(
          ['year', 'target_cumulative', 'counted_cumulative', 'projected_cumulative'],
          cum.map((r) => [r.year, r.target, r.counted, r.projected]),
        ),
      table: {
        header: [t('charts.progress.colYear'), t('charts.progress.colTarget'), t('charts.progress.colCounted'), t('charts.progress.colProjected')],
        rows: cum.map((r) => [r.year, num(r.target), r.counted === null ? '—' : num(r.counted), r.projected === null ? '—' : num(r.projected)]),
        numeric: [1, 2, 3],
      },
    },
    {
      id: 'openings',
      title: titles.openings,
      takeaway: openTakeaway,
      describe: t('charts.openings.describe', { from: fmtDate(months.rows[0]?.month), to: fmtDate(months.rows.at(-1)?.month) }),
      source,
      link: link('openings'),
      date: asOf,
      drawKey: key(JSON.stringify(months.rows)),
      draw: (width) => openingsPlot(months.rows, { width, axis: { x: t('charts.openings.x'), y: t('charts.openings.y') }, monthTick, ariaLabel: t('charts.openings.title') }),
      csv: () => toCsv(['month', 'openings'], months.rows.map((r) => [r.month, r.openings])),
      table: { header: [t('charts.openings.colMonth'), t('charts.openings.colOpenings')], rows: months.rows.map((r) => [fmtDate(r.month), num(r.openings)]), numeric: [1] },
    },
    {
      id: 'durations',
      title: titles.durations,
      takeaway: durTakeaway,
      describe: t('charts.durations.describe'),
      source,
      link: link('durations'),
      date: asOf,
      drawKey: key(JSON.stringify(dur.rows)),
      draw: (width) =>
        durationsPlot(dur.rows, { width, axis: { x: t('charts.durations.x') }, label: place, median: mid, medianLabel: t('charts.durations.median', { days: num(mid ?? 0) }), ariaLabel: t('charts.durations.title') }),
      csv: () =>
        toCsv(
          ['project_id', 'locality', 'locality_hangul', 'policy_year', 'groundbreaking', 'opened', 'days'],
          dur.rows.map((r) => [r.project_id, r.name, r.hangul, r.year, r.groundbreaking, r.opened, r.days]),
        ),
      table: {
        header: [t('charts.durations.colLocality'), t('charts.durations.colYear'), t('charts.durations.colGroundbreaking'), t('charts.durations.colOpened'), t('charts.durations.colDays')],
        rows: dur.rows.map((r) => [place(r), r.year ?? '—', fmtDate(r.groundbreaking), fmtDate(r.opened), num(r.days)]),
        numeric: [4],
      },
    },
    {
      id: 'coverage',
      title: titles.coverage,
      takeaway: covTakeaway,
      describe: t('charts.coverage.describe'),
      source,
      link: link('coverage'),
      date: asOf,
      drawKey: key(JSON.stringify(cov)),
      draw: (width) =>
        coveragePlot(cov, { width, axis: { x: t('charts.coverage.x') }, name: province, reachedLabel: t('charts.coverage.reached'), waitingLabel: t('charts.coverage.waiting'), ariaLabel: t('charts.coverage.title') }),
      legend: (
        <ul class="legend chart-legend" aria-label={t('charts.legend')}>
          <li>
            <Box colour={colours.accent} />
            {t('charts.coverage.reached')}
          </li>
          <li>
            <Box colour={colours.empty} />
            {t('charts.coverage.waiting')}
          </li>
        </ul>
      ),
      csv: () =>
        toCsv(
          ['province_id', 'province', 'localities', 'reached', 'not_yet_reached', 'share_reached'],
          cov.map((r) => [r.province_id, r.name, r.localities, r.reached, r.waiting, r.share]),
        ),
      table: {
        header: [t('charts.coverage.colProvince'), t('charts.coverage.colLocalities'), t('charts.coverage.colReached'), t('charts.coverage.colWaiting'), t('charts.coverage.colShare')],
        rows: cov.map((r) => [province(r), num(r.localities), num(r.reached), num(r.waiting), pct(r.share)]),
        numeric: [1, 2, 3, 4],
      },
    },
  ]
  return { error: undefined, charts }
}
