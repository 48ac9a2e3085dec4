/**
 * @module One line under a search that says how the text was read, from the list response's
 * `resolved` field: "Did you mean Songchon County, South Pyongan (성천군)?" for a typo, the
 * places an ambiguous name may mean, the province-level unit a name stands for.
 */
import type { SearchResolution } from '../types.ts'

export function SearchNote({ resolved }: { resolved: SearchResolution | undefined }) {
  if (!resolved) return null
  const { method, place } = resolved
  let text: string | null = null
  if (method === 'fuzzy' && resolved.did_you_mean) text = `No place is written “${resolved.query}”. Did you mean ${resolved.did_you_mean}? Showing it.`
  else if (method === 'ambiguous')
    text = `“${resolved.query}” may mean ${resolved.candidates.map((c) => `${c.name}${c.level === 'locality' ? ` (${c.province.name})` : ''}${c.hangul ? ` ${c.hangul}` : ''}`).join(' or ')}; showing all of them.`
  else if (place?.level === 'province') text = `“${resolved.query}” is ${place.name}${place.hangul ? ` (${place.hangul})` : ''}: showing its ${resolved.localities} localities.`
  else if (method === 'substring' && resolved.reason === 'province-mismatch') text = `The name and the province in “${resolved.query}” do not fit together.`
  if (!text) return null
  return (
    <p class="search-note" role="status" data-testid="search-note">
      {text}
    </p>
  )
}
