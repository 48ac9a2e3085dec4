/**
 * @module A project: what a program builds in one locality in one policy year (one or more
 * facility kinds), and whether it counts toward that year's target.
 */
import { z } from 'zod'
import { LocalityId, Slug } from './ids.ts'
import { facilityKinds } from './vocab.ts'

export const ProjectSchema = z
  .object({
    id: z.string().min(1).max(300),
    program_id: Slug,
    year: z.number().int().min(1900).max(2200).nullable().describe('Policy year; null for a pilot before the program.'),
    pilot: z.boolean().default(false),
    locality_id: LocalityId,
    label: z.string().max(80).nullable().default(null).describe('Tells two projects of one locality in one year apart.'),
    kinds: z.array(facilityKinds.schema).min(1),
    counted: z.boolean().describe("Whether the project counts toward its year's target."),
    counted_reason: z.string().max(500).nullable().default(null).describe('Why not, when it does not count.'),
    notes: z.string().max(4000).nullable().default(null),
  })
  .meta({ id: 'Project' })
export type Project = z.infer<typeof ProjectSchema>
