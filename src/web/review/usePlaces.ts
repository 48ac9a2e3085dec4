/** @module The gazetteer as the Review page names places: "Taegwan County (North Pyongan)" (Korean: "대관군 (Taegwan)") for an id, and the localities grouped by province for the place picker. */
import { language, t } from '../i18n/i18n.ts'
import type { List, Locality } from '../types.ts'
import { useApi } from '../useApi.ts'
import { provinceName } from '../useProvinces.ts'

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
    if (!id) return t('review.unknownPlace')
    const l = index.get(id)
    if (!l) return id
    // In Korean the hangul already names the unit (성천군): "성천군 (Songchon)".
    if (language() === 'ko' && l.hangul) return `${l.hangul} (${l.plain})`
    return `${l.plain} ${suffix[l.type] ?? ''}`.trim()
  }
  const full = (id: string | null | undefined) => {
    const l = id ? index.get(id) : undefined
    return l ? `${name(id)}, ${provinceName(l.province_name, l.province)}` : name(id)
  }
  const groups = new Map<string, { id: string; name: string }[]>()
  for (const l of data?.items ?? []) {
    const province = provinceName(l.province_name, l.province)
    const list = groups.get(province) ?? []
    list.push({ id: l.id, name: name(l.id) })
    groups.set(province, list)
  }
  const byProvince = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([province, localities]) => ({ province, localities: localities.sort((a, b) => a.name.localeCompare(b.name)) }))
  return { name, full, byProvince }
}
