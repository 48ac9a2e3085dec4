/** @module A place name as people read it: the romanized form with the hangul beside it. */
export function Place({ name, hangul, href }: { name: string; hangul?: string | null | undefined; href?: string | undefined }) {
  const inner = (
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
  return href ? (
    <a class="place" href={href}>
      {inner}
    </a>
  ) : (
    <span class="place">{inner}</span>
  )
}
