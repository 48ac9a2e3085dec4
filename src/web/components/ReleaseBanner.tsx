/**
 * @module The line at the top of every page of a release's copy of the site (/releases/<version>/site/…):
 * "You are viewing release X (date) — see the current record", the release linked to its page and the
 * current record to the same page on the live tracker. Nothing on the tracker's own pages.
 */
import { fmtDate } from '../format.ts'
import { Trans } from '../i18n/Trans.tsx'
import { useLocation } from '../router.ts'
import { liveUrl, staticRelease } from '../staticMode.ts'
import './ReleaseBanner.css'

export function ReleaseBanner() {
  const loc = useLocation()
  if (!staticRelease) return null
  const live = liveUrl?.replace(/\/+$/, '') ?? null
  const { version, date } = staticRelease
  return (
    <p class="release-banner" role="note" data-testid="release-banner">
      <Trans
        k="release.banner"
        values={{ version, date: fmtDate(date) }}
        parts={[
          (text) => (live ? <a href={`${live}/releases/${encodeURIComponent(version)}`} rel="external"><strong>{text}</strong></a> : <strong>{text}</strong>),
          (text) => (live ? <a href={`${live}${loc.path}${loc.search}`} rel="external" data-testid="current-record">{text}</a> : <>{text}</>),
        ]}
      />
    </p>
  )
}
