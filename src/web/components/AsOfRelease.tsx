/**
 * @module "View this page as of release X" at the end of the tracker's pages: a link to the same page
 * in the copy of the site the latest release keeps (/releases/<version>/site/…), and — when there are
 * several — a disclosure listing every release with a copy, newest first with its date, each linking
 * to this page in that copy. Shown only when a release with a copy exists and the page is one a copy
 * has (not sign-in, review or the releases themselves). Not in a published copy, which has no releases.
 */
import { fmtDate } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { isStatic } from '../staticMode.ts'
import type { List } from '../types.ts'
import { useApi } from '../useApi.ts'

interface Listed {
  version: string
  sequence?: number
  date: string
  links: { site?: string | null }
}

/** The first path segments a release's copy has pages for (src/service/publish.ts). */
const inCopy = new Set(['', 'map', 'timeline', 'charts', 'projects', 'sources', 'provinces', 'localities', 'about'])

/** The address of `path` (an app path with its query) inside the copy of release `version`. */
export const releaseSiteHref = (version: string, path = '/', search = ''): string => `/releases/${encodeURIComponent(version)}/site${path === '/' ? '/' : path}${search}`

/** The releases that keep a copy of the site, newest first (by date, then by number; the API's order where neither says). */
export function releasesWithSite<T extends Listed>(items: readonly T[]): T[] {
  return items
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.links.site)
    .sort((a, b) => (a.r.date < b.r.date ? 1 : a.r.date > b.r.date ? -1 : (b.r.sequence ?? 0) - (a.r.sequence ?? 0) || a.i - b.i))
    .map(({ r }) => r)
}

export function AsOfRelease({ path, search }: { path: string; search: string }) {
  const [first = '', second] = path.split('/').filter(Boolean)
  const has = inCopy.has(first) && !(first === 'sources' && second === 'new')
  const list = useApi<List<Listed>>(isStatic || !has ? null : '/api/releases')
  const releases = releasesWithSite(list.data?.items ?? [])
  const latest = releases[0]
  if (!latest) return null
  return (
    <div class="as-of-release" data-testid="as-of-release">
      {/* Real page loads: each copy is another app, under its own base. */}
      <a href={releaseSiteHref(latest.version, path, search)} rel="external" data-testid="as-of-latest">
        {t('release.viewAsOf', { version: latest.version })}
      </a>
      {releases.length > 1 ? (
        <details class="as-of-other" data-testid="as-of-other">
          <summary>{t('release.viewAsOfOther', { count: releases.length })}</summary>
          <ol class="as-of-list">
            {releases.map((r, i) => (
              <li key={r.version}>
                <a href={releaseSiteHref(r.version, path, search)} rel="external" data-version={r.version}>
                  {t('release.version', { version: r.version })}
                </a>{' '}
                <span class="hint">
                  {i === 0 ? t('release.releasedLatest', { date: fmtDate(r.date) }) : t('release.released', { date: fmtDate(r.date) })}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  )
}
