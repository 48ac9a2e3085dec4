/**
 * @module What the intake takes in (a report and what the caller knows about it) and what it gives
 * back (a source guess and proposed events), as zod schemas with their types. The proposal shape is
 * the contract of `tracker extract --json` and of the review queue.
 */
import { z } from 'zod'
import { PartialDate } from '../model/partialDate.ts'
import { eventTypes, facilityKinds, sourceKinds } from '../model/vocab.ts'

/** Longest text (after HTML is reduced) the extractor reads; beyond it the input is refused, not cut. */
export const MAX_TEXT_CHARS = 1_000_000
/** Longest HTML accepted before reduction. */
export const MAX_HTML_CHARS = 5_000_000
/** Longest evidence quote. */
export const MAX_EVIDENCE_CHARS = 300

export const ReportInputSchema = z
  .object({
    text: z.string().optional().describe('The article as plain text.'),
    html: z.string().optional().describe('The article page as HTML; reduced to its main text.'),
    url: z.string().max(2000).optional(),
    published: PartialDate.optional().describe('The date the page gives, if any (YYYY, YYYY-MM or YYYY-MM-DD).'),
    title: z.string().max(1000).optional(),
    language: z.string().min(2).max(3).optional().describe('ISO 639-1 code (en, ko, ja, zh, ru, es, fr, de); detected when absent.'),
  })
  .strict()
export type ReportInput = z.infer<typeof ReportInputSchema>

export const intakeLanguages = ['en', 'ko', 'ja', 'zh', 'ru', 'es', 'fr', 'de'] as const
export type IntakeLanguage = (typeof intakeLanguages)[number] | 'und'

export const SourceGuessSchema = z.object({
  publisher: z.string().nullable().describe('From the dateline or the URL host: "KCNA", "Yonhap", …'),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: PartialDate.nullable().describe('The dateline date when there is one, else the date the caller gave.'),
  language: z.string().describe('ISO 639-1, or "und" when it cannot be told.'),
  kind: sourceKinds.schema,
})
export type SourceGuess = z.infer<typeof SourceGuessSchema>

export const ProposedEventSchema = z.object({
  type: eventTypes.schema,
  /** Gazetteer id, or null when the place is ambiguous or unknown (then see `candidates`). */
  locality: z.string().nullable(),
  /** Gazetteer ids the mention may mean, best first; empty when `locality` is certain. */
  candidates: z.array(z.string()),
  /** The place as the text writes it, e.g. "Unpha County" or 은파군. */
  place_text: z.string(),
  /** The province the text gives for the place (even when it contradicts the gazetteer), or the locality's own. */
  province: z.string().nullable(),
  /** True when the text names a province that is not the locality's: kept as a claim of its own. */
  province_conflict: z.boolean(),
  date: PartialDate.nullable(),
  date_precision: z.enum(['day', 'month', 'year']).nullable(),
  /** The words the date was read from, e.g. "on the 3rd" (null when no date was found). */
  date_text: z.string().nullable(),
  leader_present: z.boolean(),
  kinds: z.array(facilityKinds.schema),
  /** The sentence the event was read from, verbatim, at most 300 characters. */
  evidence: z.string().max(MAX_EVIDENCE_CHARS),
  /** Offsets of `evidence` in the extracted text (`Extraction.text`), end exclusive. */
  evidence_start: z.number().int().nonnegative(),
  evidence_end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
})
export type ProposedEvent = z.infer<typeof ProposedEventSchema>

export const ExtractionSchema = z.object({
  source: SourceGuessSchema,
  events: z.array(ProposedEventSchema),
  /** The text the offsets refer to: the input text, or the article text read out of the HTML. */
  text: z.string(),
})
export type Extraction = z.infer<typeof ExtractionSchema>
