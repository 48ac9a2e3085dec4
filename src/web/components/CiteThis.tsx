/**
 * @module "Cite this": the citation of the page's data in APA, Chicago, BibTeX or CSL-JSON, with the
 * canonical address (TRACKER_PUBLIC_URL, else the page's own origin), the data version and today's
 * date, and a button that copies it.
 */
import { useState } from 'preact/hooks'
import { citationStyles } from '../cite.ts'
import { t } from '../i18n/i18n.ts'
import type { Health } from '../types.ts'
import { useApi } from '../useApi.ts'

interface PublicConfig {
  public_url: string | null
}

export function CiteThis({ path = '/' }: { path?: string }) {
  const health = useApi<Health>('/api/health')
  const config = useApi<PublicConfig>('/api/config')
  const [style, setStyle] = useState<(typeof citationStyles)[number]['id']>('apa')
  const [copied, setCopied] = useState(false)
  const version = health.data?.data_version
  const url = config.data?.public_url ?? (typeof window === 'undefined' ? '' : window.location.origin)
  const accessed = new Date().toISOString().slice(0, 10)
  const chosen = citationStyles.find((s) => s.id === style)!
  const text = version === undefined || !config.data ? '…' : chosen.cite({ url, version, accessed, path })
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <section class="cite-this" aria-label={t('cite.label')}>
      <div class="chips" role="group" aria-label={t('cite.style')}>
        {citationStyles.map((s) => (
          <button type="button" key={s.id} class="chip" aria-pressed={s.id === style ? 'true' : 'false'} onClick={() => (setStyle(s.id), setCopied(false))}>
            {s.label}
          </button>
        ))}
      </div>
      {/* The reference itself follows the English form of each style. */}
      <pre class="cite" data-testid="cite" data-style={style} lang="en">
        {text}
      </pre>
      <button type="button" class="tool" onClick={copy}>
        {copied ? t('cite.copied') : t('cite.copy')}
      </button>
    </section>
  )
}
