/**
 * @module The `resolved` field of the list responses that take `q`: how the search text was read
 * (the same resolver as `tracker resolve`), as an OpenAPI schema. Mirrors service/placeSearch.ts.
 */
import { z } from 'zod'

const ResolvedPlace = z
  .object({
    level: z.enum(['locality', 'province']).describe('A county-level locality, or a province-level unit (province or special city).'),
    id: z.string(),
    name: z.string().describe('e.g. "Unsan County" or "South Pyongan".'),
    hangul: z.string(),
    province: z.object({ id: z.string(), name: z.string() }).describe('The province-level unit: the place itself, or the one the locality belongs to.'),
  })
  .meta({ id: 'ResolvedPlace' })

export const SearchResolution = z
  .object({
    query: z.string().describe('The search text as given.'),
    method: z
      .enum(['exact', 'normalised', 'fuzzy', 'ambiguous', 'substring'])
      .describe(
        '`exact`: a recorded name form; `normalised`: one after folding diacritics, unit words and romanization systems; `fuzzy`: a few edits from one (see `did_you_mean`); `ambiguous`: several places (see `candidates`, all searched); `substring`: the resolver found no place, so names containing the text are searched (partial input).',
      ),
    place: ResolvedPlace.nullable().describe('The place the text resolved to; a province-level unit searches all its localities.'),
    did_you_mean: z.string().nullable().describe('For a fuzzy match: the place the text was taken for, to show as "did you mean …?".'),
    candidates: z.array(ResolvedPlace).describe('For an ambiguous text: the places it may mean.'),
    reason: z.string().nullable().describe('For `substring`: why the resolver chose no place (`no-match`, `province-mismatch`, `conflicting-provinces`, …).'),
    localities: z.number().int().describe('How many localities the text covers, before the other filters.'),
  })
  .meta({ id: 'SearchResolution', description: 'With `q`: how the list read the search text — the resolver of `tracker resolve` — e.g. a "did you mean" for a typo.' })
