/**
 * @module One line under a search that says how the text was read, from the list response's
 * `resolved` field: "Did you mean Songchon County, South Pyongan (성천군)?" for a typo, the
 * places an ambiguous name may mean, the province-level unit a name stands for.
 */
import { language, t } from '../i18n/i18n.ts'
import type { SearchResolution } from '../types.ts'
import { provinceName } from '../useProvinces.ts'

type Candidate = SearchResolution['candidates'][number]

function candidate(c: Candidate): string {
  const province = c.level === 'locality' ? provinceName(c.province.name, c.province.id) : null
  if (language() === 'ko' && c.hangul) return province ? `${c.hangul}(${c.name}, ${province})` : `${c.hangul}(${c.name})`
  return `${c.name}${province ? ` (${province})` : ''}${c.hangul ? ` ${c.hangul}` : ''}`
}

export function SearchNote({ resolved }: { resolved: SearchResolution | undefined }) {
  if (!resolved) return null
  const { method, place } = resolved
  const query = resolved.query
  let text: string | null = null
  if (method === 'fuzzy' && resolved.did_you_mean) text = t('search.fuzzy', { query, guess: resolved.did_you_mean })
  else if (method === 'ambiguous') text = t('search.ambiguous', { query, places: resolved.candidates.map(candidate).join(t('search.or')) })
  else if (place?.level === 'province')
    text = t('search.province', { query, place: language() === 'ko' && place.hangul ? `${place.hangul}(${place.name})` : `${place.name}${place.hangul ? ` (${place.hangul})` : ''}`, count: resolved.localities })
  else if (method === 'substring' && resolved.reason === 'province-mismatch') text = t('search.mismatch', { query })
  if (!text) return null
  return (
    <p class="search-note" role="status" data-testid="search-note">
      {text}
    </p>
  )
}
