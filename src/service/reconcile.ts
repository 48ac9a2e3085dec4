/**
 * @module The gazetteer as a reconciliation service (W3C Entity Reconciliation CG, Reconciliation
 * Service API v0.2 — what OpenRefine speaks): the service manifest and reconciliation queries,
 * single or batched. Every query goes through the resolver of `tracker resolve`, so a candidate
 * is `match: true` only when the resolver took the text for that place exactly or after
 * normalisation — never for a typo or an ambiguous name, which stay for a person to pick.
 *
 * Types: `locality` (city, county or district) and `province` (province or special city). The
 * one property is `province`, which narrows a query as a province hint does.
 * Work is bounded: at most MAX_QUERIES queries a batch, MAX_LIMIT candidates a query, MAX_TEXT
 * characters a text (longer texts get no candidates).
 */
import { z } from 'zod'
import { InvalidInputError } from '../model/errors.ts'
import { localityLabel } from '../model/locality.ts'
import { provinceKinds } from '../model/vocab.ts'
import type { MatchLevel, PlaceCandidate, PlaceMatch } from '../model/names/resolve.ts'
import type { Snapshot } from '../model/snapshot.ts'
import { resolverFor } from './placeSearch.ts'

export const MAX_QUERIES = 100
export const MAX_LIMIT = 25
export const DEFAULT_LIMIT = 5
export const MAX_TEXT = 200

export const reconcileTypes = [
  { id: 'locality', name: 'Locality (county-level city, county or district)' },
  { id: 'province', name: 'Province or special city' },
] as const
export type ReconcileType = (typeof reconcileTypes)[number]['id']
const typeOf = (level: MatchLevel) => reconcileTypes.find((t) => t.id === level)!

/** A property value as the spec allows it: text, a number, a boolean or an entity `{id, name}`. */
const PropertyValue = z.union([z.string().max(MAX_TEXT), z.number(), z.boolean(), z.object({ id: z.string().max(MAX_TEXT), name: z.string().max(MAX_TEXT).optional() })])

export const ReconcileQuery = z.object({
  query: z.string().max(10_000).optional(),
  type: z.union([z.string().max(100), z.array(z.string().max(100)).max(10)]).optional(),
  limit: z.number().int().min(0).optional(),
  properties: z.array(z.object({ pid: z.string().max(100), v: z.union([PropertyValue, z.array(PropertyValue).max(10)]) })).max(10).optional(),
  type_strict: z.enum(['any', 'should', 'all']).optional(),
})
export type ReconcileQuery = z.infer<typeof ReconcileQuery>

export interface ReconcileCandidate {
  id: string
  name: string
  description: string
  score: number
  match: boolean
  type: { id: string; name: string }[]
}

/** The base URL links are built from: TRACKER_PUBLIC_URL, or the local address. */
export function publicBase(config: { publicUrl?: string; port: number }): string {
  return config.publicUrl ?? `http://localhost:${config.port}`
}

export function manifest(base: string) {
  return {
    versions: ['0.2'],
    name: '20×10 Tracker gazetteer (North Korean localities and provinces)',
    identifierSpace: `${base}/api/localities/`,
    schemaSpace: `${base}/api/reconcile/types/`,
    documentation: `${base}/api/openapi.json`,
    serviceVersion: '1',
    defaultTypes: reconcileTypes.map((t) => ({ ...t })),
    view: { url: `${base}/api/reconcile/view/{{id}}` },
    suggest: { entity: { service_url: base, service_path: '/api/reconcile/suggest/entity' } },
    extend: {
      propose_properties: { service_url: base, service_path: '/api/reconcile/properties' },
      property_settings: [],
    },
  }
}

/** "South Pyongan · 성천군 · 成川郡 · county", so namesakes can be told apart in a list. */
export function describeEntity(snapshot: Snapshot, level: MatchLevel, id: string): { name: string; description: string } | null {
  if (level === 'province') {
    const p = snapshot.provinces.get(id)
    if (!p) return null
    return { name: p.plain, description: [p.hangul, p.hanja, provinceKinds.labels[p.kind].toLowerCase()].filter(Boolean).join(' · ') }
  }
  const l = snapshot.localities.get(id)
  if (!l) return null
  const p = snapshot.provinces.get(l.province)
  return { name: localityLabel(l), description: [p?.plain ?? l.province, l.hangul, l.hanja, l.type].filter(Boolean).join(' · ') }
}

/** The level an id is of: province ids have no dot, locality ids are "<province>.<name>". */
export function levelOfId(snapshot: Snapshot, id: string): MatchLevel | null {
  if (snapshot.localities.has(id)) return 'locality'
  if (snapshot.provinces.has(id)) return 'province'
  return null
}

function wantedTypes(type: ReconcileQuery['type']): Set<string> | null {
  if (type === undefined) return null
  const list = typeof type === 'string' ? [type] : type
  return list.length === 0 ? null : new Set(list)
}

/** The province a query's `province` property names, as text the resolver reads (an id or any spelling). */
function provinceHint(q: ReconcileQuery): string | null {
  const values = (q.properties ?? []).filter((p) => p.pid === 'province').flatMap((p) => (Array.isArray(p.v) ? p.v : [p.v]))
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') return v
    if (typeof v === 'object' && v !== null) return v.id
  }
  return null
}

function candidatesOf(m: PlaceMatch): { c: PlaceCandidate; match: boolean }[] {
  if (m.status === 'match') {
    const first = { c: { level: m.level, id: m.id, score: m.score, matched: m.matched, method: m.method } as PlaceCandidate, match: m.method === 'exact' || m.method === 'normalised' }
    const rest = [...m.also, ...m.candidates].filter((c) => !(c.id === m.id && c.level === m.level))
    return [first, ...rest.map((c) => ({ c, match: false }))]
  }
  return m.candidates.map((c) => ({ c, match: false }))
}

/** The candidates for one query, best first. */
export function reconcileOne(snapshot: Snapshot, q: ReconcileQuery): ReconcileCandidate[] {
  const text = q.query?.trim() ?? ''
  if (text === '' || text.length > MAX_TEXT) return []
  const types = wantedTypes(q.type)
  const limit = Math.min(q.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
  const province = provinceHint(q)
  const m = resolverFor(snapshot).resolve(text, province ? { province } : {})
  const seen = new Set<string>()
  const out: ReconcileCandidate[] = []
  for (const { c, match } of candidatesOf(m)) {
    if (out.length >= limit) break
    if (seen.has(c.id) || (types && !types.has(c.level))) continue
    const described = describeEntity(snapshot, c.level, c.id)
    if (!described) continue
    seen.add(c.id)
    out.push({ id: c.id, ...described, score: Math.round(c.score * 100), match, type: [{ ...typeOf(c.level) }] })
  }
  return out
}

/**
 * Reads the `queries` parameter (a JSON object of queries by key) and answers each. A batch that
 * is not JSON, not an object of queries, or larger than MAX_QUERIES is a 400 naming the problem.
 */
export function reconcileBatch(snapshot: Snapshot, raw: string): Record<string, { result: ReconcileCandidate[] }> {
  const batch = parseJson(raw, 'queries')
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) throw new InvalidInputError('queries: expected a JSON object of queries by key, e.g. {"q0":{"query":"Songchon"}}')
  const keys = Object.keys(batch)
  if (keys.length > MAX_QUERIES) throw new InvalidInputError(`queries: ${keys.length} queries in one batch; at most ${MAX_QUERIES}`)
  const out: Record<string, { result: ReconcileCandidate[] }> = {}
  for (const key of keys) {
    const parsed = ReconcileQuery.safeParse((batch as Record<string, unknown>)[key])
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const at = [key, ...issue.path.map(String)].join('.')
      throw new InvalidInputError(`queries.${at}: ${issue.message}`, [{ path: `queries.${at}`, message: issue.message }])
    }
    out[key] = { result: reconcileOne(snapshot, parsed.data) }
  }
  return out
}

/** A single query (`query=`, v0.1 style): plain text, or one query object as JSON. */
export function reconcileSingle(snapshot: Snapshot, raw: string): { result: ReconcileCandidate[] } {
  const trimmed = raw.trim()
  if (!trimmed.startsWith('{')) return { result: reconcileOne(snapshot, { query: raw }) }
  const parsed = ReconcileQuery.safeParse(parseJson(trimmed, 'query'))
  if (!parsed.success) throw new InvalidInputError(`query: ${parsed.error.issues[0]!.message}`)
  return { result: reconcileOne(snapshot, parsed.data) }
}

export function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new InvalidInputError(`${what}: not valid JSON`)
  }
}
