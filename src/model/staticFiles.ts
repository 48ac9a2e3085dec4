/**
 * @module Where a published (static) copy keeps the answer of an API request: one pure mapping from
 * a request URL to a file path, used by the publisher that writes the files and by the web client
 * that reads them, so both agree byte for byte. Files (exports, the OpenAPI document, the feed) keep
 * their own names; JSON answers get ".json". Characters other than letters, digits and `.,=_-` are
 * written `~XX` (UTF-8 bytes in hex), so a file name is also its URL (no percent-decoding needed on
 * any static host); a query is sorted and written after an `@`: /api/projects?limit=1&facets=year →
 * api/projects@facets=year&limit=1.json.
 */

/** API paths whose answer is a file of its own type, served under its own name. */
export function isFileEndpoint(path: string): boolean {
  return path.startsWith('/api/export/') || path === '/api/openapi.json' || path.endsWith('.atom')
}

const keep = /[A-Za-z0-9.,=_-]/

/** One path segment or query part, file-name safe: `~XX` for every other byte ("." and ".." too). */
export function safeName(text: string): string {
  if (text === '.' || text === '..') return text.replace(/\./g, '~2E')
  let out = ''
  for (const ch of text) {
    if (keep.test(ch)) out += ch
    else for (const byte of new TextEncoder().encode(ch)) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** The query of a request in one canonical order (by key, then value), as `k=v&k=v` with safe names. */
export function canonicalQuery(search: string | URLSearchParams): string {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const pairs = [...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  return pairs.map(([k, v]) => `${safeName(k)}=${safeName(v)}`).join('&')
}

/**
 * The file (relative, no leading "/") that holds the answer of GET `url` ("/api/…", with or without a
 * query); throws on a URL outside /api/. Segments are taken as sent (percent-escapes decoded).
 */
export function staticFileOf(url: string): string {
  const [rawPath = '', search = ''] = url.split('#')[0]!.split('?', 2) as [string, string?]
  if (!rawPath.startsWith('/api/')) throw new Error(`not an API path: ${url}`)
  const segments = rawPath
    .slice(1)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
  const path = segments.map(safeName).join('/')
  const query = canonicalQuery(search)
  if (isFileEndpoint(rawPath)) return query ? `${path}@${query}` : path
  return `${path}${query ? `@${query}` : ''}.json`
}
