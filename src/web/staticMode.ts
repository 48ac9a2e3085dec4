/**
 * @module The published (static) copy of the web app: whether this page is one, and its base path.
 * `tracker publish` writes `<meta name="tracker-static" content="/base/" data-live="…">` into every
 * index.html it writes; without that tag (the app served by the tracker itself) nothing here changes
 * anything: the base is "/" and every address stays as it is. A copy published with its address
 * (`--base-url`) names it (`data-url`); the copy a release keeps of the site also names that release
 * (`data-release`, `data-release-date`).
 */
import { staticFileOf } from '../model/staticFiles.ts'

interface Meta {
  base: string
  live: string | null
  url: string | null
  release: { version: string; date: string } | null
}

function readMeta(): Meta | null {
  if (typeof document === 'undefined') return null
  const meta = document.querySelector('meta[name="tracker-static"]')
  if (!meta) return null
  const content = meta.getAttribute('content') ?? '/'
  const base = content.startsWith('/') ? (content.endsWith('/') ? content : `${content}/`) : '/'
  const version = meta.getAttribute('data-release')
  return { base, live: meta.getAttribute('data-live') || null, url: meta.getAttribute('data-url') || null, release: version ? { version, date: meta.getAttribute('data-release-date') ?? '' } : null }
}

const meta = readMeta()

/** True in a copy written by `tracker publish`: the data comes from files, nothing can be changed. */
export const isStatic = meta !== null

/** The path the app lives under ("/" on the tracker's own server, e.g. "/tracker/" on a static host). */
export const basePath = meta?.base ?? '/'

/** The address of the live tracker, when the copy names one. */
export const liveUrl = meta?.live ?? null

/** This copy's own address (`tracker publish --base-url`), when it was published with one. */
export const staticUrl = meta?.url ?? null

/** The release this copy freezes (the copy a release keeps of the site, served at /releases/<version>/site/), or null. */
export const staticRelease = meta?.release ?? null

/** An app path ("/projects?year=2024") as the address it has in this copy ("/tracker/projects?year=2024"). */
export function withBase(href: string, base = basePath): string {
  if (base === '/' || !href.startsWith('/') || href.startsWith('//')) return href
  return base + href.slice(1)
}

/** An address path ("/tracker/projects") as the app path it stands for ("/projects"); paths outside the base stay as they are. */
export function withoutBase(pathname: string, base = basePath): string {
  if (base === '/') return pathname
  if (pathname === base.slice(0, -1)) return '/'
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname
}

/**
 * A link written for the live app as it must read in this copy: app paths get the base; API
 * addresses (JSON of a record, downloads, the OpenAPI document) become the published file. A
 * download of a filtered view has no file of its own, so it is the whole download.
 */
export function staticHref(href: string, base = basePath): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href
  if (href.startsWith('/api/')) {
    const [path = ''] = href.split(/[?#]/, 1)
    const keepQuery = !path.startsWith('/api/export/')
    return base + staticFileOf(keepQuery ? href : path)
  }
  return withBase(href, base)
}

/** Whether a data link carries a filter (a query other than paging and sorting): a published copy has no file for that view. */
export function isFilteredData(href: string): boolean {
  if (!href.startsWith('/api/')) return false
  const query = href.split('#')[0]!.split('?', 2)[1]
  if (!query) return false
  return [...new URLSearchParams(query).keys()].some((k) => k !== 'limit' && k !== 'offset' && k !== 'sort')
}

/** A data link as a published copy can answer it: a view with a query is its whole file (the live tracker filters and sorts; a copy has one file a table). */
export const wholeFileHref = (href: string, inCopy = isStatic): string => (inCopy && href.startsWith('/api/') && /[?#]/.test(href) ? href.split(/[?#]/, 1)[0]! : href)
