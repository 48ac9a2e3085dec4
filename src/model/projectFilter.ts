/**
 * @module What GET /api/projects means by its filters, order and facets, as pure functions over
 * list items: the API runs them over its read model, the published static copy runs them in the
 * browser over the full list file, so a filtered view shows the same projects in both.
 */

/** The fields of a project list item the filters and orders read. */
export interface FilterableProject {
  id: string
  program_id: string
  year: number | null
  locality_id: string
  locality: { name: string; province: string; province_id: string }
  kinds: readonly string[]
  counted: boolean
  pilot: boolean
  status: string | null
  dates: { groundbreaking?: string | null; finished?: string | null }
  updated_at?: string | null
}

/** The filters of a project query, as the API's schema reads them. */
export interface ProjectFilter {
  program?: string
  year?: number[]
  province?: string[]
  locality?: string[]
  kind?: string[]
  status?: string[]
  counted?: boolean
  pilot?: boolean
  as_of?: string
}

/** Whether `item` passes every filter of `q`; `text` is the place search of `q.q`, when there is one. */
export function projectMatches(item: FilterableProject, q: ProjectFilter, text?: (localityId: string) => boolean): boolean {
  if (q.program && item.program_id !== q.program) return false
  if (q.year && (item.year === null || !q.year.includes(item.year))) return false
  if (q.locality && !q.locality.includes(item.locality_id)) return false
  if (q.province && !q.province.includes(item.locality.province_id)) return false
  if (q.kind && !item.kinds.some((k) => q.kind!.includes(k))) return false
  if (q.counted !== undefined && item.counted !== q.counted) return false
  if (q.pilot !== undefined && item.pilot !== q.pilot) return false
  if (text && !text(item.locality_id)) return false
  if (q.as_of && item.status === null) return false
  if (q.status && (item.status === null || !q.status.includes(item.status))) return false
  return true
}

/** Sort key of an item for each sort order; compared as plain strings (codepoint order). */
export function projectSortValue(i: FilterableProject, key: string): string {
  switch (key) {
    case 'locality':
      return i.locality.name
    case 'province':
      return `${i.locality.province}|${i.locality.name}`
    case 'status':
      return String(i.status)
    case 'groundbreaking':
      return i.dates.groundbreaking ?? '9999'
    case 'finished':
      return i.dates.finished ?? '9999'
    case 'updated':
      return i.updated_at ?? ''
    default:
      return String(i.year ?? 0).padStart(4, '0')
  }
}

/** The default order: year, then locality name, then id (a total order). */
export function byYearThenLocality(a: FilterableProject, b: FilterableProject): number {
  return (a.year ?? 0) - (b.year ?? 0) || (a.locality.name < b.locality.name ? -1 : a.locality.name > b.locality.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** `items` in the order of `sort` ("year", "-locality", …): by its value, ties in the default order; "-" walks it backwards. */
export function sortProjects<T extends FilterableProject>(items: readonly T[], sort = 'year'): T[] {
  const key = sort.replace(/^-/, '')
  const base = [...items].sort(byYearThenLocality)
  let out = base
  if (key !== 'year') {
    const keyed = base.map((item) => ({ item, k: projectSortValue(item, key) }))
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    out = keyed.map((x) => x.item)
  }
  return sort.startsWith('-') ? out.reverse() : out
}

/** Counts per value of each named facet (year with "pilot", province, kind, status with "null", counted), plainly. */
export function countFacets(items: readonly FilterableProject[], names: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {}
  const add = (facet: string, value: string) => {
    const o = (out[facet] ??= {})
    o[value] = (o[value] ?? 0) + 1
  }
  for (const name of names) out[name] = {}
  for (const i of items) {
    if (names.includes('year')) add('year', i.year === null ? 'pilot' : String(i.year))
    if (names.includes('province')) add('province', i.locality.province_id)
    if (names.includes('kind')) for (const k of new Set(i.kinds)) add('kind', k)
    if (names.includes('status')) add('status', i.status === null ? 'null' : i.status)
    if (names.includes('counted')) add('counted', String(i.counted))
  }
  return out
}
