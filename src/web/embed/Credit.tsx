/**
 * @module The credit line under every embed: the source (20×10 Tracker), the data version and the
 * date the figures are for (in a release's copy of the site, the release date), and a link to the full page at the tracker's canonical address.
 */
import { fmtDate } from '../format.ts'
import { language, t } from '../i18n/i18n.ts'
import type { Health } from '../types.ts'
import { useApi } from '../useApi.ts'
import { staticRelease } from '../staticMode.ts'
import { usePublicUrl } from './usePublicUrl.ts'

export function Credit({ page, asOf }: { page: string; asOf?: string | null | undefined }) {
  const health = useApi<Health>('/api/health')
  const base = usePublicUrl()
  const version = health.data?.data_version
  const lang = language()
  // The language goes into the query, before any #anchor (/charts?lang=ko#openings).
  const [path, anchor] = page.split('#') as [string, string | undefined]
  const href = base === undefined ? undefined : `${base}${path}${lang === 'en' ? '' : `${path.includes('?') ? '&' : '?'}lang=${lang}`}${anchor === undefined ? '' : `#${anchor}`}`
  return (
    <footer class="embed-credit" data-testid="embed-credit">
      <span>
        {t('embed.source')} <strong>{t('app.title')}</strong>
      </span>{' '}
      · <span data-testid="embed-version">{version === undefined ? '…' : t('embed.version', { version })}</span> · <span>{t('embed.asOf', { date: fmtDate(asOf ?? staticRelease?.date ?? new Date().toISOString().slice(0, 10)) })}</span> ·{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener" data-testid="embed-full">
          {t('embed.fullPage')}
        </a>
      ) : null}
    </footer>
  )
}
