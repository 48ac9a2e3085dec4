/** @module The provinces (read once, cached) and a lookup of their names by id. */
import type { List, Province } from './types.ts'
import { useApi } from './useApi.ts'

export function useProvinces(): { provinces: Province[] | undefined; names: Record<string, string> } {
  const { data } = useApi<List<Province>>('/api/provinces')
  const names: Record<string, string> = {}
  for (const p of data?.items ?? []) names[p.id] = p.plain
  return { provinces: data?.items, names }
}
