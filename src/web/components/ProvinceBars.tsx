/** @module Coverage by province as bars: localities reached by a counted project out of all. */
import type { Province } from '../types.ts'

export function ProvinceBars({ provinces }: { provinces: Province[] }) {
  const sorted = [...provinces].sort((a, b) => b.reached / Math.max(1, b.localities) - a.reached / Math.max(1, a.localities) || a.plain.localeCompare(b.plain))
  return (
    <ul class="bars" aria-label="Localities reached per province">
      {sorted.map((p) => {
        const share = p.localities ? p.reached / p.localities : 0
        return (
          <li key={p.id}>
            <a href={`/provinces/${p.id}`} class="bar-name">
              {p.plain}{' '}
              <span class="hangul" lang="ko">
                {p.hangul}
              </span>
            </a>
            <span class="bar" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
            <span class="bar-value">
              {p.reached} of {p.localities}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
