/**
 * @module The signature 20×10 grid: a row per policy year, a square per counted locality,
 * coloured and patterned by status with its letter and the locality's name (hangul in Korean);
 * extra (uncounted) projects beside the year. Every square is a link to its project with the
 * whole story in its accessible name; hovering or focusing one shows it in words under the grid.
 * A year with no locality known yet is drawn as a thin strip.
 */
import { useState } from 'preact/hooks'
import { fmtDate, placeBoth, placeName, yearName } from '../format.ts'
import { language, t } from '../i18n/i18n.ts'
import './home.css'
import { lookOf, statusOrder } from '../status.ts'
import type { Progress, Project } from '../types.ts'
import { provinceName } from '../useProvinces.ts'

interface Props {
  progress: Progress
  projects: Project[]
  currentYear: number
}

function describe(p: Project, extra: boolean): string {
  const look = lookOf(p.status)
  const when = p.dates.finished ? t('grid.opened', { date: fmtDate(p.dates.finished) }) : p.dates.groundbreaking ? t('grid.groundBroken', { date: fmtDate(p.dates.groundbreaking) }) : ''
  const tail = extra ? (p.counted_reason ? t('grid.extraWhy', { reason: p.counted_reason }) : t('grid.extra')) : ''
  return t('grid.describe', { place: placeBoth(p.locality.name, p.locality.hangul), province: provinceName(p.locality.province, p.locality.province_id), year: yearName(p.year), status: look.label, when, tail })
}

function rank(p: Project): number {
  const i = statusOrder.indexOf(p.status ?? 'none')
  return i < 0 ? statusOrder.length : i
}

function Slot({ p, extra, onShow }: { p: Project; extra: boolean; onShow: (p: Project | null) => void }) {
  const look = lookOf(p.status)
  const label = describe(p, extra)
  return (
    <a
      class={`slot st-${look.key}${extra ? ' extra' : ''}`}
      href={`/projects/${encodeURIComponent(p.id)}`}
      aria-label={label}
      title={label}
      data-project={p.id}
      onMouseEnter={() => onShow(p)}
      onFocus={() => onShow(p)}
    >
      {/* Beside a name the letter is drawn by CSS (from data-letter), so the text a person sees
          is the name alone, which the accessible name starts with (WCAG 2.5.3, label in name). */}
      {extra ? (
        <span class="slot-letter" aria-hidden="true">
          +
        </span>
      ) : (
        <span class="slot-letter" aria-hidden="true" data-letter={look.letter} />
      )}
      {extra ? null : (
        <span class="slot-name" aria-hidden="true" lang={language() === 'ko' && p.locality.hangul ? 'ko' : undefined} translate={false}>
          {placeName(p.locality.name, p.locality.hangul)}
        </span>
      )}
    </a>
  )
}

export function Grid({ progress, projects, currentYear }: Props) {
  const [active, setActive] = useState<Project | null>(null)
  const byId = new Map(projects.map((p) => [p.id, p]))
  const countedByYear = new Map<number, Project[]>()
  for (const p of projects) if (p.counted && p.year !== null) countedByYear.set(p.year, [...(countedByYear.get(p.year) ?? []), p])

  return (
    <figure class="grid20" aria-labelledby="grid-caption">
      <figcaption id="grid-caption" class="visually-hidden">
        {t('grid.caption', { perYear: progress.target_per_year })}
      </figcaption>
      <div class="grid-rows" onMouseLeave={() => setActive(null)}>
        {progress.years.map((y) => {
          const counted = (countedByYear.get(y.year) ?? []).sort((a, b) => rank(a) - rank(b) || (a.dates.groundbreaking ?? '').localeCompare(b.dates.groundbreaking ?? '') || placeName(a.locality.name, a.locality.hangul).localeCompare(placeName(b.locality.name, b.locality.hangul)))
          const empty = Math.max(0, y.target - counted.length)
          const extras = y.extra.map((e) => byId.get(e.project_id)).filter((p): p is Project => Boolean(p))
          const future = y.year > currentYear
          return (
            <div class={`grid-row${y.year === currentYear ? ' current' : ''}${future ? ' future' : ''}${counted.length === 0 ? ' blank' : ''}`} role="group" aria-label={t('grid.rowLabel', { year: y.year, counted: y.counted, target: y.target })} key={y.year}>
              <div class="grid-year">
                <a href={`/projects?year=${y.year}`} class="grid-year-link">
                  {y.year}
                </a>
                <span class="grid-count">
                  {y.counted}/{y.target}
                </span>
              </div>
              <div class="grid-slots">
                {counted.map((p) => (
                  <Slot p={p} extra={false} onShow={setActive} key={p.id} />
                ))}
                {Array.from({ length: empty }, (_, i) => (
                  <span class="slot empty" aria-hidden="true" key={`e${i}`} />
                ))}
                {empty > 0 ? <span class="visually-hidden">{future ? t('grid.future') : t('grid.unknown', { empty, target: y.target })}</span> : null}
              </div>
              <div class="grid-extras">
                {extras.map((p) => (
                  <Slot p={p} extra onShow={setActive} key={p.id} />
                ))}
              </div>
            </div>
          )
        })}
      </div>
      <p class="grid-detail" aria-hidden="true">
        {active ? describe(active, !active.counted) : t('grid.hint')}
      </p>
    </figure>
  )
}

export function GridLegend() {
  return (
    <ul class="legend" aria-label={t('common.legend')}>
      {['operational', 'under_construction', 'planned', 'suspended'].map((s) => {
        const look = lookOf(s)
        return (
          <li key={s}>
            <span class={`slot legend-slot st-${look.key}`} aria-hidden="true">
              <span class="slot-letter">{look.letter}</span>
            </span>
            {look.label}
          </li>
        )
      })}
      <li>
        <span class="slot legend-slot empty" aria-hidden="true" />
        {t('grid.legendEmpty')}
      </li>
      <li>
        <span class="slot legend-slot extra st-operational" aria-hidden="true">
          <span class="slot-letter">+</span>
        </span>
        {t('grid.legendExtra')}
      </li>
    </ul>
  )
}
