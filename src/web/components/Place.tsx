/**
 * @module A place name as people read it: the romanized form with the hangul beside it, or in
 * Korean the hangul first with the romanized form after it.
 */
import { language } from '../i18n/i18n.ts'

export function Place({ name, hangul, href, class: cls }: { name: string; hangul?: string | null | undefined; href?: string | undefined; class?: string }) {
  const korean = language() === 'ko' && Boolean(hangul)
  const inner = korean ? (
    <>
      <span class="hangul primary" lang="ko">
        {hangul}
      </span>{' '}
      <span class="romanized" translate={false}>
        {name}
      </span>
    </>
  ) : (
    <>
      {name}
      {hangul ? (
        <>
          {' '}
          <span class="hangul" lang="ko">
            {hangul}
          </span>
        </>
      ) : null}
    </>
  )
  const classes = cls ? `place ${cls}` : 'place'
  return href ? (
    <a class={classes} href={href}>
      {inner}
    </a>
  ) : (
    <span class={classes}>{inner}</span>
  )
}
