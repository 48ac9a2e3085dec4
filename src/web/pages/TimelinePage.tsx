/**
 * @module The timeline (/timeline): per policy year, each project as a bar from groundbreaking to
 * opening (Gantt-like), leader visits and other events as marks. A date known only to the month
 * or the year is drawn as the range it may mean, never as a point.
 */
import { apiPath } from '../api.ts'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { eventLabel, fmtDate, placeBoth, placeName, yearName } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { apiParams, readFilters } from '../filters.ts'
import { EmbedButton } from '../embed/EmbedButton.tsx'
import { useLocation } from '../router.ts'
import { lookOf } from '../status.ts'
import type { EventItem, List, Project } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import { useWidth } from '../useWidth.ts'
import { rangeOf, today as todayOf } from '../../model/partialDate.ts'

const day = 86_400_000
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`)
export const startOf = (d: string) => ms(rangeOf(d).start)
const endOf = (d: string) => ms(rangeOf(d).end) + day

interface Scale {
  x: (t: number) => number
  from: number
  to: number
  left: number
  right: number
}

function Axis({ scale, height }: { scale: Scale; height: number }) {
  const ticks: { t: number; label: string; year: boolean }[] = []
  const first = new Date(scale.from)
  // Quarter labels ("Apr", "4월") only where a quarter is wide enough for one; else the years alone.
  const roomy = ((scale.right - scale.left) * 91 * day) / Math.max(1, scale.to - scale.from) >= 40
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
    const at = Date.UTC(y + Math.floor(m / 12), m % 12, 1)
    if (at > scale.to) break
    if (at < scale.from) continue
    const month = m % 12
    const label = month === 0 ? String(y + Math.floor(m / 12)) : month % 3 === 0 && roomy ? t(`timeline.month${month + 1}`) : ''
    ticks.push({ t: at, label: scale.x(at) > scale.right - (month === 0 ? 30 : 22) ? '' : label, year: month === 0 })
  }
  const now = Date.now()
  return (
    <g class="axis">
      {ticks.map((k) => (
        <g key={k.t}>
          <line x1={scale.x(k.t)} x2={scale.x(k.t)} y1={16} y2={height} class={k.year ? 'tick-year' : 'tick-month'} />
          {k.label ? (
            <text x={scale.x(k.t) + 2} y={12} class={k.year ? 'tick-label year' : 'tick-label'}>
              {k.label}
            </text>
          ) : null}
        </g>
      ))}
      {now >= scale.from && now <= scale.to ? (
        <g class="today">
          <line x1={scale.x(now)} x2={scale.x(now)} y1={16} y2={height} />
          <text x={scale.x(now) - 2} y={height - 2} text-anchor="end">
            {t('timeline.today')}
          </text>
        </g>
      ) : null}
    </g>
  )
}

const rowH = 20
const headH = 20

function Row({ p, events, y, scale, labelW, now }: { p: Project; events: EventItem[]; y: number; scale: Scale; labelW: number; now: number }) {
  const look = lookOf(p.status)
  const gb = p.dates.groundbreaking
  const fin = p.dates.finished
  const x = scale.x
  const mid = y + rowH / 2
  const barStart = gb ? endOf(gb) : null
  // Operational without a known opening date: the bar fades out instead of claiming it ran to today.
  const openEnded = !fin && p.status === 'operational'
  const barEnd = fin ? startOf(fin) : now
  const marks = events.filter((e) => e.type !== 'groundbreaking' && !(fin && e.type === p.dates.finished_type && e.date === fin))
  const visits = events.filter((e) => e.type === 'leader_visit' || e.leader_present).length
  const label = t(p.counted ? 'timeline.row' : 'timeline.rowExtra', {
    place: placeBoth(p.locality.name, p.locality.hangul),
    year: yearName(p.year),
    status: look.label,
    start: gb ? t('timeline.rowStart', { date: fmtDate(gb) }) : '',
    end: fin ? t('timeline.rowEnd', { event: eventLabel(p.dates.finished_type ?? 'completion').toLowerCase(), date: fmtDate(fin) }) : '',
    visits: visits ? t('timeline.rowVisits', { count: visits }) : '',
  })
  return (
    <a href={`/projects/${encodeURIComponent(p.id)}`} aria-label={label} class="tl-row" data-project={p.id}>
      <title>{label}</title>
      <rect class="tl-hit" x={0} y={y} width={scale.right} height={rowH} />
      <text x={labelW - 6} y={mid + 4} text-anchor="end" class={`tl-label${p.counted ? '' : ' extra'}`}>
        {placeName(p.locality.name, p.locality.hangul)}
        {p.label ? ` (${p.label})` : ''}
        {p.counted ? '' : ' +'}
      </text>
      {gb && barStart !== null ? (
        <>
          {barStart - startOf(gb) > day ? <rect class={`tl-range st-${look.key}`} x={x(startOf(gb))} y={mid - 5} width={Math.max(1, x(barStart) - x(startOf(gb)))} height={10} /> : null}
          {barEnd > barStart ? <rect class={`tl-bar st-${look.key}${fin ? '' : openEnded ? ' unknown-end' : ' open'}`} x={x(barStart)} y={mid - 5} width={Math.max(1.5, x(barEnd) - x(barStart))} height={10} /> : null}
          <line class="tl-start" x1={x(barStart)} x2={x(barStart)} y1={mid - 7} y2={mid + 7} />
        </>
      ) : null}
      {fin ? (
        endOf(fin) - startOf(fin) > day ? (
          <rect class={`tl-range st-${look.key}`} x={x(startOf(fin))} y={mid - 5} width={Math.max(1, x(endOf(fin)) - x(startOf(fin)))} height={10} />
        ) : (
          <circle class={`tl-end st-${look.key}`} cx={x(startOf(fin))} cy={mid} r={4.5} />
        )
      ) : null}
      {marks.map((e) => {
        const a = startOf(e.date)
        const b = endOf(e.date)
        const leader = e.type === 'leader_visit' || e.leader_present === true
        const cx = b - a > day ? (x(a) + x(b)) / 2 : x(a)
        return (
          <g class={`tl-mark ${leader ? 'leader' : 'other'}`} key={e.id}>
            {b - a > day ? <line x1={x(a)} x2={x(b)} y1={mid + 7} y2={mid + 7} class="tl-mark-range" /> : null}
            {leader ? <path d={`M${cx},${mid - 9} l4,4.5 l-4,4.5 l-4,-4.5 z`} /> : <circle cx={cx} cy={mid - 6} r={2.4} />}
          </g>
        )
      })}
    </a>
  )
}

export function YearChart({ year, projects, events, width, from, to }: { year: string; projects: Project[]; events: Map<string, EventItem[]>; width: number; from: number; to: number }) {
  const labelW = width < 520 ? 96 : 150
  const right = width - 8
  const scale: Scale = { from, to, left: labelW, right, x: (t) => labelW + ((t - from) / (to - from)) * (right - labelW) }
  const height = headH + projects.length * rowH + 14
  const now = ms(todayOf())
  return (
    <svg class="timeline-chart" width={width} height={height} role="group" aria-label={t('timeline.chartLabel', { year })}>
      <Axis scale={scale} height={height} />
      {projects.map((p, i) => (
        <Row p={p} events={events.get(p.id) ?? []} y={headH + i * rowH} scale={scale} labelW={labelW} now={now} key={p.id} />
      ))}
    </svg>
  )
}

export default function TimelinePage() {
  useTitle(t('nav.timeline'))
  const loc = useLocation()
  const filters = readFilters(loc.search)
  const query = apiParams({ ...readFilters(''), year: filters.year.filter((y) => y !== 'pilot'), province: filters.province })
  query.set('limit', '1000')
  const projects = useApi<List<Project>>(apiPath('/api/projects', query))
  const events = useApi<List<EventItem>>(apiPath('/api/events', query))
  const allYears = useApi<List<Project>>('/api/projects?limit=1&facets=year')
  const [ref, width] = useWidth<HTMLDivElement>()

  const error = projects.error ?? events.error
  const items = (projects.data?.items ?? []).filter((p) => p.year !== null)
  const byProject = new Map<string, EventItem[]>()
  for (const e of events.data?.items ?? []) if (e.project_id) byProject.set(e.project_id, [...(byProject.get(e.project_id) ?? []), e])
  const dates = items.flatMap((p) => (byProject.get(p.id) ?? []).map((e) => e.date))
  const firstYear = Math.min(...items.map((p) => p.year!))
  const from = Math.min(Date.UTC(Number.isFinite(firstYear) ? firstYear : 2024, 0, 1), ...dates.map(startOf))
  const lastData = Math.max(Date.now(), ...dates.map(endOf))
  const lastDate = new Date(lastData)
  const to = Date.UTC(lastDate.getUTCFullYear(), lastDate.getUTCMonth() + 2, 1)
  const years = [...new Set(items.map((p) => p.year!))].sort()
  const yearLinks = Object.keys(allYears.data?.facets?.year ?? {}).filter((y) => y !== 'pilot').sort()

  return (
    <div class="page timeline-page">
      <header class="page-head">
        <h1>{t('nav.timeline')}</h1>
        <p class="lede">{t('timeline.lede')}</p>
      </header>
      <nav class="chips" aria-label={t('facets.year')}>
        <a href="/timeline" class="chip" aria-current={filters.year.length === 0 ? 'true' : undefined}>
          {t('timeline.allYears')}
        </a>
        {yearLinks.map((y) => (
          <a href={`/timeline?year=${y}`} class="chip" aria-current={filters.year.length === 1 && filters.year[0] === y ? 'true' : undefined} key={y}>
            {y}
          </a>
        ))}
      </nav>
      <ul class="legend tl-legend" aria-label={t('common.legend')}>
        <li>
          <svg width="30" height="12" aria-hidden="true">
            <rect x="0" y="1" width="30" height="10" class="tl-bar st-operational" />
          </svg>
          {t('timeline.legendBar')}
        </li>
        <li>
          <svg width="30" height="12" aria-hidden="true">
            <rect x="0" y="1" width="30" height="10" class="tl-bar st-under_construction open" />
          </svg>
          {t('timeline.legendOpen')}
        </li>
        <li>
          <svg width="30" height="12" aria-hidden="true">
            <rect x="0" y="1" width="30" height="10" class="tl-range st-operational" />
          </svg>
          {t('timeline.legendRange')}
        </li>
        <li>
          <svg width="30" height="12" aria-hidden="true">
            <rect x="0" y="1" width="30" height="10" class="tl-bar st-operational unknown-end" />
          </svg>
          {t('timeline.legendUnknownEnd')}
        </li>
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
        {!projects.data || !events.data ? (
          error ? null : <Loading what="what.timeline" />
        ) : items.length === 0 ? (
          <p class="empty">{t('timeline.none')}</p>
        ) : (
          years.map((y) => {
            const rows = items
              .filter((p) => p.year === y)
              .sort((a, b) => Number(b.counted) - Number(a.counted) || (a.dates.groundbreaking ? startOf(a.dates.groundbreaking) : Infinity) - (b.dates.groundbreaking ? startOf(b.dates.groundbreaking) : Infinity) || placeName(a.locality.name, a.locality.hangul).localeCompare(placeName(b.locality.name, b.locality.hangul)))
            const counted = rows.filter((p) => p.counted).length
            return (
              <section key={y} aria-labelledby={`tl-${y}`}>
                <h2 id={`tl-${y}`}>
                  {y} <span class="h2-note">{rows.length > counted ? t('timeline.countedExtra', { counted, extra: rows.length - counted }) : t('timeline.counted', { counted })}</span>
                </h2>
                <YearChart year={String(y)} projects={rows} events={byProject} width={width} from={from} to={to} />
              </section>
            )
          })
        )}
      </div>
      <p class="hint">
        {t('timeline.pilot')} <a href="/projects?year=pilot">{t('timeline.pilotLink')}</a>
      </p>
      <EmbedButton embeds={(filters.year.length === 1 ? filters.year : years.map(String).slice(-1)).map((y) => ({ name: 'timeline', query: `year=${y}`, title: t('embed.whatTimeline', { year: y }) }))} />
    </div>
  )
}
