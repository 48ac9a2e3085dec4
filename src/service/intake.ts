/**
 * @module Taking a report in: refuse a second copy (same URL or same article text) before any
 * work, read it with the extractor, match each proposed event against the record, and store the
 * report and its proposals (pending) in one transaction. Nothing reaches the record here: that
 * takes an editor's accept (review.ts).
 */
import { InvalidInputError } from '../model/errors.ts'
import { matchProposal, type Match, type ProposedFact } from '../model/match.ts'
import { normalizeUrl, reportIdOf, textHash } from '../model/reportKey.ts'
import type { Snapshot } from '../model/snapshot.ts'
import type { SourceKind } from '../model/vocab.ts'
import { findReport, insertReport, proposalsOfReport, type ProposalRow, type ReportRow } from '../store/proposals.ts'
import type { Tracker } from './tracker.ts'

/** A report as it arrives, with what the caller knows about it. */
export interface ReportIn {
  text?: string
  html?: string
  url?: string
  published?: string
  title?: string
  language?: string
}

/** One event the extractor proposes (the contract of `tracker extract --json`). */
export interface ExtractedEvent extends ProposedFact {
  place_text?: string
  province_conflict?: boolean
  date_text?: string | null
  evidence: string
  evidence_start?: number
  evidence_end?: number
  confidence: number
}

/** What the extractor gives back for one report. */
export interface ExtractedReport {
  source: { publisher: string | null; url: string | null; title: string | null; published: string | null; language: string; kind: SourceKind }
  events: ExtractedEvent[]
  /** The text the evidence offsets refer to. */
  text: string
}

/** Reads a report against the record (the gazetteer and projects of the snapshot). */
export type Extract = (input: ReportIn, snapshot: Snapshot) => ExtractedReport

export interface IntakeOptions {
  actor: string
  via: 'api' | 'cli' | 'feed'
  feedUrl?: string | null
  /** Read and match, store nothing. */
  dryRun?: boolean
}

export interface QueuedProposal {
  id: number | null
  seq: number
  state: ProposalRow['state']
  event: ExtractedEvent
  match: Match
}

export interface IntakeResult {
  /** True when the report had been taken in before: nothing was added. */
  duplicate: boolean
  dry_run: boolean
  report: Omit<ReportRow, 'text'> & { text_length: number }
  proposals: QueuedProposal[]
}

/** Longest article text stored and read (characters). */
export const maxReportChars = 1_000_000
/** Longest HTML page read before it is reduced to its article. */
export const maxHtmlChars = 5_000_000

function checkInput(input: ReportIn): void {
  const hasText = typeof input.text === 'string'
  const hasHtml = typeof input.html === 'string'
  if (!hasText && !hasHtml) throw new InvalidInputError('give the report as text or html', [{ path: 'body.text', message: 'required (or body.html)' }])
  if (hasText && hasHtml) throw new InvalidInputError('give the report as text or as html, not both', [{ path: 'body.html', message: 'give text or html' }])
  if (hasText && input.text!.length > maxReportChars) throw new InvalidInputError(`the text is longer than ${maxReportChars} characters: send one article at a time`, [{ path: 'body.text', message: 'too long' }])
  if (hasHtml && input.html!.length > maxHtmlChars) throw new InvalidInputError(`the HTML is longer than ${maxHtmlChars} characters: send one article page at a time`, [{ path: 'body.html', message: 'too long' }])
  if (input.url !== undefined && input.url !== '' && !normalizeUrl(input.url)) throw new InvalidInputError(`url: "${input.url.slice(0, 80)}" is not an http(s) URL`, [{ path: 'body.url', message: 'expected an http(s) URL' }])
}

function reportView(r: ReportRow): IntakeResult['report'] {
  const { text, ...rest } = r
  return { ...rest, text_length: text.length }
}

function queued(rows: ProposalRow[]): QueuedProposal[] {
  return rows.map((p) => ({ id: p.id, seq: p.seq, state: p.state, event: p.event as unknown as ExtractedEvent, match: p.match as unknown as Match }))
}

async function duplicateOf(tracker: Tracker, existing: ReportRow): Promise<IntakeResult> {
  return { duplicate: true, dry_run: false, report: reportView(existing), proposals: queued(await proposalsOfReport(tracker.store.db, existing.id)) }
}

/**
 * Queues an extraction: the report and one pending proposal per event, each matched against the
 * record. A report seen before (URL or text) adds nothing and returns what was queued then.
 */
export async function queueExtraction(tracker: Tracker, extraction: ExtractedReport, meta: { url?: string | null; published?: string | null; title?: string | null }, options: IntakeOptions): Promise<IntakeResult> {
  const url = normalizeUrl(meta.url ?? extraction.source.url)
  const text = extraction.text
  if (text.trim() === '') throw new InvalidInputError('the report has no text')
  if (text.length > maxReportChars) throw new InvalidInputError(`the text is longer than ${maxReportChars} characters`)
  const hash = textHash(text)
  const seen = await findReport(tracker.store.db, { url, text_hash: hash })
  if (seen) return duplicateOf(tracker, seen)
  const snapshot = await tracker.readModel.current()
  const source = extraction.source
  const report = {
    id: reportIdOf(hash),
    url,
    text_hash: hash,
    text,
    title: (meta.title ?? source.title)?.slice(0, 500) || null,
    published: source.published ?? meta.published ?? null,
    language: source.language,
    publisher: source.publisher,
    kind: source.kind,
    via: options.via,
    feed_url: options.feedUrl ?? null,
    received_by: options.actor,
  }
  const proposals = extraction.events.map((event) => {
    const match = matchProposal(event, snapshot, { url })
    return { event: event as unknown as Record<string, unknown>, match_kind: match.kind, match: match as unknown as Record<string, unknown> }
  })
  if (options.dryRun) {
    return {
      duplicate: false,
      dry_run: true,
      report: reportView({ ...report, received_at: new Date().toISOString(), source_id: null }),
      proposals: proposals.map((p, seq) => ({ id: null, seq, state: 'pending', event: p.event as unknown as ExtractedEvent, match: p.match as unknown as Match })),
    }
  }
  const stored = await insertReport(tracker.store.db, report, proposals)
  return { duplicate: !stored.created, dry_run: false, report: reportView(stored.report), proposals: queued(stored.proposals) }
}

/** Takes a report in: dedupe by URL first (no work for a known page), extract, match, queue. */
export async function ingestReport(tracker: Tracker, extract: Extract, input: ReportIn, options: IntakeOptions): Promise<IntakeResult> {
  checkInput(input)
  const url = normalizeUrl(input.url)
  if (url) {
    const seen = await findReport(tracker.store.db, { url })
    if (seen) return duplicateOf(tracker, seen)
  }
  const snapshot = await tracker.readModel.current()
  const extraction = extract(input, snapshot)
  return queueExtraction(tracker, extraction, { url, published: input.published ?? null, title: input.title ?? null }, options)
}
