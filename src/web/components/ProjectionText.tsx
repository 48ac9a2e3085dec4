/** @module The projection in words: when the total would be reached at the pace so far, and how it is worked out. */
import { num } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import type { Projection } from '../types.ts'

function verdict(onTrack: boolean | null): { text: string; cls: string } {
  if (onTrack === null) return { text: t('projection.tooEarly'), cls: 'unknown' }
  return onTrack ? { text: t('projection.onTrack'), cls: 'ok' } : { text: t('projection.behind'), cls: 'late' }
}

export function ProjectionText({ projection }: { projection: Projection }) {
  const { started, operational, total_target: total, end_year: endYear } = projection
  const s = verdict(started.on_track)
  const o = verdict(operational.on_track)
  const months = operational.median_days_to_open ? Math.round(operational.median_days_to_open / 30.4) : null
  const late = (year: number) => (year <= endYear ? t('projection.within', { end: endYear }) : t('projection.after', { count: year - endYear, end: endYear }))
  return (
    <div class="projection">
      <div class="projection-line">
        <span class={`verdict ${s.cls}`}>{s.text}</span>
        <p>
          <strong>{t('projection.started')}</strong>{' '}
          {started.projected_year !== null && started.pace_per_year !== null
            ? t('projection.startedText', { pace: num(started.pace_per_year), count: started.years_observed, total, year: started.projected_year, late: late(started.projected_year) })
            : t('projection.startedNone')}
        </p>
      </div>
      <div class="projection-line">
        <span class={`verdict ${o.cls}`}>{o.text}</span>
        <p>
          <strong>{t('projection.operational')}</strong>{' '}
          {operational.projected_year !== null
            ? months
              ? t('projection.operationalMedian', { done: operational.done, days: num(operational.median_days_to_open!), months, year: operational.projected_year, late: late(operational.projected_year) })
              : t('projection.operationalText', { done: operational.done, year: operational.projected_year, late: late(operational.projected_year) })
            : t('projection.operationalNone', { done: operational.done })}
        </p>
      </div>
      <details class="method">
        <summary>{t('projection.how')}</summary>
        <p>{projection.method}</p>
        <ul>
          {projection.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </div>
  )
}
