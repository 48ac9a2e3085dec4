/** @module GET /api/projects (filter, search, sort, facets) and GET /api/projects/{id} (events, claims side by side, sources). */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { InvalidInputError, NotFoundError } from '../../model/errors.ts'
import { changedSince, type Snapshot } from '../../model/snapshot.ts'
import { byYearThenLocality, projectMatches, projectSortValue } from '../../model/projectFilter.ts'
import { facilityKinds, statuses } from '../../model/vocab.ts'
import type { AppEnv } from '../context.ts'
import { tagged } from '../recordTag.ts'
import { errorResponses, json, listOf, notFound } from '../openapi.ts'
import { asOfParam, booleanParam, csvList, page, paging, qParam, recordedAsOf, yearList } from '../params.ts'
import { placeSearch, type Resolution } from '../../service/placeSearch.ts'
import { snapshotAsRecorded } from '../../service/recorded.ts'
import { SearchResolution } from '../searchSchema.ts'
import { ProjectDetail, ProjectItem, projectDetail, projectItem } from '../views.ts'

export const sortKeys = ['year', 'locality', 'province', 'status', 'groundbreaking', 'finished', 'updated'] as const
export const facetNames = ['year', 'province', 'kind', 'status', 'counted'] as const

export const ProjectQuery = z.object({
  program: z.string().max(120).optional().describe('Program id (default: every program).'),
  year: yearList.describe('Policy year(s), comma-separated.'),
  province: csvList(z.string().max(80)).describe('Province id(s), e.g. south-pyongan.'),
  locality: csvList(z.string().max(160)).describe('Locality id(s).'),
  kind: csvList(facilityKinds.schema).describe('Facility kind(s).'),
  status: csvList(statuses.schema).describe('Derived status(es).'),
  counted: booleanParam.describe('Only projects that count (true) or do not count (false) toward the target.'),
  pilot: booleanParam,
  q: qParam,
  sort: z
    .string()
    .regex(new RegExp(`^-?(${sortKeys.join('|')})$`), `expected one of ${sortKeys.join(', ')}, optionally prefixed with "-"`)
    .optional()
    .describe('Sort key; "-" for descending. Default: year, then locality.'),
  facets: csvList(z.enum(facetNames)).describe('Return counts per value of these fields for the current filter.'),
  as_of: asOfParam,
  ...paging,
})
export type ProjectQuery = z.infer<typeof ProjectQuery>

const Facets = z.record(z.string(), z.record(z.string(), z.number().int())).meta({ id: 'Facets' })
const ProjectList = listOf(ProjectItem, 'ProjectList', {
  facets: Facets.optional(),
  resolved: SearchResolution.optional(),
})

export function checkKnown(snapshot: Snapshot, q: Pick<ProjectQuery, 'province' | 'locality' | 'program'>): void {
  for (const p of q.province ?? []) if (!snapshot.provinces.has(p)) throw new InvalidInputError(`query.province: unknown province "${p}"`, [{ path: 'query.province', message: `unknown province "${p}"` }])
  for (const l of q.locality ?? []) if (!snapshot.localities.has(l)) throw new InvalidInputError(`query.locality: unknown locality "${l}"`, [{ path: 'query.locality', message: `unknown locality "${l}"` }])
  if (q.program !== undefined && !snapshot.programs.has(q.program)) throw new InvalidInputError(`query.program: unknown program "${q.program}"`, [{ path: 'query.program', message: `unknown program "${q.program}"` }])
}

const sortValue = projectSortValue
const byDefault: (a: ProjectItem, b: ProjectItem) => number = byYearThenLocality

/**
 * The list items of a snapshot, built once and kept in the default order (year, locality, id),
 * and, on first use, in the order of each sort key: a list request then only filters, walking
 * the items in the order asked for (backwards for a descending sort). Requests with `as_of`
 * compute their items afresh and sort them. A snapshot patched from the one the last index was
 * built for (its lineage says which projects may show differently) gets that index with those
 * items made again and put in their places, instead of all 20,000 items at 100× (seconds).
 */
interface ItemIndex {
  items: ProjectItem[]
  orders: Map<string, ProjectItem[]>
}
const indexCache = new WeakMap<Snapshot, ItemIndex>()
/** The last few indexes built, by the serial of their snapshot (which may be gone): what the next one patches. */
const recent = new Map<number, ItemIndex>()
const recentKept = 4
/** How list indexes were made in this process (the bench and the property test read it). */
export const listIndexBuilds = { full: 0, patched: 0 }

/** The order of a sort key: by its value, then the default order (which is total: ids differ). */
function orderOf(key: string): (a: ProjectItem, b: ProjectItem) => number {
  if (key === 'year') return byDefault
  return (a, b) => {
    const x = sortValue(a, key)
    const y = sortValue(b, key)
    return x < y ? -1 : x > y ? 1 : byDefault(a, b)
  }
}

function sortItems(items: ProjectItem[], key: string): ProjectItem[] {
  const base = [...items].sort(byDefault)
  if (key === 'year') return base
  const keyed = base.map((item) => ({ item, k: sortValue(item, key) }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
  return keyed.map((x) => x.item)
}

/** `list` (sorted by `cmp`) without the items of `gone`, with `fresh` put in their places. */
function replaceSorted(list: readonly ProjectItem[], gone: ReadonlySet<string>, fresh: readonly ProjectItem[], cmp: (a: ProjectItem, b: ProjectItem) => number): ProjectItem[] {
  const kept = list.filter((i) => !gone.has(i.id))
  const adds = [...fresh].sort(cmp)
  const out: ProjectItem[] = []
  let from = 0
  for (const item of adds) {
    let lo = from
    let hi = kept.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cmp(kept[mid]!, item) < 0) lo = mid + 1
      else hi = mid
    }
    for (let i = from; i < lo; i++) out.push(kept[i]!)
    out.push(item)
    from = lo
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]!)
  return out
}

function patchedIndex(snapshot: Snapshot): ItemIndex | null {
  const found = changedSince(snapshot, (serial) => recent.has(serial))
  if (!found) return null
  const base = recent.get(found.serial)!
  const changed = found.projects
  if (changed.size > base.items.length / 4 + 100) return null
  const fresh: ProjectItem[] = []
  for (const id of changed) {
    const p = snapshot.projects.get(id)
    if (p) fresh.push(projectItem(snapshot, p))
  }
  const items = replaceSorted(base.items, changed, fresh, byDefault)
  const orders = new Map([['year', items]])
  for (const [key, order] of base.orders) if (key !== 'year') orders.set(key, replaceSorted(order, changed, fresh, orderOf(key)))
  return { items, orders }
}

/** Keeps `index` as the snapshot's, and among the few recent ones the next snapshot patches from. */
function remember(snapshot: Snapshot, index: ItemIndex): void {
  indexCache.set(snapshot, index)
  recent.set(snapshot.serial, index)
  if (recent.size > recentKept) recent.delete(recent.keys().next().value!)
}

function ordered(snapshot: Snapshot, key: string): ProjectItem[] {
  let index = indexCache.get(snapshot)
  if (!index) {
    index = patchedIndex(snapshot) ?? undefined
    if (index) listIndexBuilds.patched++
    else {
      index = fullIndex(snapshot)
      listIndexBuilds.full++
    }
    remember(snapshot, index)
  }
  let order = index.orders.get(key)
  if (!order) index.orders.set(key, (order = sortItems(index.items, key)))
  return order
}

/**
 * The list index persisted with the snapshot (store/snapshotCache.ts): a server starting from the
 * file answers its first list without making 20,000 items again (seconds at 100×). The items are
 * derived by this code: the file is keyed by the code's version too.
 */
export const listIndexExtra = {
  name: 'projects.list',
  get: (snapshot: Snapshot): unknown => ordered(snapshot, 'year'),
  seed(snapshot: Snapshot, value: unknown): void {
    const items = value as ProjectItem[]
    remember(snapshot, { items, orders: new Map([['year', items]]) })
  },
}

function fullIndex(snapshot: Snapshot): ItemIndex {
  const items = snapshot.dataset.projects.map((p) => projectItem(snapshot, p)).sort(byDefault)
  return { items, orders: new Map([['year', items]]) }
}

/** The projects matching a query, sorted, with derived fields; shared by the list, the exports and the map. */
/** The filters and order of a project query (paging and facets are the caller's). */
export type ProjectSelection = Omit<ProjectQuery, 'limit' | 'offset' | 'facets'>

export function selectProjects(snapshot: Snapshot, q: ProjectSelection): ProjectItem[] {
  return searchProjects(snapshot, q).items
}

/** selectProjects, with how `q` was read. */
export function searchProjects(snapshot: Snapshot, q: ProjectSelection): { items: ProjectItem[]; resolved?: Resolution } {
  checkKnown(snapshot, q)
  const key = (q.sort ?? 'year').replace(/^-/, '')
  const descending = q.sort?.startsWith('-') ?? false
  const source = q.as_of ? sortItems(snapshot.dataset.projects.map((p) => projectItem(snapshot, p, q.as_of)), key) : ordered(snapshot, key)
  const search = q.q ? placeSearch(snapshot, q.q) : null
  const text = search?.matches
  const items: ProjectItem[] = []
  for (let i = 0; i < source.length; i++) {
    const item = source[descending ? source.length - 1 - i : i]!
    if (!projectMatches(item, q, text)) continue
    items.push(item)
  }
  return search ? { items, resolved: search.resolution } : { items }
}

/** Small integer codes of an item's facet values, computed once per snapshot (not serialized: a symbol key). */
const facetCodes = Symbol('facetCodes')
interface FacetCodes {
  year: number // index into years (year - 1900), or -1 for a pilot
  province: number // index into the snapshot's provinces
  kinds: number // bit mask over facilityKinds.values
  status: number // index into statusNames
  counted: number // 1 or 0
}
type Coded = ProjectItem & { [facetCodes]?: FacetCodes }
const statusNames = [...statuses.values, 'null'] as const

function codesOf(item: Coded, provinceIndex: Map<string, number>): FacetCodes {
  let c = item[facetCodes]
  if (!c) {
    let kinds = 0
    for (const k of item.kinds) kinds |= 1 << facilityKinds.values.indexOf(k)
    c = {
      year: item.year === null ? -1 : item.year - 1900,
      province: provinceIndex.get(item.locality.province_id) ?? -1,
      kinds,
      status: item.status === null ? statusNames.length - 1 : statusNames.indexOf(item.status),
      counted: item.counted ? 1 : 0,
    }
    item[facetCodes] = c
  }
  return c
}

/**
 * Counts per value of each facet over the items. Values are counted as small integers into
 * typed arrays (codes cached on the items), then named: a plain pass with string keys took
 * 10–25 ms over 20,000 projects, this well under a millisecond.
 */
export function facetCounts(items: ProjectItem[], names: readonly string[], provinces: readonly string[] = []): Record<string, Record<string, number>> {
  const provinceIndex = new Map(provinces.map((p, i) => [p, i]))
  const year = new Int32Array(302)
  const province = new Int32Array(provinces.length + 1)
  const kind = new Int32Array(facilityKinds.values.length)
  const status = new Int32Array(statusNames.length)
  const counted = new Int32Array(2)
  const otherProvinces = new Map<string, number>()
  for (const item of items) {
    const c = codesOf(item as Coded, provinceIndex)
    year[c.year + 1]!++
    if (c.province >= 0) province[c.province]!++
    else otherProvinces.set(item.locality.province_id, (otherProvinces.get(item.locality.province_id) ?? 0) + 1)
    for (let b = 0, m = c.kinds; m; b++, m >>= 1) if (m & 1) kind[b]!++
    status[c.status]!++
    counted[c.counted]!++
  }
  const out: Record<string, Record<string, number>> = {}
  const want = new Set(names)
  const named = (counts: Int32Array, label: (i: number) => string) => {
    const o: Record<string, number> = {}
    counts.forEach((n, i) => {
      if (n > 0) o[label(i)] = n
    })
    return o
  }
  if (want.has('year')) out.year = named(year, (i) => (i === 0 ? 'pilot' : String(i - 1 + 1900)))
  if (want.has('province')) out.province = { ...named(province, (i) => provinces[i]!), ...Object.fromEntries(otherProvinces) }
  if (want.has('kind')) out.kind = named(kind, (i) => facilityKinds.values[i]!)
  if (want.has('status')) out.status = named(status, (i) => statusNames[i]!)
  if (want.has('counted')) out.counted = named(counted, (i) => String(i === 1))
  return out
}

const list = createRoute({
  method: 'get',
  path: '/api/projects',
  tags: ['projects'],
  summary: 'Projects, filtered, searched, sorted and faceted',
  request: { query: ProjectQuery },
  responses: { 200: json(ProjectList, 'Matching projects.'), ...errorResponses },
})

const one = createRoute({
  method: 'get',
  path: '/api/projects/{id}',
  tags: ['projects'],
  summary: 'One project with its events, claims (conflicts side by side) and sources',
  request: { params: z.object({ id: z.string().max(300) }), query: z.object({ as_of: recordedAsOf }) },
  responses: { 200: json(ProjectDetail, 'The project; its ETag works as If-Match for PATCH and DELETE.'), ...notFound, ...errorResponses },
})

export function registerProjects(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const snapshot = await c.var.tracker.readModel.current()
    const { items, resolved } = searchProjects(snapshot, q)
    const body = { ...page(items, q.limit, q.offset), ...(q.facets ? { facets: facetCounts(items, q.facets, snapshot.dataset.provinces.map((p) => p.id)) } : {}), ...(resolved ? { resolved } : {}) }
    return c.json(body, 200)
  })
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const { as_of } = c.req.valid('query')
    const snapshot = as_of ? await snapshotAsRecorded(c.var.tracker, as_of) : await c.var.tracker.readModel.current()
    const project = snapshot.projects.get(id)
    if (!project) throw new NotFoundError(as_of ? `project "${id}" was not recorded on ${as_of}` : `no project with id "${id}"`)
    return c.json(tagged(c, projectDetail(snapshot, project) as z.infer<typeof ProjectDetail>), 200)
  })
}
