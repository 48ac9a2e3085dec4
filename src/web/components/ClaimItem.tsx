/** @module One claim: the value a source asserts, the source, its words, and the claim's rank and reason. */
import type { ComponentChildren } from 'preact'
import { fmtDate, fmtValue, fieldLabel } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import type { Claim } from '../types.ts'

export function SourceLink({ source, id }: { source: Claim['source']; id: string }) {
  if (!source) return <code>{id}</code>
  return (
    <a href={`/sources/${encodeURIComponent(source.id)}`} class="source-link">
      {source.publisher}
      {source.published ? `, ${fmtDate(source.published)}` : ''}
    </a>
  )
}

export function ClaimItem({
  claim,
  names,
  showField = false,
  showValue = true,
  tools,
}: {
  claim: Claim
  names?: (id: string) => string
  showField?: boolean
  showValue?: boolean
  /** Editing controls for the claim (editors only). */
  tools?: ComponentChildren
}) {
  return (
    <li class={`claim rank-${claim.rank}`}>
      <div class="claim-head">
        {showField ? <span class="claim-field">{fieldLabel(claim.field)}: </span> : null}
        {showValue ? <strong class="claim-value">{fmtValue(claim.field, claim.value, names)}</strong> : null}
        {showValue ? ' — ' : null}
        <SourceLink source={claim.source} id={claim.source_id} />
        {claim.rank !== 'normal' ? <span class={`rank-badge ${claim.rank}`}>{claim.rank === 'preferred' ? t('common.preferred') : t('common.deprecated')}</span> : null}
      </div>
      {claim.quote ? (
        <blockquote class="quote" lang={claim.source?.language ?? undefined}>
          {claim.quote}
        </blockquote>
      ) : null}
      {claim.said ? (
        <p class="said">
          {t('common.sourceWrote')}
          <q>{claim.said}</q>
        </p>
      ) : null}
      {claim.reason ? <p class="reason">{t('claim.why', { reason: claim.reason })}</p> : null}
      {tools}
    </li>
  )
}
