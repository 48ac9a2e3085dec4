/**
 * @module What `tracker intake` does once its arguments are checked (loaded only when the command
 * runs, so `tracker --help` does not load the extractor and the feed reader).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../../config/config.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { extractWithRecord } from '../../service/extractor.ts'
import { parseFeedItems } from '../../service/feedItems.ts'
import { defaultFeedLimits, pageInput, pollFeed, startFeedPoller, takeItem, type FeedLog, type TakenItem } from '../../service/feedPoller.ts'
import { fetchLimited } from '../../service/fetchLimited.ts'
import { ingestReport, type IntakeResult, type ReportIn } from '../../service/intake.ts'
import { pendingCount } from '../../service/review.ts'
import type { Tracker } from '../../service/tracker.ts'
import { print, printJson, progress, readInput } from '../io.ts'
import { editorName } from './review.ts'

export interface IntakeOpts {
  dryRun?: boolean
  watch?: boolean
  json?: boolean
  sourceUrl?: string
  published?: string
  lang?: string
  title?: string
  as?: string
}

type Outcome = { input: string; error: string } | ({ input: string } & IntakeResult)

const isUrl = (s: string) => /^https?:\/\//i.test(s)
const isHtml = (text: string) => /^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(text)
const feedFile = (name: string) => /\.(xml|rss|atom|json)$/i.test(name)

function summary(r: IntakeResult): string {
  const kinds = new Map<string, number>()
  for (const p of r.proposals) kinds.set(p.match.kind, (kinds.get(p.match.kind) ?? 0) + 1)
  const by = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ')
  return `${r.proposals.length} proposal(s)${by ? ` (${by})` : ''}`
}

function printOutcome(o: Outcome, dryRun: boolean): void {
  if ('error' in o) {
    print(`failed  ${o.input}: ${o.error}`)
    return
  }
  const what = `${o.report.publisher ?? 'unknown publisher'} · ${o.report.published ?? 'no date'}${o.report.title ? ` · ${o.report.title}` : ''}`
  if (o.duplicate) print(`already taken in  ${o.input} as ${o.report.id}: nothing added`)
  else print(`${dryRun ? 'would queue' : 'queued'}  ${o.input}${o.report.id ? ` as ${o.report.id}` : ''}: ${what}: ${summary(o)}`)
  if (o.duplicate) return
  for (const p of o.proposals) {
    const e = p.event
    const where = e.locality ?? `ambiguous: ${e.candidates.join(', ') || e.place_text || '?'}`
    print(`  ${p.id === null ? '-' : `#${p.id}`} ${p.match.kind} · ${e.type} · ${where} · ${e.date ?? 'no date'}${e.leader_present ? ' · leader present' : ''}`)
  }
}

function itemOutcome(t: TakenItem): Outcome {
  const input = t.url ?? t.key
  return t.result ? { input, ...t.result } : { input, error: t.error ?? 'not taken in' }
}

/** Lines on stderr for --watch: what each poll did. */
const cliLog: FeedLog = {
  info: (m, f) => progress(`${m}${f?.feed ? `: ${f.feed}` : ''}${f?.queued !== undefined ? ` (${f.new} new, ${f.queued} queued)` : ''}`, true),
  warn: (m, f) => progress(`warning: ${m}: ${f?.item ?? f?.feed ?? ''} ${f?.error ?? ''}`.trimEnd(), true),
  error: (m, f) => progress(`error: ${m}: ${f?.error ?? ''}${f?.retry_at ? ` (retry at ${f.retry_at})` : ''}`, true),
}

async function one(tracker: Tracker, input: ReportIn, label: string, opts: IntakeOpts, actor: string): Promise<Outcome> {
  const r = await ingestReport(tracker, extractWithRecord, { ...input, ...(opts.published ? { published: opts.published } : {}), ...(opts.lang ? { language: opts.lang } : {}) }, { actor, via: 'cli', dryRun: opts.dryRun ?? false })
  return { input: label, ...r }
}

/** The items of a feed document (a file, or a URL already fetched), each taken like the poller does. */
async function feedDocument(tracker: Tracker, text: string, label: string, base: string | undefined, opts: IntakeOpts, actor: string): Promise<Outcome[]> {
  const feed = parseFeedItems(text, base)
  progress(`${label}: ${feed.format} feed, ${feed.items.length} item(s)`)
  const out: Outcome[] = []
  for (const item of [...feed.items].reverse()) {
    try {
      out.push(itemOutcome(await takeItem(tracker, item, { feedUrl: null, actor, via: 'cli', dryRun: opts.dryRun ?? false, log: cliLog })))
    } catch (error) {
      out.push({ input: item.url ?? item.key, error: (error as Error).message })
    }
  }
  return out
}

async function intakeOne(tracker: Tracker, target: string, opts: IntakeOpts, actor: string, interval: number): Promise<Outcome[]> {
  if (isUrl(target)) {
    const fetched = await fetchLimited(target, { timeoutMs: defaultFeedLimits.timeoutMs, maxBytes: defaultFeedLimits.maxFeedBytes })
    let isFeed = false
    try {
      parseFeedItems(fetched.text, fetched.url)
      isFeed = true
    } catch {
      isFeed = false
    }
    if (isFeed) {
      // A feed URL is polled like the server polls it: items seen before (by the server too) are skipped.
      const r = await pollFeed(tracker, target, { intervalMs: interval, force: true, dryRun: opts.dryRun ?? false, actor, via: 'cli', log: cliLog })
      if (r.outcome === 'failed') throw new InvalidInputError(r.error ?? `${target}: the feed could not be read`)
      if (r.outcome === 'busy') throw new InvalidInputError(`${target}: another instance is polling this feed right now; try again in a moment`)
      progress(`${target}: ${r.items} item(s), ${r.taken.length} not seen before`)
      return r.taken.map(itemOutcome)
    }
    return [await one(tracker, { ...pageInput(fetched.contentType, fetched.text), url: opts.sourceUrl ?? target, ...(opts.title ? { title: opts.title } : {}) }, target, opts, actor)]
  }
  if (target !== '-' && fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    const names = fs.readdirSync(target).filter((n) => !n.startsWith('.') && fs.statSync(path.join(target, n)).isFile()).sort()
    if (names.length === 0) throw new InvalidInputError(`${target} holds no file`)
    const out: Outcome[] = []
    for (const n of names) {
      const file = path.join(target, n)
      try {
        out.push(...(await intakeFile(tracker, file, opts, actor)))
      } catch (error) {
        out.push({ input: file, error: (error as Error).message })
      }
    }
    return out
  }
  return intakeFile(tracker, target, opts, actor)
}

async function intakeFile(tracker: Tracker, file: string, opts: IntakeOpts, actor: string): Promise<Outcome[]> {
  const { text, name } = await readInput(file)
  if (text.includes('\u0000')) throw new InvalidInputError(`${name} is binary, not a text, HTML or feed file`)
  if (feedFile(name)) return feedDocument(tracker, text, name, undefined, opts, actor)
  const meta = { ...(opts.sourceUrl ? { url: opts.sourceUrl } : {}), ...(opts.title ? { title: opts.title } : {}) }
  return [await one(tracker, { ...(isHtml(text) || /\.x?html?$/i.test(name) ? { html: text } : { text }), ...meta }, name, opts, actor)]
}

async function watch(tracker: Tracker, feeds: string[], interval: number): Promise<void> {
  progress(`watching ${feeds.length} feed(s) every ${Math.round(interval / 1000)} s; Ctrl-C stops`, true)
  const poller = startFeedPoller(tracker, { feeds, intervalMs: interval, log: cliLog, forceFirst: true, onItem: (t) => printOutcome(itemOutcome(t), false) })
  // The poller's timers do not hold the process (a server must be able to exit): this one does,
  // until Ctrl-C or SIGTERM. Without it, --watch ended quietly after its first poll.
  const hold = setInterval(() => {}, 2 ** 30)
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  clearInterval(hold)
  progress('stopping…', true)
  await poller.stop()
}

/** Takes every input in, prints what happened, and sets exit code 1 when one failed. */
export async function runIntake(tracker: Tracker, inputs: string[], opts: IntakeOpts, config: Config): Promise<void> {
  const actor = await editorName(tracker, opts.as)
  if (opts.watch) return watch(tracker, inputs, config.feedIntervalMs)
  const outcomes: Outcome[] = []
  for (const target of inputs) {
    if (inputs.length > 1) {
      try {
        outcomes.push(...(await intakeOne(tracker, target, opts, actor, config.feedIntervalMs)))
      } catch (error) {
        outcomes.push({ input: target, error: (error as Error).message })
      }
    } else outcomes.push(...(await intakeOne(tracker, target, opts, actor, config.feedIntervalMs)))
  }
  const failed = outcomes.filter((o) => 'error' in o).length
  const ok = outcomes.filter((o): o is Exclude<Outcome, { error: string }> => !('error' in o))
  const pending = opts.dryRun ? null : await pendingCount(tracker)
  if (opts.json) printJson({ dry_run: opts.dryRun ?? false, results: outcomes, pending })
  else {
    for (const o of outcomes) printOutcome(o, opts.dryRun ?? false)
    const queued = ok.filter((o) => !o.duplicate).length
    const dup = ok.length - queued
    print(
      opts.dryRun
        ? `dry run: ${queued} report(s) would be queued, ${dup} already taken in, ${failed} failed; nothing was written`
        : `${queued} report(s) queued, ${dup} already taken in, ${failed} failed; ${pending} proposal(s) pending review (\`tracker review list\`)`,
    )
  }
  if (failed > 0) process.exitCode = 1
}
