/** @module An event: a dated happening of a project (or of a whole program), with its date precision. */
import { z } from 'zod'
import { Slug } from './ids.ts'
import { PartialDate } from './partialDate.ts'
import { eventTypes } from './vocab.ts'

export const EventSchema = z
  .object({
    id: z.string().min(1).max(400),
    program_id: Slug,
    project_id: z.string().max(300).nullable().describe('Null for a program-level event.'),
    type: eventTypes.schema,
    label: z.string().max(80).nullable().default(null).describe('Tells two events of one type in one project apart.'),
    date: PartialDate,
    leader_present: z.boolean().nullable().default(null),
    notes: z.string().max(4000).nullable().default(null),
  })
  .meta({ id: 'Event' })
export type Event = z.infer<typeof EventSchema>
