/**
 * @module Where to go after signing in: the `next` parameter, but only as a path on this site.
 * It is parsed as a URL against the page's origin — the way the browser will read it — so that
 * "//evil", "/\evil" (a backslash reads as a slash), a tab or newline inside "//" (browsers drop
 * them), "javascript:" and absolute URLs elsewhere all fall back to the overview.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next || next.length > 2000) return '/'
  let url: URL
  try {
    url = new URL(next, `${origin}/`)
  } catch {
    return '/'
  }
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return '/'
  // Only paths: a "next" that was itself a full URL of this site is fine once it is parsed.
  const path = `${url.pathname}${url.search}${url.hash}`
  if (!path.startsWith('/') || path.startsWith('//') || url.pathname === '/signin') return '/'
  return path
}
