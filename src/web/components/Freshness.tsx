/**
 * @module The line at the top of every page that says how current the record is: "Latest report
 * recorded: 10 Feb 2026 (Dong-A Ilbo), 297 days ago", the publisher linked to the source.
 */
import { today } from '../../model/partialDate.ts'
import { fmtDate } from '../format.ts'
import { freshnessOf, latestSourcePath } from '../freshness.ts'
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import type { List, SourceItem } from '../types.ts'
import { useApi } from '../useApi.ts'
import './home.css'

export function Freshness() {
  const { data } = useApi<List<SourceItem>>(latestSourcePath)
  if (!data) return <p class="freshness" aria-hidden="true" />
  const fresh = freshnessOf(data.items[0], today())
  if (!fresh)
    return (
      <p class="freshness" data-testid="freshness">
        {t('freshness.none')}
      </p>
    )
  const ago = fresh.days === 0 ? t('freshness.today') : t('freshness.ago', { count: fresh.days })
  return (
    <p class="freshness" data-testid="freshness">
      <Trans
        k="freshness.line"
        values={{ date: fmtDate(fresh.date), publisher: fresh.publisher, ago }}
        parts={[
          (text) => (
            <a href={`/sources/${encodeURIComponent(fresh.sourceId)}`} translate={false}>
              {text}
            </a>
          ),
        ]}
      />
    </p>
  )
}
