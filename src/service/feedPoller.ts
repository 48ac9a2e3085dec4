/**
 * @module The feed poller: fetches each feed (bounded in time and bytes), takes in only the items
 * never seen before — each claimed in the database first, so no item is taken twice, across
 * restarts and by several instances (one polls a feed at a time, under its advisory lock) — and
 * queues each through the intake with the item's URL, title and date: the article page when the
 * item links one, else the item's own content. A feed that fails (not a feed, no answer, an HTTP
 * error) is logged and retried with exponential backoff kept in the feed's state.
 */
import { InvalidInputError } from '../model/errors.ts'
import { normalizeUrl } from '../model/reportKey.ts'
import { htmlToText } from '../intake/htmlText.ts'
import { claimItem, feedState, finishItem, recordPoll, releaseItem, seenItems, withFeedLock } from '../store/feeds.ts'
import { findReport } from '../store/proposals.ts'
import { extractWithRecord } from './extractor.ts'
import { FetchError, fetchLimited } from './fetchLimited.ts'
import { parseFeedItems, type FeedItem } from './feedItems.ts'
import { ingestReport, maxHtmlChars, type Extract, type IntakeResult, type ReportIn } from './intake.ts'
import type { Tracker } from './tracker.ts'

/** Where the poller writes what it did; the server's logfmt logger fits. */
export interface FeedLog {
  info(message: string, fields?: Record<string, string | number | boolean | null | undefined>): void
  warn(message: string, fields?: Record<string, string | number | boolean | null | undefined>): void
  error(message: string, fields?: Record<string, string | number | boolean | null | undefined>): void
}

export const silentLog: FeedLog = { info() {}, warn() {}, error() {} }

export interface FeedLimits {
  /** Time one fetch (the feed, or one article page) may take. */
  timeoutMs: number
  /** Largest feed document read. */
  maxFeedBytes: number
  /** Largest article page read. */
  maxPageBytes: number
}

export const defaultFeedLimits: FeedLimits = { timeoutMs: 20_000, maxFeedBytes: 5 * 1024 * 1024, maxPageBytes: maxHtmlChars }

/** First retry after a failed poll; each further failure doubles it, up to maxBackoffMs. */
export const retryBaseMs = 60_000
export const maxBackoffMs = 6 * 60 * 60_000

/** How long to wait before polling a feed again after its `failures`-th failure in a row. */
export function backoffMs(failures: number): number {
  return Math.min(retryBaseMs * 2 ** Math.max(0, failures - 1), maxBackoffMs)
}

export interface PollOptions {
  /** Time between two good polls of a feed. */
  intervalMs: number
  /** Poll even when the feed's next poll is not due (a command run by hand). */
  force?: boolean
  /** Read and match, store nothing: not the feed's state, not the items seen. */
  dryRun?: boolean
  log?: FeedLog
  limits?: Partial<FeedLimits>
  actor?: string
  via?: 'cli' | 'feed'
  extract?: Extract
  signal?: AbortSignal
  /** Called for each item taken (or that failed), as it happens. */
  onItem?: (item: TakenItem) => void
}

export interface TakenItem {
  key: string
  url: string | null
  title: string | null
  /** What the intake did with it; absent when it failed. */
  result?: IntakeResult
  /** Where the text came from. */
  from?: 'page' | 'item'
  error?: string
}

export interface PollResult {
  feed: string
  /** ok: polled; failed: the feed could not be read; busy: another instance is polling it; not_due: backing off or polled recently. */
  outcome: 'ok' | 'failed' | 'busy' | 'not_due'
  items: number
  taken: TakenItem[]
  error?: string
  failures?: number
  next_poll_at?: string
}

const pageAccept = 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1'
const feedAccept = 'application/atom+xml,application/rss+xml,application/feed+json,application/xml,text/xml,application/json;q=0.9,*/*;q=0.1'

function limitsOf(options: { limits?: Partial<FeedLimits> }): FeedLimits {
  return { ...defaultFeedLimits, ...options.limits }
}

/** The item's own content as the intake reads it, when it has any. */
function itemInput(item: FeedItem): ReportIn | null {
  if (!item.content) return null
  const text = item.contentIsHtml ? htmlToText(item.content).text : item.content
  return text.trim() === '' ? null : { text }
}

/** The article page as the intake reads it: HTML reduced to its article, plain text as it is. */
export function pageInput(contentType: string, body: string): ReportIn {
  if (/text\/plain/i.test(contentType)) return { text: body }
  if (contentType && !/html|xml/i.test(contentType)) throw new InvalidInputError(`the page is ${contentType.split(';')[0]}, not an article (HTML or text)`)
  return { html: body }
}

/**
 * Takes one feed item in: known by its URL → nothing fetched, nothing added; else the article page
 * (or, when the item links none or its page holds no article, the item's content) goes through
 * the intake. Fetch failures throw FetchError (worth retrying); a page with nothing to read throws
 * InvalidInputError (not).
 */
export async function takeItem(tracker: Tracker, item: FeedItem, options: Omit<PollOptions, 'intervalMs'> & { feedUrl: string | null }): Promise<TakenItem> {
  const limits = limitsOf(options)
  const url = normalizeUrl(item.url)
  const meta = { ...(url ? { url } : {}), ...(item.title ? { title: item.title } : {}), ...(item.published ? { published: item.published } : {}) }
  const intake = (input: ReportIn) =>
    ingestReport(tracker, options.extract ?? extractWithRecord, { ...input, ...meta }, { actor: options.actor ?? 'feed', via: options.via ?? 'feed', feedUrl: options.feedUrl, dryRun: options.dryRun ?? false })
  const base = { key: item.key, url, title: item.title }
  if (url) {
    const known = await findReport(tracker.store.db, { url })
    if (known) return { ...base, result: await intake({ text: known.text }), from: 'page' }
  }
  const own = itemInput(item)
  if (!url) {
    if (!own) throw new InvalidInputError('the item has neither a link nor content')
    return { ...base, result: await intake(own), from: 'item' }
  }
  let page: ReportIn
  try {
    const fetched = await fetchLimited(url, { timeoutMs: limits.timeoutMs, maxBytes: limits.maxPageBytes, accept: pageAccept, ...(options.signal ? { signal: options.signal } : {}) })
    page = pageInput(fetched.contentType, fetched.text)
  } catch (error) {
    if (!own || options.signal?.aborted) throw error
    options.log?.warn('article page not fetched; using the feed item content', { feed: options.feedUrl, item: url, error: (error as Error).message })
    return { ...base, result: await intake(own), from: 'item' }
  }
  try {
    return { ...base, result: await intake(page), from: 'page' }
  } catch (error) {
    if (!(error instanceof InvalidInputError) || !own) throw error
    return { ...base, result: await intake(own), from: 'item' }
  }
}

/** Polls one feed once (see the module comment); never throws for a feed or item failure. */
export async function pollFeed(tracker: Tracker, feedUrl: string, options: PollOptions): Promise<PollResult> {
  const log = options.log ?? silentLog
  const db = tracker.store.db
  const limits = limitsOf(options)
  let result: PollResult = { feed: feedUrl, outcome: 'busy', items: 0, taken: [] }
  const ran = await withLock(tracker, feedUrl, options.dryRun === true, async () => {
    const state = options.dryRun ? null : await feedState(db, feedUrl)
    if (state && !options.force && Date.parse(state.next_poll_at) > Date.now()) {
      result = { feed: feedUrl, outcome: 'not_due', items: 0, taken: [], failures: state.failures, next_poll_at: state.next_poll_at }
      return
    }
    let items: FeedItem[]
    try {
      const fetched = await fetchLimited(feedUrl, { timeoutMs: limits.timeoutMs, maxBytes: limits.maxFeedBytes, accept: feedAccept, ...(options.signal ? { signal: options.signal } : {}) })
      items = parseFeedItems(fetched.text, fetched.url).items
    } catch (error) {
      const message = (error as Error).message
      if (!state) {
        result = { feed: feedUrl, outcome: 'failed', items: 0, taken: [], error: message }
        return
      }
      const failures = state.failures + 1
      const nextAt = new Date(Date.now() + backoffMs(failures))
      await recordPoll(db, feedUrl, { ok: false, error: message, nextAt })
      log.error('feed poll failed', { feed: feedUrl, error: message, failures, retry_at: nextAt.toISOString() })
      result = { feed: feedUrl, outcome: 'failed', items: 0, taken: [], error: message, failures, next_poll_at: nextAt.toISOString() }
      return
    }
    const seen = new Set((await seenItems(db, feedUrl)).map((i) => i.item_key))
    const taken: TakenItem[] = []
    // Feeds list the newest first: take the oldest first, so the queue reads in order.
    for (const item of [...items].reverse()) {
      if (options.signal?.aborted) break
      const key = item.key.slice(0, 2000)
      if (seen.has(key)) continue
      if (!options.dryRun && !(await claimItem(db, feedUrl, key))) continue
      let done: TakenItem
      try {
        done = await takeItem(tracker, item, { ...options, feedUrl })
        if (!options.dryRun) await finishItem(db, feedUrl, key, { report_id: done.result?.report.id ?? null })
      } catch (error) {
        const message = (error as Error).message
        done = { key, url: item.url, title: item.title, error: message }
        if (!options.dryRun) {
          // A page that could not be fetched is tried again at the next poll; one with nothing to
          // read is remembered with its error and left alone.
          if (error instanceof FetchError) await releaseItem(db, feedUrl, key)
          else await finishItem(db, feedUrl, key, { error: message })
        }
        log.warn('feed item not taken in', { feed: feedUrl, item: item.url ?? key, error: message, retry: error instanceof FetchError })
      }
      taken.push(done)
      options.onItem?.(done)
    }
    const nextAt = new Date(Date.now() + options.intervalMs)
    if (state) await recordPoll(db, feedUrl, { ok: true, nextAt })
    const queued = taken.filter((t) => t.result && !t.result.duplicate).length
    log.info('feed polled', { feed: feedUrl, items: items.length, new: taken.length, queued, failed: taken.filter((t) => t.error).length })
    result = { feed: feedUrl, outcome: 'ok', items: items.length, taken, failures: 0, ...(state ? { next_poll_at: nextAt.toISOString() } : {}) }
  })
  if (!ran) log.info('feed busy: another instance is polling it', { feed: feedUrl })
  return result
}

async function withLock(tracker: Tracker, url: string, dryRun: boolean, fn: () => Promise<void>): Promise<boolean> {
  if (dryRun) {
    await fn()
    return true
  }
  return withFeedLock(tracker.store, url, fn)
}

export interface FeedPoller {
  /** Polls every feed that is due now (or all, forced) and returns what happened. */
  pollOnce(force?: boolean): Promise<PollResult[]>
  /** Stops: no further polls; an unfinished fetch is abandoned; resolves when the poller is idle. */
  stop(): Promise<void>
}

/**
 * Polls `feeds` in the background: every feed when it is due (its interval after a good poll, its
 * backoff after a failure), checked at least once a minute. Timers do not keep the process alive.
 */
export function startFeedPoller(tracker: Tracker, options: { feeds: readonly string[]; intervalMs: number; log?: FeedLog; limits?: Partial<FeedLimits>; forceFirst?: boolean; onResult?: (r: PollResult) => void; onItem?: (i: TakenItem) => void }): FeedPoller {
  const abort = new AbortController()
  const log = options.log ?? silentLog
  let timer: NodeJS.Timeout | null = null
  let running: Promise<PollResult[]> | null = null
  const tick = Math.max(1000, Math.min(options.intervalMs, 60_000))

  const pollOnce = (force = false): Promise<PollResult[]> =>
    (running ??= (async () => {
      const out: PollResult[] = []
      await Promise.resolve() // `running` is set before the first poll can finish
      try {
        for (const feed of options.feeds) {
          if (abort.signal.aborted) break
          const r = await pollFeed(tracker, feed, { intervalMs: options.intervalMs, force, log, signal: abort.signal, ...(options.limits ? { limits: options.limits } : {}), ...(options.onItem ? { onItem: options.onItem } : {}) })
          out.push(r)
          options.onResult?.(r)
        }
      } catch (error) {
        // The database itself failed (closed, unreachable): say so and try at the next tick.
        if (!abort.signal.aborted) log.error('feed poller failed', { error: (error as Error).message })
      } finally {
        running = null
      }
      return out
    })())

  const loop = (force: boolean) => {
    void pollOnce(force).then(() => {
      if (!abort.signal.aborted) {
        timer = setTimeout(() => loop(false), tick)
        timer.unref()
      }
    })
  }
  log.info('feed poller started', { feeds: options.feeds.length, interval_s: Math.round(options.intervalMs / 1000) })
  loop(options.forceFirst ?? false)

  return {
    pollOnce,
    async stop() {
      abort.abort()
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
