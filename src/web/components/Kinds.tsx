/** @module Facility kinds as a short list of tags; the three standard factories can be folded into one tag. */
import { kindLabel } from '../format.ts'
import { t } from '../i18n/i18n.ts'

const standard = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory']

export function Kinds({ kinds, compact = false }: { kinds: string[]; compact?: boolean }) {
  const folded = compact && standard.every((k) => kinds.includes(k))
  const rest = folded ? kinds.filter((k) => !standard.includes(k)) : kinds
  return (
    <ul class={`tags${compact ? ' compact' : ''}`} aria-label={t('field.kinds')} title={compact ? kinds.map(kindLabel).join(', ') : undefined}>
      {folded ? (
        <li class="tag kind-factories">
          {t('kinds.three')}
          <span class="visually-hidden"> {t('kinds.threeWhich')}</span>
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
