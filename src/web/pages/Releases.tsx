/**
 * @module The releases (/releases): every numbered, dated, immutable copy of the record, newest
 * first, with its counts, the changes since the one before and its files; /releases/{version}
 * (ReleasesChanges.tsx) says what changed in words. Loaded on demand.
 */
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { fmtDate } from '../format.ts'
import type { List } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import ReleasesChanges from './ReleasesChanges.tsx'
import { Counts, Files, pageHref, SinceLine, type ReleaseItem } from './ReleasesParts.tsx'
import './Releases.css'

function ReleaseCard({ r, latest }: { r: ReleaseItem; latest: boolean }) {
  return (
    <li class="release-card">
      <h2>
        <a href={pageHref(r.version)}>{t('release.version', { version: r.version })}</a>
        {latest ? <span class="tag release-latest">{t('release.latest')}</span> : null}
      </h2>
      <p class="hint">{t('release.meta', { date: fmtDate(r.date), data: r.data_version })}</p>
      <SinceLine r={r} />
      <p>
        <a href={pageHref(r.version)}>{t('release.whatChanged')}</a>
      </p>
      <Counts counts={r.counts} />
      <Files version={r.version} only={['datapackage.zip', 'csv.zip', 'dataset.json', 'CITATION.cff']} />
    </li>
  )
}

function ReleaseList() {
  useTitle(t('release.title'))
  const list = useApi<List<ReleaseItem>>('/api/releases')
  return (
    <div class="page releases">
      <header class="page-head">
        <h1>{t('release.title')}</h1>
        <p class="lede">{t('release.lede')}</p>
      </header>
      {list.error ? (
        <ErrorNotice error={list.error} what="release.what" />
      ) : !list.data ? (
        <Loading what="release.what" />
      ) : list.data.items.length === 0 ? (
        <p class="empty">
          <Trans k="release.none" parts={[(text) => <code>{text}</code>]} />
        </p>
      ) : (
        <ol class="release-list">
          {list.data.items.map((r, i) => (
            <ReleaseCard key={r.version} r={r} latest={i === 0} />
          ))}
        </ol>
      )}
      <p class="hint">
        <Trans k="release.how" parts={[(text) => <code>{text}</code>, (text) => <a href="/api/releases">{text}</a>]} />
      </p>
    </div>
  )
}

export default function Releases({ version }: { version?: string | undefined }) {
  return version ? <ReleasesChanges version={version} /> : <ReleaseList />
}
