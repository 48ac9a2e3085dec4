/**
 * @module The rest of the reconciliation service: data extension (pull hangul, hanja, province,
 * coordinates and projects back into an OpenRefine column of reconciled places), the properties
 * it proposes, and entity suggest (auto-complete for picking a place by hand).
 * Bounded like the queries: MAX_IDS ids and MAX_PROPERTIES properties a request, MAX_SUGGEST
 * suggestions a page.
 */
import { z } from 'zod'
import { InvalidInputError } from '../model/errors.ts'
import type { MatchLevel } from '../model/names/resolve.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { localityTypes, provinceKinds } from '../model/vocab.ts'
import { fold, placeSearch } from './placeSearch.ts'
import { describeEntity, levelOfId, parseJson, reconcileTypes, type ReconcileType } from './reconcile.ts'

export const MAX_IDS = 500
export const MAX_PROPERTIES = 20
export const MAX_SUGGEST = 10

type Cell = { str: string } | { float: number } | { int: number } | { id: string; name: string }

interface PropertyDef {
  id: string
  name: string
  /** Types the property applies to. */
  of: readonly ReconcileType[]
  /** An entity-valued property names the type of its values. */
  type?: { id: string; name: string }
  value(snapshot: Snapshot, level: MatchLevel, id: string): Cell[]
}

const str = (s: string | null | undefined): Cell[] => (s ? [{ str: s }] : [])
const localityOf = (s: Snapshot, level: MatchLevel, id: string) => (level === 'locality' ? s.localities.get(id) : undefined)
const provinceOf = (s: Snapshot, level: MatchLevel, id: string) => s.provinces.get(level === 'province' ? id : (s.localities.get(id)?.province ?? ''))
const countedProjects = (s: Snapshot, level: MatchLevel, id: string) =>
  level === 'locality' ? (s.projectsByLocality.get(id) ?? []) : s.dataset.projects.filter((p) => s.localities.get(p.locality_id)?.province === id)

export const properties: PropertyDef[] = [
  { id: 'hangul', name: 'Hangul', of: ['locality', 'province'], value: (s, level, id) => str(localityOf(s, level, id)?.hangul ?? provinceOf(s, level, id)?.hangul) },
  { id: 'hanja', name: 'Hanja (Chinese characters)', of: ['locality', 'province'], value: (s, level, id) => str(level === 'locality' ? localityOf(s, level, id)?.hanja : provinceOf(s, level, id)?.hanja) },
  { id: 'mr', name: 'McCune–Reischauer', of: ['locality', 'province'], value: (s, level, id) => str(level === 'locality' ? localityOf(s, level, id)?.mr : provinceOf(s, level, id)?.mr) },
  { id: 'rr', name: 'Revised Romanization', of: ['locality', 'province'], value: (s, level, id) => str(level === 'locality' ? localityOf(s, level, id)?.rr : provinceOf(s, level, id)?.rr) },
  {
    id: 'unit',
    name: 'Kind of unit',
    of: ['locality', 'province'],
    value: (s, level, id) => {
      const l = localityOf(s, level, id)
      if (l) return str(localityTypes.labels[l.type])
      const p = provinceOf(s, level, id)
      return str(p ? provinceKinds.labels[p.kind] : null)
    },
  },
  {
    id: 'province',
    name: 'Province',
    of: ['locality'],
    type: { id: 'province', name: reconcileTypes[1].name },
    value: (s, level, id) => {
      const p = level === 'locality' ? provinceOf(s, level, id) : undefined
      return p ? [{ id: p.id, name: p.plain }] : []
    },
  },
  { id: 'province_hangul', name: 'Province (hangul)', of: ['locality'], value: (s, level, id) => str(level === 'locality' ? provinceOf(s, level, id)?.hangul : null) },
  { id: 'latitude', name: 'Latitude', of: ['locality'], value: (s, level, id) => { const c = localityOf(s, level, id)?.coord; return c ? [{ float: c.lat }] : [] } },
  { id: 'longitude', name: 'Longitude', of: ['locality'], value: (s, level, id) => { const c = localityOf(s, level, id)?.coord; return c ? [{ float: c.lon }] : [] } },
  { id: 'coordinates', name: 'Coordinates (lat,lon)', of: ['locality'], value: (s, level, id) => { const c = localityOf(s, level, id)?.coord; return c ? [{ str: `${c.lat},${c.lon}` }] : [] } },
  { id: 'projects', name: 'Projects (count)', of: ['locality', 'province'], value: (s, level, id) => [{ int: countedProjects(s, level, id).length }] },
  {
    id: 'policy_years',
    name: 'Policy years with projects',
    of: ['locality', 'province'],
    value: (s, level, id) => [...new Set(countedProjects(s, level, id).map((p) => p.year).filter((y): y is number => y !== null))].sort().map((y) => ({ int: y })),
  },
]
const propertyById = new Map(properties.map((p) => [p.id, p]))

/** What `extend` can fetch for a type (the propose-properties answer). */
export function proposeProperties(type: string | undefined, limit?: number) {
  const t = (type ?? 'locality') as ReconcileType
  if (!reconcileTypes.some((r) => r.id === t)) throw new InvalidInputError(`type: unknown type "${type}" (known: ${reconcileTypes.map((r) => r.id).join(', ')})`)
  const list = properties.filter((p) => p.of.includes(t)).map(({ id, name }) => ({ id, name }))
  return { type: t, properties: limit === undefined ? list : list.slice(0, Math.max(0, limit)) }
}

const ExtendQuery = z.object({
  ids: z.array(z.string().max(200)).max(MAX_IDS),
  properties: z.array(z.object({ id: z.string().max(100), settings: z.record(z.string(), z.unknown()).optional() })).min(1).max(MAX_PROPERTIES),
})

/** Answers `extend={"ids":[…],"properties":[{"id":"hangul"},…]}`: one row per id, one cell list per property. */
export function extend(snapshot: Snapshot, raw: string) {
  const parsed = ExtendQuery.safeParse(parseJson(raw, 'extend'))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const at = ['extend', ...issue.path.map(String)].join('.')
    throw new InvalidInputError(`${at}: ${issue.message}`, [{ path: at, message: issue.message }])
  }
  const defs = parsed.data.properties.map((p) => {
    const def = propertyById.get(p.id)
    if (!def) throw new InvalidInputError(`extend.properties: unknown property "${p.id}" (known: ${properties.map((x) => x.id).join(', ')})`)
    return def
  })
  const rows: Record<string, Record<string, Cell[]>> = {}
  for (const id of parsed.data.ids) {
    const level = levelOfId(snapshot, id)
    const row: Record<string, Cell[]> = {}
    for (const def of defs) row[def.id] = level && def.of.includes(level) ? def.value(snapshot, level, id) : []
    rows[id] = row
  }
  return { meta: defs.map((d) => ({ id: d.id, name: d.name, ...(d.type ? { type: d.type } : {}) })), rows }
}

/**
 * Auto-complete for a place: provinces and localities whose names fit the typed prefix, read the
 * way the list search reads it (the resolver first, then names containing the text).
 */
export function suggestEntities(snapshot: Snapshot, prefix: string, cursor = 0) {
  const text = prefix.trim()
  if (text === '') return { result: [] }
  const key = fold(text)
  const search = placeSearch(snapshot, text)
  const hits: { level: MatchLevel; id: string }[] = []
  const place = search.resolution.place
  if (place?.level === 'province') hits.push({ level: 'province', id: place.id })
  for (const c of search.resolution.candidates) if (c.level === 'province') hits.push({ level: 'province', id: c.id })
  if (search.resolution.method === 'substring') {
    for (const p of snapshot.dataset.provinces) if ([p.plain, p.mr, p.rr, p.hangul, p.hanja ?? '', ...p.aliases].some((f) => fold(f).includes(key))) hits.push({ level: 'province', id: p.id })
  }
  for (const l of snapshot.dataset.localities) if (search.matches(l.id)) hits.push({ level: 'locality', id: l.id })
  const unique = hits.filter((h, i) => hits.findIndex((x) => x.id === h.id) === i)
  const start = Math.max(0, Math.min(cursor, unique.length))
  return {
    result: unique.slice(start, start + MAX_SUGGEST).map((h) => {
      const d = describeEntity(snapshot, h.level, h.id)!
      return { id: h.id, name: d.name, description: d.description, notable: [{ ...reconcileTypes.find((t) => t.id === h.level)! }] }
    }),
  }
}
