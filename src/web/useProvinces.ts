/**
 * @module The provinces (read once, cached), a lookup of their names by id in the reader's
 * language, and `provinceName()` for places that only carry the romanized name (a project's
 * locality): in Korean it gives the hangul once the provinces have been read.
 */
import { language } from './i18n/i18n.ts'
import type { List, Province } from './types.ts'
import { useApi } from './useApi.ts'

const hangulOf = new Map<string, string>()

/** A province's name to show, from its id or its common spelling: hangul in Korean when known. */
export function provinceName(plain: string, id?: string): string {
  if (language() !== 'ko') return plain
  return (id !== undefined ? hangulOf.get(id) : undefined) ?? hangulOf.get(plain) ?? plain
}

export function useProvinces(read = true): { provinces: Province[] | undefined; names: Record<string, string> } {
  const { data } = useApi<List<Province>>(read ? '/api/provinces' : null)
  const names: Record<string, string> = {}
  for (const p of data?.items ?? []) {
    if (p.hangul) {
      hangulOf.set(p.id, p.hangul)
      hangulOf.set(p.plain, p.hangul)
    }
    names[p.id] = language() === 'ko' && p.hangul ? p.hangul : p.plain
  }
  return { provinces: data?.items, names }
}
