/**
 * @module The projects of a filtered view with facet counts. A facet that has a selection is
 * counted as if it were not filtered (one small extra request each), so its other values stay
 * visible and can be added to the selection.
 */
import { apiPath } from './api.ts'
import type { FacetCounts } from './components/Facets.tsx'
import { apiParams, type Filters } from './filters.ts'
import type { List, Project } from './types.ts'
import { useApi, type ApiState } from './useApi.ts'

const facetNames = ['year', 'province', 'kind', 'status', 'counted'] as const

export interface ProjectsView extends ApiState<List<Project>> {
  counts: FacetCounts | undefined
}

export function useProjects(filters: Filters, page: { sort?: string; limit: number; offset: number }): ProjectsView {
  const params = apiParams(filters)
  if (page.sort) params.set('sort', page.sort)
  params.set('limit', String(page.limit))
  if (page.offset) params.set('offset', String(page.offset))
  params.set('facets', facetNames.join(','))
  const main = useApi<List<Project>>(apiPath('/api/projects', params))

  const without = facetNames.map((facet) => {
    const selected = facet === 'counted' ? filters.counted !== '' : filters[facet].length > 0
    if (!selected) return null
    const p = apiParams({ ...filters, ...(facet === 'counted' ? { counted: '' } : { [facet]: [] }) })
    p.set('limit', '1')
    p.set('facets', facet)
    return apiPath('/api/projects', p)
  })
  const others = [useApi<List<Project>>(without[0] ?? null), useApi<List<Project>>(without[1] ?? null), useApi<List<Project>>(without[2] ?? null), useApi<List<Project>>(without[3] ?? null), useApi<List<Project>>(without[4] ?? null)]

  let counts: FacetCounts | undefined
  if (main.data?.facets) {
    counts = { ...main.data.facets }
    facetNames.forEach((facet, i) => {
      const other = others[i]?.data?.facets?.[facet]
      if (without[i] && other) counts![facet] = other
    })
  }
  return { ...main, counts }
}
