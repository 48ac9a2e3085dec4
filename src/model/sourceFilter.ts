/**
 * @module The filters, orders and facets of the sources list, as pure functions: the API's
 * GET /api/sources and a published copy's browser-side answers use the same rules.
 */
import { fold } from './placeSearch.ts'

/** The fields of a source the list filters and sorts by. */
export interface FilterableSource {
  id: string
  kind: string
  publisher: string
  title: string
  url?: string | null
  language?: string | null
  published?: string | null
}

export type SourceSort = 'published' | '-published' | 'publisher' | '-publisher' | 'title' | '-title'

export interface SourceFilter {
  kind?: readonly string[] | undefined
  q?: string | undefined
  language?: string | undefined
  publisher?: string | undefined
  year?: number | undefined
  sort?: SourceSort | undefined
}

export interface Facet {
  value: string
  count: number
}

export interface SourceFacets {
  publisher: Facet[]
  kind: Facet[]
  language: Facet[]
  year: Facet[]
}

/** The sources that pass the filter, in the order asked for (newest first by default; undated last either way). */
export function filterSources<T extends FilterableSource>(all: readonly T[], f: SourceFilter): T[] {
  const key = f.q ? fold(f.q) : ''
  const items = all.filter(
    (x) =>
      (!f.kind || f.kind.includes(x.kind)) &&
      (!f.language || x.language === f.language) &&
      (!f.publisher || x.publisher === f.publisher) &&
      (f.year === undefined || x.published?.slice(0, 4) === String(f.year)) &&
      (!key || fold(`${x.publisher}|${x.title}|${x.url ?? ''}|${x.id}`).includes(key)),
  )
  const sort = f.sort ?? '-published'
  const dir = sort.startsWith('-') ? -1 : 1
  const by = sort.replace(/^-/, '') as 'published' | 'publisher' | 'title'
  // Ties go newest first, then by id.
  const newest = (a: T, b: T) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id)
  return items.sort((a, b) => {
    if (by === 'published') {
      if (!a.published !== !b.published) return a.published ? -1 : 1
      return dir * (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id)
    }
    return dir * a[by].localeCompare(b[by], 'en', { sensitivity: 'base' }) || newest(a, b)
  })
}

function facet(values: (string | null | undefined)[], limit = 200): Facet[] {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit)
}

/** The values to filter by among all sources, with how many sources have each (years newest first). */
export function sourceFacets(all: readonly FilterableSource[]): SourceFacets {
  return {
    publisher: facet(all.map((x) => x.publisher)),
    kind: facet(all.map((x) => x.kind)),
    language: facet(all.map((x) => x.language)),
    year: facet(all.map((x) => x.published?.slice(0, 4))).sort((a, b) => b.value.localeCompare(a.value)),
  }
}
