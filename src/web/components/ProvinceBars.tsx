/** @module Coverage by province as bars: localities reached by a counted project out of all. */
import { placeName } from '../format.ts'
import { locale, t } from '../i18n/i18n.ts'
import type { Province } from '../types.ts'
import { Place } from './Place.tsx'

export function ProvinceBars({ provinces }: { provinces: Province[] }) {
  const sorted = [...provinces].sort((a, b) => b.reached / Math.max(1, b.localities) - a.reached / Math.max(1, a.localities) || placeName(a.plain, a.hangul).localeCompare(placeName(b.plain, b.hangul), locale()))
  return (
    <ul class="bars" aria-label={t('bars.label')}>
      {sorted.map((p) => {
        const share = p.localities ? p.reached / p.localities : 0
        return (
          <li key={p.id}>
            <Place name={p.plain} hangul={p.hangul} href={`/provinces/${p.id}`} class="bar-name" />
            <span class="bar" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
            <span class="bar-value">
              {t('bars.value', { reached: p.reached, total: p.localities })}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
