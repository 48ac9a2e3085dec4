/**
 * @module The API's answers in a published (static) copy, made from its files: a request with no
 * query is its file; a list the pages filter (projects, localities, events, sources) is read whole
 * from its list file (which holds every item) and filtered, sorted, faceted and paged here with the
 * API's own rules (model/projectFilter.ts, model/placeSearch.ts); any other query is the file
 * `tracker publish` wrote for it (model/staticFiles.ts names them all).
 */
import { countFacets, projectMatches, sortProjects, type FilterableProject, type ProjectFilter } from '../model/projectFilter.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { filterSources, sourceFacets, type FilterableSource, type SourceSort } from '../model/sourceFilter.ts'
import { staticFileOf } from '../model/staticFiles.ts'

export type ReadFile = (file: string) => Promise<unknown>

interface List<T> {
  items: T[]
  total: number
  [key: string]: unknown
}

/** A request the copy cannot answer (it needs the live server): said in words, like the API's 400. */
export class StaticQueryError extends Error {}

const csv = (v: string | null) => (v === null ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean))
const bool = (v: string | null) => (v === null ? undefined : v === 'true' || v === '1' || v === 'yes')
const int = (v: string | null, fallback: number) => {
  const n = v === null ? NaN : Number.parseInt(v, 10)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

function paged<T>(items: T[], params: URLSearchParams): { items: T[]; total: number } {
  const limit = Math.min(1000, Math.max(1, int(params.get('limit'), 100)))
  const offset = int(params.get('offset'), 0)
  return { items: items.slice(offset, offset + limit), total: items.length }
}

function refuse(params: URLSearchParams, allowed: readonly string[], what: string): void {
  const other = [...params.keys()].filter((k) => !allowed.includes(k))
  if (other.length) throw new StaticQueryError(`the published copy cannot filter ${what} by ${other.join(', ')}: that needs the live tracker`)
}

interface Gazetteer {
  localities: List<Record<string, unknown> & { id: string; province: string }>
  provinces: List<Record<string, unknown> & { id: string }>
}

/** The place search of the API over the published gazetteer (the resolver is loaded only when a search is made). */
async function searchOf(read: ReadFile, q: string) {
  const [{ placeSearch }, localities, provinces] = await Promise.all([
    import('../model/placeSearch.ts'),
    read(staticFileOf('/api/localities')) as Promise<Gazetteer['localities']>,
    read(staticFileOf('/api/provinces')) as Promise<Gazetteer['provinces']>,
  ])
  const snapshot = {
    dataset: { localities: localities.items, provinces: provinces.items },
    localities: new Map(localities.items.map((l) => [l.id, l])),
    provinces: new Map(provinces.items.map((p) => [p.id, p])),
    meta: new Map(),
  } as unknown as Snapshot
  return placeSearch(snapshot, q)
}

async function projects(read: ReadFile, params: URLSearchParams): Promise<unknown> {
  refuse(params, ['program', 'year', 'province', 'locality', 'kind', 'status', 'counted', 'pilot', 'q', 'sort', 'facets', 'limit', 'offset'], 'projects')
  const all = (await read(staticFileOf('/api/projects'))) as List<FilterableProject>
  const filter: ProjectFilter = {
    program: params.get('program') ?? undefined,
    year: csv(params.get('year'))?.map(Number),
    province: csv(params.get('province')),
    locality: csv(params.get('locality')),
    kind: csv(params.get('kind')),
    status: csv(params.get('status')),
    counted: bool(params.get('counted')),
    pilot: bool(params.get('pilot')),
  }
  const q = params.get('q')
  const search = q ? await searchOf(read, q) : null
  const items = sortProjects(all.items, params.get('sort') ?? 'year').filter((i) => projectMatches(i, filter, search?.matches))
  const facets = csv(params.get('facets'))
  return { ...paged(items, params), ...(facets ? { facets: countFacets(items, facets) } : {}), ...(search ? { resolved: search.resolution } : {}) }
}

async function localities(read: ReadFile, params: URLSearchParams): Promise<unknown> {
  refuse(params, ['q', 'province', 'type', 'reached', 'limit', 'offset'], 'localities')
  // Whether a locality is reached is the server's reckoning: the copy has a file for each answer.
  const reached = params.get('reached')
  const base = reached === null ? '/api/localities' : `/api/localities?reached=${bool(reached) ? 'true' : 'false'}`
  const all = (await read(staticFileOf(base))) as List<{ id: string; province: string; type: string }>
  const province = csv(params.get('province'))
  const type = csv(params.get('type'))
  const q = params.get('q')
  const search = q ? await searchOf(read, q) : null
  const items = all.items.filter((l) => (!province || province.includes(l.province)) && (!type || type.includes(l.type)) && (!search || search.matches(l.id)))
  return { ...paged(items, params), ...(search ? { resolved: search.resolution } : {}) }
}

interface EventLike {
  type: string
  program_id?: string
  project_id: string | null
  leader_present?: boolean | null
  project_year: number | null
  locality: { province_id: string } | null
}

async function events(read: ReadFile, params: URLSearchParams): Promise<unknown> {
  refuse(params, ['program', 'type', 'project', 'province', 'year', 'leader_present', 'sort', 'limit', 'offset'], 'events')
  const all = (await read(staticFileOf('/api/events'))) as List<EventLike>
  const type = csv(params.get('type'))
  const year = csv(params.get('year'))?.map(Number)
  const province = csv(params.get('province'))
  const project = params.get('project')
  const program = params.get('program')
  const leader = bool(params.get('leader_present'))
  let items = all.items.filter(
    (e) =>
      (!program || e.program_id === program) &&
      (!type || type.includes(e.type)) &&
      (!project || e.project_id === project) &&
      (leader === undefined || (e.leader_present === true || e.type === 'leader_visit') === leader) &&
      (!year || (e.project_year !== null && year.includes(e.project_year))) &&
      (!province || (e.locality !== null && province.includes(e.locality.province_id))),
  )
  if (params.get('sort') === '-date') items = [...items].reverse()
  return paged(items, params)
}

async function sources(read: ReadFile, params: URLSearchParams): Promise<unknown> {
  refuse(params, ['q', 'kind', 'language', 'publisher', 'year', 'sort', 'limit', 'offset'], 'sources')
  const all = (await read(staticFileOf('/api/sources'))) as List<FilterableSource>
  const year = params.get('year')
  const items = filterSources(all.items, {
    kind: csv(params.get('kind')),
    q: params.get('q') ?? undefined,
    language: params.get('language') ?? undefined,
    publisher: params.get('publisher') ?? undefined,
    year: year ? Number(year) : undefined,
    sort: (params.get('sort') as SourceSort | null) ?? undefined,
  })
  return { ...paged(items, params), facets: sourceFacets(all.items) }
}

const computed: Record<string, (read: ReadFile, params: URLSearchParams) => Promise<unknown>> = {
  '/api/projects': projects,
  '/api/localities': localities,
  '/api/events': events,
  '/api/sources': sources,
}

/** The answer of GET `url` ("/api/…?…") in a published copy, read through `read` (a file path relative to the base). */
export async function staticAnswer(url: string, read: ReadFile): Promise<unknown> {
  const [path = '', search = ''] = url.split('?', 2)
  const params = new URLSearchParams(search)
  const compute = computed[path]
  if (!compute || [...params.keys()].length === 0) return read(staticFileOf(url))
  return compute(read, params)
}
