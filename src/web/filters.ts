/**
 * @module The project filters shared by the explorer and the map: read from and written to the
 * query string with the API's own parameter names, so a view's URL, its API request and its
 * downloads all carry the same filter.
 */

export interface Filters {
  year: string[]
  province: string[]
  kind: string[]
  status: string[]
  counted: '' | 'true' | 'false'
  q: string
  as_of: string
}

export const listKeys = ['year', 'province', 'kind', 'status'] as const
export type ListKey = (typeof listKeys)[number]
export const filterKeys = [...listKeys, 'counted', 'q', 'as_of'] as const

export function emptyFilters(): Filters {
  return { year: [], province: [], kind: [], status: [], counted: '', q: '', as_of: '' }
}

function list(value: string | null): string[] {
  if (!value) return []
  return [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))]
}

export function readFilters(search: string | URLSearchParams): Filters {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search
  const counted = p.get('counted')
  const asOf = p.get('as_of') ?? ''
  return {
    year: list(p.get('year')),
    province: list(p.get('province')),
    kind: list(p.get('kind')),
    status: list(p.get('status')),
    counted: counted === 'true' || counted === 'false' ? counted : '',
    q: (p.get('q') ?? '').trim(),
    as_of: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : '',
  }
}

/** The filter as query parameters, in a stable order, leaving out what is not set. */
export function filterParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams()
  for (const key of listKeys) if (f[key].length > 0) p.set(key, [...f[key]].sort().join(','))
  if (f.counted) p.set('counted', f.counted)
  if (f.q) p.set('q', f.q)
  if (f.as_of) p.set('as_of', f.as_of)
  return p
}

export function hasFilter(f: Filters): boolean {
  return filterParams(f).toString() !== ''
}

/** `path` with the filter and any extra parameters (empty extras are left out). */
export function hrefWith(path: string, f: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const p = filterParams(f)
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v))
  const text = p.toString()
  return text ? `${path}?${text}` : path
}

/** The filter as the API's query parameters: the year "pilot" (the project before the policy) is `pilot=true`. */
export function apiParams(f: Filters): URLSearchParams {
  const p = filterParams({ ...f, year: f.year.filter((y) => y !== 'pilot') })
  if (f.year.includes('pilot') && !p.has('year')) p.set('pilot', 'true')
  return p
}

/**
 * The filter as /api/events parameters: its policy years and provinces, the two filters events
 * know (and the published copy answers); the timeline draws only the events of the projects the
 * whole filter chose.
 */
export function eventParams(f: Filters): URLSearchParams {
  return apiParams({ ...emptyFilters(), year: f.year.filter((y) => y !== 'pilot'), province: f.province })
}

/** Adds `value` to the list under `key`, or takes it out when it is there. The pilot is a year of its own: never mixed with policy years. */
export function toggled(f: Filters, key: ListKey, value: string): Filters {
  const has = f[key].includes(value)
  if (key === 'year' && !has) return { ...f, year: value === 'pilot' ? ['pilot'] : [...f.year.filter((y) => y !== 'pilot'), value] }
  return { ...f, [key]: has ? f[key].filter((v) => v !== value) : [...f[key], value] }
}

/** The filters carried over when switching between the explorer and the map. */
export function sharedSearch(search: string): string {
  const text = filterParams(readFilters(search)).toString()
  return text ? `?${text}` : ''
}
