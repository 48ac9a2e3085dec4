/**
 * @module Query parameters shared by the list endpoints, as zod schemas: comma-separated lists
 * checked against the vocabularies, bounded limit/offset, dates. A bad value is a 400 naming
 * the parameter (see errors.ts), never a 500.
 */
import { z } from 'zod'
import { FullDate } from '../model/partialDate.ts'

/** "a,b" or repeated values → a list whose members must pass `item`. */
export function csvList<T extends z.ZodType<unknown, any>>(item: T) {
  return z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(item).max(100))
    .optional()
}

export const yearList = csvList(z.coerce.number().int().min(1900).max(2200))

export const booleanParam = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
  .optional()

export const limitParam = z.coerce.number().int().min(1).max(1000).default(100).describe('At most 1000.')
export const offsetParam = z.coerce.number().int().min(0).max(10_000_000).default(0)
export const asOfParam = FullDate.optional().describe('Compute as of this date (YYYY-MM-DD), from dated events and sources published by then.')
export const qParam = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe(
    'A place name in any spelling or script, read by the resolver of `tracker resolve`: a province in the text narrows it ("Unsan County, South Pyongan"), a province-level name finds its localities, a typo finds the place it is closest to (see `resolved.did_you_mean`). When no place resolves, names containing the text (every name form: hangul, McCune–Reischauer, plain, RR, aliases).',
  )

export const paging = { limit: limitParam, offset: offsetParam }

export function page<T>(items: T[], limit: number, offset: number): { items: T[]; total: number } {
  return { items: items.slice(offset, offset + limit), total: items.length }
}

export const recordedAsOf = FullDate.optional().describe(
  'The record as it was recorded in the tracker at the end of this date (YYYY-MM-DD), replayed from the revision log. Not the same as the event-date as_of of lists and statistics.',
)
