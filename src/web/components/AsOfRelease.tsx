/**
 * @module "View this page as of release X" at the end of the tracker's pages: a link to the same page
 * in the copy of the site the latest release keeps (/releases/<version>/site/…), shown only when a
 * release with a copy exists and the page is one a copy has (not sign-in, review or the releases
 * themselves). Not in a published copy, which has no releases.
 */
import { t } from '../i18n/i18n.ts'
import { isStatic } from '../staticMode.ts'
import type { List } from '../types.ts'
import { useApi } from '../useApi.ts'

interface Listed {
  version: string
  links: { site?: string | null }
}

/** The first path segments a release's copy has pages for (src/service/publish.ts). */
const inCopy = new Set(['', 'map', 'timeline', 'charts', 'projects', 'sources', 'provinces', 'localities', 'about'])

/** The address of `path` (an app path with its query) inside the copy of release `version`. */
export const releaseSiteHref = (version: string, path = '/', search = ''): string => `/releases/${encodeURIComponent(version)}/site${path === '/' ? '/' : path}${search}`

export function AsOfRelease({ path, search }: { path: string; search: string }) {
  const [first = '', second] = path.split('/').filter(Boolean)
  const has = inCopy.has(first) && !(first === 'sources' && second === 'new')
  const list = useApi<List<Listed>>(isStatic || !has ? null : '/api/releases')
  const latest = list.data?.items.find((r) => r.links.site)
  if (!latest) return null
  return (
    <p class="as-of-release" data-testid="as-of-release">
      {/* A real page load: the copy is another app, under its own base. */}
      <a href={releaseSiteHref(latest.version, path, search)} rel="external">
        {t('release.viewAsOf', { version: latest.version })}
      </a>
    </p>
  )
}
