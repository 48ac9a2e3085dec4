/**
 * @module The "Embed" disclosure of a page: for each embed of the page, the iframe snippet to
 * paste into another site (with a copy button), a preview link and a static-image fallback (an
 * SVG snapshot made by the server), all at the tracker's canonical address.
 */
import { useState } from 'preact/hooks'
import { language, t } from '../i18n/i18n.ts'
import { embedPath, iframeSnippet, snapshotPath, type EmbedName } from './embeds.ts'
import { usePublicUrl } from './usePublicUrl.ts'
import { isStatic } from '../staticMode.ts'
import './EmbedButton.css'

export interface EmbedChoice {
  name: EmbedName
  id?: string
  /** The query the embed keeps (filters), e.g. "?year=2025". */
  query?: string
  /** What it shows, in the reader's language (the iframe's title). */
  title: string
}

function Snippet({ base, choice }: { base: string; choice: EmbedChoice }) {
  const [copied, setCopied] = useState(false)
  const query = new URLSearchParams(choice.query ?? '')
  if (language() !== 'en') query.set('lang', language())
  const src = `${base}${embedPath(choice.name, choice.id, query.toString())}`
  const snippet = iframeSnippet(src, choice.title, choice.name)
  const image = snapshotPath(choice.name, choice.id, choice.query, isStatic)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div class="embed-choice" data-embed={choice.name}>
      <p class="embed-choice-title">{choice.title}</p>
      <textarea class="embed-snippet" readOnly rows={3} aria-label={t('embed.snippet', { what: choice.title })} data-testid="embed-snippet" onFocus={(e) => e.currentTarget.select()}>
        {snippet}
      </textarea>
      <p class="embed-links">
        <button type="button" class="tool" onClick={copy}>
          {copied ? t('cite.copied') : t('embed.copy')}
        </button>{' '}
        <a href={src} target="_blank" rel="noopener">
          {t('embed.preview')}
        </a>
        {image === null ? null : (
          <>
            {' '}
            ·{' '}
            <a href={`${base}${image}`} target="_blank" rel="noopener" data-testid="embed-image">
              {t('embed.image')}
            </a>
          </>
        )}
      </p>
      {image === null && choice.name === 'chart' ? <p class="embed-image-note" data-testid="embed-image-note">{t('charts.embedImage')}</p> : null}
    </div>
  )
}

export function EmbedButton({ embeds }: { embeds: EmbedChoice[] }) {
  const base = usePublicUrl()
  return (
    <details class="embed-button" data-testid="embed-button">
      <summary>{t('embed.button')}</summary>
      <div class="embed-panel">
        <p class="hint">{t('embed.note')}</p>
        {base === undefined ? null : embeds.map((e) => <Snippet base={base} choice={e} key={`${e.name}:${e.id ?? ''}`} />)}
      </div>
    </details>
  )
}
