/** @module The gazetteer as the Review page names places: "Taegwan County (North Pyongan)" for an id, and the localities grouped by province for the place picker. */
import type { List, Locality } from '../types.ts'
import { useApi } from '../useApi.ts'

const suffix: Record<string, string> = { city: 'City', county: 'County', district: 'District' }

export interface Places {
  /** "Taegwan County" (the id itself when the gazetteer is not read yet or lacks it). */
  name(id: string | null | undefined): string
  /** "Taegwan County, North Pyongan". */
  full(id: string | null | undefined): string
  byProvince: { province: string; localities: { id: string; name: string }[] }[]
}

export function usePlaces(): Places {
  const { data } = useApi<List<Locality>>('/api/localities?limit=1000')
  const index = new Map<string, Locality>()
  for (const l of data?.items ?? []) index.set(l.id, l)
  const name = (id: string | null | undefined) => {
    if (!id) return 'an unknown place'
    const l = index.get(id)
    return l ? `${l.plain} ${suffix[l.type] ?? ''}`.trim() : id
  }
  const full = (id: string | null | undefined) => {
    const l = id ? index.get(id) : undefined
    return l ? `${name(id)}, ${l.province_name}` : name(id)
  }
  const groups = new Map<string, { id: string; name: string }[]>()
  for (const l of data?.items ?? []) {
    const list = groups.get(l.province_name) ?? []
    list.push({ id: l.id, name: name(l.id) })
    groups.set(l.province_name, list)
  }
  const byProvince = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([province, localities]) => ({ province, localities: localities.sort((a, b) => a.name.localeCompare(b.name)) }))
  return { name, full, byProvince }
}
