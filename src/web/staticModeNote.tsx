/** @module The note of a published copy: what it is (its data version), that nothing can be changed in it, and where the live tracker is. */
import { t } from './i18n/i18n.ts'
import { Trans } from './i18n/Trans.tsx'
import type { Health } from './types.ts'
import { useApi } from './useApi.ts'
import { isStatic, liveUrl } from './staticMode.ts'

export function StaticNote() {
  const health = useApi<Health>(isStatic ? '/api/health' : null)
  if (!isStatic) return null
  const version = health.data?.data_version ?? '…'
  return (
    <p class="static-note" role="note" data-testid="static-note">
      {liveUrl ? (
        <Trans
          k="static.note"
          values={{ version, url: liveUrl }}
          parts={[
            (text) => (
              <a href={liveUrl!} rel="external">
                {text}
              </a>
            ),
          ]}
        />
      ) : (
        t('static.noteOffline', { version })
      )}
    </p>
  )
}
