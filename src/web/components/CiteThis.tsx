/**
 * @module "Cite this": the citation of the page's data in APA, Chicago, BibTeX or CSL-JSON, with the
 * canonical address (TRACKER_PUBLIC_URL, else the page's own origin; in a published copy its
 * --base-url), the data version, the release when one is cited, and today's date, and a button that
 * copies it. `CitePage` is the compact "Cite this page" disclosure every page of the shell shows.
 */
import { useState } from 'preact/hooks'
import { citationStyles } from '../cite.ts'
import { t } from '../i18n/i18n.ts'
import { useLocation } from '../router.ts'
import { basePath, staticRelease } from '../staticMode.ts'
import type { Health } from '../types.ts'
import { useApi } from '../useApi.ts'

interface PublicConfig {
  public_url: string | null
}

export function CiteThis({ path = '/', release }: { path?: string; release?: string }) {
  const health = useApi<Health>('/api/health')
  const config = useApi<PublicConfig>('/api/config')
  // A release is cited with the data version it froze, not today's; a release's own copy of the site holds only that data.
  const own = release !== undefined && release === staticRelease?.version
  const frozen = useApi<{ data_version: number }>(release && !own ? `/api/releases/${encodeURIComponent(release)}` : null)
  const [style, setStyle] = useState<(typeof citationStyles)[number]['id']>('apa')
  const [copied, setCopied] = useState(false)
  const version = release && !own ? frozen.data?.data_version : health.data?.data_version
  const url = config.data?.public_url ?? (typeof window === 'undefined' ? '' : window.location.origin + basePath)
  const accessed = new Date().toISOString().slice(0, 10)
  const chosen = citationStyles.find((s) => s.id === style)!
  const text = version === undefined || !config.data ? '…' : chosen.cite({ url, version, accessed, path, ...(release ? { release } : {}) })
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

/** The address of the current page as cited: its path and query, without the interface language. */
export function citedPath(path: string, search: string): string {
  const params = new URLSearchParams(search)
  params.delete('lang')
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/** "Cite this page": closed by default; the citation of the page being read (on a release's page, of that release). */
export function CitePage() {
  const loc = useLocation()
  // The page of one release cites that release; so does every page of a release's copy of the site.
  const page = /^\/releases\/([^/]+)$/.exec(loc.path)?.[1]
  const release = page ?? (staticRelease ? encodeURIComponent(staticRelease.version) : undefined)
  const [open, setOpen] = useState(false)
  return (
    <details class="cite-page" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('static.citePage')}</summary>
      {open ? <CiteThis path={citedPath(loc.path, loc.search)} {...(release ? { release: decodeURIComponent(release) } : {})} /> : null}
    </details>
  )
}
