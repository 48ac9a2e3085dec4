/**
 * @module A small history-API router: the current path and query as a hook, `navigate()`, and
 * one document-level click handler that turns same-origin links into client-side navigation
 * (so every link is a plain <a href>, shareable and keyboard-usable). In a published copy under a
 * sub-path (staticMode.ts) the app sees its own paths ("/projects") and the address bar the base
 * with them ("/tracker/projects"): the base is taken off here and put on in navigate().
 */
import { useEffect, useState } from 'preact/hooks'
import { language } from './i18n/i18n.ts'
import { basePath, withBase, withoutBase } from './staticMode.ts'

export interface Loc {
  path: string
  search: string
}

const listeners = new Set<(loc: Loc) => void>()

function current(): Loc {
  const path = withoutBase(window.location.pathname)
  // A static host answers /tracker/projects with /tracker/projects/ (its index.html): the same page.
  return { path: basePath !== '/' && path.length > 1 ? path.replace(/\/+$/, '') : path, search: window.location.search }
}

function notify(): void {
  const loc = current()
  for (const l of listeners) l(loc)
}

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (typing in a search box). */
  replace?: boolean
}

export function navigate(href: string, options: NavigateOptions = {}): void {
  const url = new URL(href, window.location.href)
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href)
    return
  }
  // An app path ("/projects") is an address under the base; an address already under it stays.
  if (basePath !== '/' && !url.pathname.startsWith(basePath) && url.pathname !== basePath.slice(0, -1)) url.pathname = withBase(url.pathname)
  // A Korean reader's address keeps ?lang=ko, so a copied link opens in Korean too.
  if (language() !== 'en' && !url.searchParams.has('lang') && !withoutBase(url.pathname).startsWith('/api/')) url.searchParams.set('lang', language())
  const samePage = url.pathname === window.location.pathname
  const target = url.pathname + url.search + url.hash
  if (target === window.location.pathname + window.location.search + window.location.hash) return
  if (options.replace) window.history.replaceState(null, '', target)
  else window.history.pushState(null, '', target)
  if (!samePage && !url.hash) window.scrollTo(0, 0)
  notify()
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState<Loc>(current)
  useEffect(() => {
    listeners.add(setLoc)
    return () => void listeners.delete(setLoc)
  }, [])
  return loc
}

/** The query of the current location as URLSearchParams. */
export function useSearchParams(): URLSearchParams {
  return new URLSearchParams(useLocation().search)
}

/** Client-side navigation for plain same-origin links outside /api/ (downloads and the API are real requests). */
export function interceptLinks(): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = (event.target as Element | null)?.closest?.('a')
    if (!anchor) return
    const href = anchor.getAttribute('href')
    if (!href || anchor.hasAttribute('download') || (anchor.getAttribute('target') ?? '_self') !== '_self' || anchor.getAttribute('rel')?.includes('external')) return
    const url = new URL(href, window.location.href)
    if (url.origin !== window.location.origin || withoutBase(url.pathname).startsWith('/api/')) return
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return
    event.preventDefault()
    navigate(url.pathname + url.search + url.hash)
  }
  const onPop = () => notify()
  document.addEventListener('click', onClick)
  window.addEventListener('popstate', onPop)
  return () => {
    document.removeEventListener('click', onClick)
    window.removeEventListener('popstate', onPop)
  }
}
