/**
 * @module What makes two reports the same report: the URL in one normal form (lower-case host,
 * no fragment, no tracking parameters, no trailing slash) or the same article text (a sha-256 of
 * it with white space folded and Unicode normalized). The report id derives from the text hash,
 * so re-ingesting a report yields the same id.
 */
import { createHash } from 'node:crypto'

const tracking = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|source)$/i

/** The URL in its normal form, or null when it is not an http(s) URL. */
export function normalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  url.hash = ''
  for (const key of [...url.searchParams.keys()]) if (tracking.test(key)) url.searchParams.delete(key)
  url.searchParams.sort()
  let text = url.toString()
  if (url.pathname.length > 1 && text.endsWith('/') && !url.search) text = text.slice(0, -1)
  return text
}

export function foldForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

export function textHash(text: string): string {
  return createHash('sha256').update(foldForHash(text)).digest('hex')
}

export function reportIdOf(hash: string): string {
  return `r-${hash.slice(0, 16)}`
}
