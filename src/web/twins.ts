/**
 * @module The data twin of every page: the API URLs that hold what the page shows, with the
 * page's filters, so a reader can take the same view as JSON (and, where the page is a table,
 * as CSV). The CSVs are the existing /api/export/<table>.csv downloads; only the project export
 * honours filters, so pages that show projects link it with their filter.
 */
import { apiParams, eventParams, readFilters } from './filters.ts'

export type TwinFormat = 'json' | 'csv' | 'geojson'

export interface Twin {
  format: TwinFormat
  href: string
  /** What the file holds, as a message key (shown when a page has two of one format). */
  what: string
  /**
   * The page is one record's: the URL the page itself reads to know the record exists (and, for a
   * list, the id its items must hold). When there is no such record, the page has no twin.
   */
  record?: { href: string; id?: string }
}

function url(path: string, params?: URLSearchParams | Record<string, string>): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {})
  const text = p.toString()
  return text ? `${path}?${text}` : path
}

function segments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p)
      } catch {
        return p
      }
    })
}

const enc = encodeURIComponent

/** The twins of the page at `path` with the query `search` ("" or "?year=2024"); none for pages without data (sign-in, review, unknown). */
export function twinsOf(path: string, search = ''): Twin[] {
  const query = new URLSearchParams(search)
  const [first, id, ...rest] = segments(path)
  if (rest.length > 0) return []
  const filtered = apiParams(readFilters(query))
  const withLimit = (p: URLSearchParams, limit: number) => {
    const out = new URLSearchParams(p)
    out.set('limit', String(limit))
    return out
  }
  if (!first) return [{ format: 'json', href: '/api/stats/progress', what: 'twins.progress' }, { format: 'csv', href: '/api/export/projects.csv', what: 'twins.projects' }]
  if (first === 'map' && !id)
    return [
      { format: 'json', href: url('/api/projects', withLimit(filtered, 1000)), what: 'twins.projects' },
      { format: 'csv', href: url('/api/export/projects.csv', filtered), what: 'twins.projects' },
      { format: 'geojson', href: url('/api/export/projects.geojson', filtered), what: 'twins.projects' },
    ]
  if (first === 'projects' && !id) {
    const sort = query.get('sort')
    const list = withLimit(filtered, 1000)
    if (sort && /^-?[a-z_]+$/.test(sort)) list.set('sort', sort)
    return [
      { format: 'json', href: url('/api/projects', list), what: 'twins.projects' },
      { format: 'csv', href: url('/api/export/projects.csv', filtered), what: 'twins.projects' },
    ]
  }
  if (first === 'projects' && id) return [{ format: 'json', href: `/api/projects/${enc(id)}`, what: 'twins.project', record: { href: `/api/projects/${enc(id)}` } }]
  if (first === 'timeline' && !id) {
    // The projects drawn (every filter), and the events they are drawn with (by year and province,
    // the filters /api/events knows; the page draws those of the projects shown).
    const events = eventParams(readFilters(query))
    return [
      { format: 'json', href: url('/api/projects', withLimit(filtered, 1000)), what: 'twins.projects' },
      { format: 'csv', href: url('/api/export/projects.csv', filtered), what: 'twins.projects' },
      { format: 'json', href: url('/api/events', withLimit(events, 1000)), what: 'twins.events' },
      { format: 'csv', href: '/api/export/events.csv', what: 'twins.events' },
    ]
  }
  if (first === 'localities' && id)
    return [
      { format: 'json', href: `/api/localities/${enc(id)}`, what: 'twins.locality', record: { href: `/api/localities/${enc(id)}` } },
      { format: 'csv', href: url('/api/export/projects.csv', { locality: id }), what: 'twins.projects' },
    ]
  if (first === 'provinces' && id)
    return [
      { format: 'json', href: url('/api/localities', { province: id, limit: '1000' }), what: 'twins.localities', record: { href: '/api/provinces', id } },
      { format: 'csv', href: url('/api/export/projects.csv', { province: id }), what: 'twins.projects' },
    ]
  if (first === 'provinces') return [{ format: 'json', href: '/api/provinces', what: 'twins.provinces' }, { format: 'csv', href: '/api/export/provinces.csv', what: 'twins.provinces' }]
  if (first === 'sources' && id === 'new') return []
  if (first === 'sources' && id) return [{ format: 'json', href: `/api/sources/${enc(id)}`, what: 'twins.source', record: { href: `/api/sources/${enc(id)}` } }]
  if (first === 'sources') {
    const p = new URLSearchParams()
    // The sources list's search and filters, in the API's names.
    for (const key of ['q', 'kind', 'language', 'publisher', 'year', 'sort']) {
      const v = query.get(key)?.trim()
      if (v) p.set(key, v)
    }
    p.set('limit', '1000')
    return [
      { format: 'json', href: url('/api/sources', p), what: 'twins.sources' },
      { format: 'csv', href: '/api/export/sources.csv', what: 'twins.sources' },
    ]
  }
  if (first === 'about' && !id) return [{ format: 'json', href: '/api/programs', what: 'twins.programs' }]
  if (first === 'charts' && !id)
    return [
      { format: 'json', href: '/api/stats/progress', what: 'twins.progress' },
      { format: 'json', href: '/api/stats/coverage', what: 'twins.coverage' },
      { format: 'csv', href: '/api/export/projects.csv', what: 'twins.projects' },
    ]
  return []
}
