/** @module The projection in words: when the total would be reached at the pace so far, and how it is worked out. */
import type { Projection } from '../types.ts'

function verdict(onTrack: boolean | null): { text: string; cls: string } {
  if (onTrack === null) return { text: 'Too early to tell', cls: 'unknown' }
  return onTrack ? { text: 'On track', cls: 'ok' } : { text: 'Behind schedule', cls: 'late' }
}

export function ProjectionText({ projection }: { projection: Projection }) {
  const { started, operational, total_target: total, end_year: endYear } = projection
  const s = verdict(started.on_track)
  const o = verdict(operational.on_track)
  const months = operational.median_days_to_open ? Math.round(operational.median_days_to_open / 30.4) : null
  const late = (year: number) => (year <= endYear ? `, within the policy's ten years (it ends in ${endYear})` : `, ${year - endYear} year${year - endYear === 1 ? '' : 's'} after the policy's last year (${endYear})`)
  return (
    <div class="projection">
      <div class="projection-line">
        <span class={`verdict ${s.cls}`}>{s.text}</span>
        <p>
          <strong>Started:</strong>{' '}
          {started.projected_year !== null && started.pace_per_year !== null
            ? `At ${started.pace_per_year} localities a year — the pace of the ${started.years_observed} policy year${started.years_observed === 1 ? '' : 's'} begun so far — all ${total} would be started in ${started.projected_year}${late(started.projected_year)}.`
            : 'Not enough years observed to project the pace.'}
        </p>
      </div>
      <div class="projection-line">
        <span class={`verdict ${o.cls}`}>{o.text}</span>
        <p>
          <strong>Operational:</strong>{' '}
          {operational.projected_year !== null
            ? `${operational.done} are operational. ${months ? `Projects have taken a median of ${operational.median_days_to_open} days (about ${months} months) from groundbreaking to opening, so the` : 'The'} last batch would open in ${operational.projected_year}${late(operational.projected_year)}.`
            : `${operational.done} are operational; not enough openings yet to project.`}
        </p>
      </div>
      <details class="method">
        <summary>How this is projected</summary>
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
