/**
 * @module The JSON document format of the tracker (docs/data-format.md): projects carry their
 * events and claims inline. The bundled data is written in it, `tracker export --format json`
 * writes it and `tracker import --format json` reads it.
 */
import { z } from 'zod'
import { ClaimValue, claimValueProblem } from '../model/claim.ts'
import { LocalityId, Slug } from '../model/ids.ts'
import { LocalitySchema } from '../model/locality.ts'
import { PartialDate } from '../model/partialDate.ts'
import { ProgramSchema } from '../model/program.ts'
import { ProvinceSchema } from '../model/province.ts'
import { SourceSchema } from '../model/source.ts'
import { claimFields, claimRanks, eventTypes, facilityKinds } from '../model/vocab.ts'

export const formatName = '20x10-tracker/1'

export const ClaimDoc = z
  .object({
    id: z.string().optional(),
    field: claimFields.schema,
    value: ClaimValue,
    source: z.string().min(1).max(160),
    quote: z.string().max(600).nullish(),
    said: z.string().max(600).nullish(),
    rank: claimRanks.schema.optional(),
    reason: z.string().max(1000).nullish(),
    first_seen: z.string().max(40).nullish(),
    last_seen: z.string().max(40).nullish(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const problem = claimValueProblem(c.field, c.value)
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem })
  })
export type ClaimDoc = z.infer<typeof ClaimDoc>

export const EventDoc = z
  .object({
    id: z.string().optional(),
    program: Slug.optional(),
    type: eventTypes.schema,
    label: z.string().max(80).nullish(),
    date: PartialDate,
    leader_present: z.boolean().nullish(),
    notes: z.string().max(4000).nullish(),
    claims: z.array(ClaimDoc).default([]),
  })
  .strict()
export type EventDoc = z.infer<typeof EventDoc>

export const ProjectDoc = z
  .object({
    id: z.string().optional(),
    program: Slug,
    year: z.number().int().min(1900).max(2200).nullable(),
    pilot: z.boolean().optional(),
    locality: LocalityId,
    label: z.string().max(80).nullish(),
    kinds: z.array(facilityKinds.schema).min(1),
    counted: z.boolean(),
    counted_reason: z.string().max(500).nullish(),
    notes: z.string().max(4000).nullish(),
    status: z.string().optional().describe('Informational in exports; status is derived, never imported.'),
    claims: z.array(ClaimDoc).default([]),
    events: z.array(EventDoc).default([]),
  })
  .strict()
export type ProjectDoc = z.infer<typeof ProjectDoc>

export const DatasetDoc = z
  .object({
    format: z.literal(formatName).optional(),
    exported_at: z.string().optional(),
    data_version: z.number().optional(),
    programs: z.array(ProgramSchema.extend({ claims: z.array(ClaimDoc).default([]) })).default([]),
    provinces: z.array(ProvinceSchema).default([]),
    localities: z.array(LocalitySchema.extend({ claims: z.array(ClaimDoc).default([]) })).default([]),
    sources: z.array(SourceSchema).default([]),
    projects: z.array(ProjectDoc).default([]),
    program_events: z.array(EventDoc).default([]),
  })
  .strict()
export type DatasetDoc = z.infer<typeof DatasetDoc>
