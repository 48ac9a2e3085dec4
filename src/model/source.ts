/** @module A source: a document that asserts facts (state-media report, analysis, news story, encyclopedia, imagery). */
import { z } from 'zod'
import { PartialDate } from './partialDate.ts'
import { sourceKinds } from './vocab.ts'

export const SourceId = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'expected lower-case letters, digits, "-" and "."')

export const SourceSchema = z
  .object({
    id: SourceId,
    kind: sourceKinds.schema,
    publisher: z.string().min(1).max(200),
    title: z.string().min(1).max(500),
    url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
    published: PartialDate.nullable().default(null),
    language: z.string().min(2).max(12).nullable().default(null),
    archived_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
    notes: z.string().max(4000).nullable().default(null),
    attribution: z.string().max(500).nullable().default(null).describe('Credit line a licence requires.'),
    licence: z.string().max(200).nullable().default(null),
  })
  .meta({ id: 'Source' })
export type Source = z.infer<typeof SourceSchema>
