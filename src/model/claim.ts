/**
 * @module A claim: one source asserting one value of one record's field, with a short quote.
 * Competing claims are kept; one is preferred (with a reason), never overwritten.
 */
import { z } from 'zod'
import { partialDateProblem } from './partialDate.ts'
import { claimFields, claimRanks, facilityKinds, statuses } from './vocab.ts'

/** What a claim's value must look like for the fields whose values the tracker interprets. */
export function claimValueProblem(field: string, value: unknown): string | null {
  switch (field) {
    case 'status':
      return typeof value === 'string' && (statuses.values as readonly string[]).includes(value) ? null : `unknown status ${JSON.stringify(value)} (expected ${statuses.values.join(', ')})`
    case 'date':
      return typeof value === 'string' ? partialDateProblem(value) : `a date must be text YYYY, YYYY-MM or YYYY-MM-DD`
    case 'counted':
    case 'leader_present':
      return typeof value === 'boolean' ? null : `${field} must be true or false`
    case 'kinds':
      return Array.isArray(value) && value.every((k) => (facilityKinds.values as readonly string[]).includes(k)) ? null : `unknown facility kind in ${JSON.stringify(value)}`
    default:
      return null
  }
}

export const subjectTypes = ['program', 'locality', 'project', 'event', 'source'] as const
export type SubjectType = (typeof subjectTypes)[number]

export const ClaimValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)])
export type ClaimValue = z.infer<typeof ClaimValue>

export const ClaimSchema = z
  .object({
    id: z.string().min(1).max(100),
    subject_type: z.enum(subjectTypes),
    subject_id: z.string().min(1).max(400),
    field: claimFields.schema,
    value: ClaimValue,
    source_id: z.string().min(1).max(160),
    quote: z.string().max(600).nullable().default(null).describe("At most one sentence of the source's words."),
    said: z.string().max(600).nullable().default(null).describe('What the source wrote, when it differs from the value.'),
    rank: claimRanks.schema.default('normal'),
    reason: z.string().max(1000).nullable().default(null).describe('Why this rank.'),
    first_seen: z.string().max(40).nullable().default(null).describe('When the tracker first recorded the claim.'),
    last_seen: z.string().max(40).nullable().default(null).describe('When the tracker last saw the claim asserted.'),
  })
  .superRefine((c, ctx) => {
    const problem = claimValueProblem(c.field, c.value)
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem })
  })
  .meta({ id: 'Claim' })
export type Claim = z.infer<typeof ClaimSchema>

/** The claims about one field, preferred first, deprecated last. */
export function rankClaims<C extends Pick<Claim, 'rank'>>(claims: C[]): C[] {
  const order = { preferred: 0, normal: 1, deprecated: 2 }
  return [...claims].sort((a, b) => order[a.rank] - order[b.rank])
}

const partialDate = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

/**
 * True when the values recorded for one field really disagree: two different values, unless
 * they are dates that differ only in precision ("2024-12" and "2024-12-20" say the same, one
 * of them more exactly; "2024-12-20" and "2024-12-21" disagree).
 */
export function valuesDisagree(values: readonly unknown[]): boolean {
  const distinct = [...new Set(values.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as unknown)
  if (distinct.length < 2) return false
  if (!distinct.every((v) => typeof v === 'string' && partialDate.test(v))) return true
  const dates = distinct as string[]
  const finest = dates.reduce((a, b) => (b.length > a.length ? b : a))
  return !dates.every((d) => finest.startsWith(d))
}

/** True when the claims about one field disagree (beyond precision) and none is preferred. */
export function awaitsPreference(claims: Pick<Claim, 'rank' | 'value'>[]): boolean {
  const live = claims.filter((c) => c.rank !== 'deprecated')
  return valuesDisagree(live.map((c) => c.value)) && !live.some((c) => c.rank === 'preferred')
}
