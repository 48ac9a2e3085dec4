/** @module Facility kinds as a short list of tags; the three standard factories can be folded into one tag. */
import { kindLabel } from '../format.ts'

const standard = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory']

export function Kinds({ kinds, compact = false }: { kinds: string[]; compact?: boolean }) {
  const folded = compact && standard.every((k) => kinds.includes(k))
  const rest = folded ? kinds.filter((k) => !standard.includes(k)) : kinds
  return (
    <ul class={`tags${compact ? ' compact' : ''}`} aria-label="Facility kinds" title={compact ? kinds.map(kindLabel).join(', ') : undefined}>
      {folded ? (
        <li class="tag kind-factories">
          3 factories<span class="visually-hidden"> (foodstuff, garment, daily necessities)</span>
        </li>
      ) : null}
      {rest.map((k) => (
        <li key={k} class={`tag kind-${k}`}>
          {kindLabel(k)}
        </li>
      ))}
    </ul>
  )
}
