/**
 * @module One policy year of the timeline as SVG (the timeline page and its embed): a bar per project
 * from groundbreaking to opening, events as marks, and the day taken as today. A date known only to
 * the month or the year is drawn as the range it may mean, never as a point; a project still under
 * construction runs to today, even when part of it has opened.
 */
import { eventLabel, fmtDate, placeBoth, placeName, yearName } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { lookOf } from '../status.ts'
import type { EventItem, Project } from '../types.ts'
import { rangeOf } from '../../model/partialDate.ts'

const day = 86_400_000
/** Midnight (UTC) of a full date YYYY-MM-DD, in ms. */
export const ms = (d: string) => Date.parse(`${d}T00:00:00Z`)
/** The first moment a date (of any precision) may mean. */
export const startOf = (d: string) => ms(rangeOf(d).start)
/** The moment after the last day a date (of any precision) may mean. */
export const endOf = (d: string) => ms(rangeOf(d).end) + day

/**
 * The time axis of the charts: from the first policy year (or an earlier event) to two months past
 * the later of today and the last event, so a bar running to today always ends inside the axis.
 */
export function spanOf(years: number[], dates: string[], now: number): { from: number; to: number } {
  const first = years.length ? Math.min(...years) : 2024
  const from = Math.min(Date.UTC(first, 0, 1), ...dates.map(startOf))
  const last = new Date(Math.max(now, ...dates.map(endOf)))
  return { from, to: Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 2, 1) }
}

/** Counted projects first, then by groundbreaking, then by name. */
export function byStart(a: Project, b: Project): number {
  const start = (p: Project) => (p.dates.groundbreaking ? startOf(p.dates.groundbreaking) : Infinity)
  return Number(b.counted) - Number(a.counted) || start(a) - start(b) || placeName(a.locality.name, a.locality.hangul).localeCompare(placeName(b.locality.name, b.locality.hangul))
}

interface Scale {
  x: (t: number) => number
  from: number
  to: number
  left: number
  right: number
}

function Axis({ scale, height, now, nowLabel }: { scale: Scale; height: number; now: number; nowLabel: string }) {
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
        <g class="today" data-today={new Date(now).toISOString().slice(0, 10)}>
          <line x1={scale.x(now)} x2={scale.x(now)} y1={16} y2={height} />
          <text x={scale.x(now) - 2} y={height - 2} text-anchor="end">
            {nowLabel}
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
  // Still under construction: the bar runs to today, even past an opening of one of its parts
  // (Hwangju's factories opened in December 2025; its grain station is still being built).
  const building = p.status === 'under_construction'
  // Operational without a known opening date: the bar fades out instead of claiming it ran to today.
  const unknownEnd = !fin && p.status === 'operational'
  const barEnd = fin && !building ? startOf(fin) : now
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
  const barClass = building || (!fin && !unknownEnd) ? ' open' : unknownEnd ? ' unknown-end' : ''
  return (
    <a href={`/projects/${encodeURIComponent(p.id)}`} aria-label={label} class="tl-row" data-project={p.id} data-province={p.locality.province_id}>
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
          {barEnd > barStart ? <rect class={`tl-bar st-${look.key}${barClass}`} x={x(barStart)} y={mid - 5} width={Math.max(1.5, x(barEnd) - x(barStart))} height={10} /> : null}
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

interface Props {
  year: string
  projects: Project[]
  events: Map<string, EventItem[]>
  width: number
  from: number
  to: number
  /** Today (YYYY-MM-DD): where bars of projects still being built end, and the dashed line. */
  today: string
  /** The dashed line's label ("today"; "as of 1 Mar 2025" for a past view). */
  todayLabel?: string | undefined
}

export function YearChart({ year, projects, events, width, from, to, today, todayLabel }: Props) {
  const labelW = width < 520 ? 96 : 150
  const right = width - 8
  const scale: Scale = { from, to, left: labelW, right, x: (t) => labelW + ((t - from) / (to - from)) * (right - labelW) }
  const height = headH + projects.length * rowH + 14
  const now = ms(today)
  return (
    <svg class="timeline-chart" width={width} height={height} role="group" aria-label={t('timeline.chartLabel', { year })}>
      <Axis scale={scale} height={height} now={now} nowLabel={todayLabel ?? t('timeline.today')} />
      {projects.map((p, i) => (
        <Row p={p} events={events.get(p.id) ?? []} y={headH + i * rowH} scale={scale} labelW={labelW} now={now} key={p.id} />
      ))}
    </svg>
  )
}
