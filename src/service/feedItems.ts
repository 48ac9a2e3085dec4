/**
 * @module Reads a feed — RSS, Atom, RDF or JSON Feed, parsed by feedsmith — into the items the
 * intake takes: a stable key (guid or id, else the link), the article's URL (relative links
 * resolved against the feed's), title, published day and the item's own content. Anything that
 * is not a feed is refused with a message saying so.
 */
import { parseFeed } from 'feedsmith'
import { InvalidInputError } from '../model/errors.ts'

export interface FeedItem {
  /** What identifies the item in its feed: its guid or id, else its link, else title and date. */
  key: string
  url: string | null
  title: string | null
  /** YYYY-MM-DD as the feed gives it (no time-zone shift), or null. */
  published: string | null
  /** The item's own content or summary, when it has one. */
  content: string | null
  contentIsHtml: boolean
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json'
  title: string | null
  items: FeedItem[]
}

/** Most items read from one feed (feeds carry tens; the rest are ignored). */
export const maxFeedItems = 500

type Loose = Record<string, unknown>
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)
/** Atom's text constructs come as {value, type}. */
const text = (v: unknown): string | null => str(v) ?? (v && typeof v === 'object' ? str((v as Loose).value) : null)

const months: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' }

/** The calendar day a feed date names, as written (an RFC 822 or ISO 8601 date). */
export function feedDay(raw: unknown): string | null {
  const s = str(raw)
  if (!s) return null
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s)
  if (rfc && months[rfc[2]!.toLowerCase()]) return `${rfc[3]}-${months[rfc[2]!.toLowerCase()]}-${rfc[1]!.padStart(2, '0')}`
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10)
}

function absolute(link: string | null, base: string | undefined): string | null {
  if (!link) return null
  try {
    const u = new URL(link, base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null
  } catch {
    return null
  }
}

const looksHtml = (s: string | null) => s !== null && /<\/?[a-z][\s\S]*?>/i.test(s)

function item(raw: { key: string | null; url: string | null; title: string | null; date: unknown; content: string | null; html?: boolean }, base: string | undefined): FeedItem | null {
  const url = absolute(raw.url, base)
  const published = feedDay(raw.date)
  const key = raw.key ?? url ?? (raw.title ? `${raw.title} ${published ?? ''}`.trim() : null)
  if (!key) return null
  return { key, url, title: raw.title, published, content: raw.content, contentIsHtml: raw.html ?? looksHtml(raw.content) }
}

function rssItems(feed: Loose, base: string | undefined): FeedItem[] {
  return ((feed.items as Loose[] | undefined) ?? []).map((i) => {
    const guid = i.guid as Loose | string | undefined
    const guidValue = typeof guid === 'string' ? str(guid) : str(guid?.value)
    const link = str(i.link) ?? (guidValue && /^https?:\/\//i.test(guidValue) ? guidValue : null)
    const content = str((i.content as Loose | undefined)?.encoded) ?? str(i.description)
    const dc = i.dc as Loose | undefined
    return item({ key: guidValue ?? link, url: link, title: text(i.title), date: i.pubDate ?? dc?.date ?? (Array.isArray(dc?.dates) ? dc.dates[0] : undefined), content }, base)
  }).filter((i): i is FeedItem => i !== null)
}

function atomItems(feed: Loose, base: string | undefined): FeedItem[] {
  return ((feed.entries as Loose[] | undefined) ?? []).map((e) => {
    const links = (e.links as Loose[] | undefined) ?? []
    const link = str((links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href)
    const content = e.content as Loose | undefined
    const body = text(content) ?? text(e.summary)
    const type = str(content?.type) ?? str((e.summary as Loose | undefined)?.type)
    return item({ key: str(e.id) ?? link, url: link, title: text(e.title), date: e.published ?? e.updated, content: body, html: type ? /html/.test(type) : looksHtml(body) }, base)
  }).filter((i): i is FeedItem => i !== null)
}

function jsonItems(feed: Loose, base: string | undefined): FeedItem[] {
  return ((feed.items as Loose[] | undefined) ?? []).map((i) => {
    const html = str(i.content_html)
    const link = str(i.url) ?? str(i.external_url)
    return item({ key: str(i.id) ?? link, url: link, title: str(i.title), date: i.date_published ?? i.date_modified, content: html ?? str(i.content_text) ?? str(i.summary), html: html !== null }, base)
  }).filter((i): i is FeedItem => i !== null)
}

/** Parses a feed document (XML or JSON Feed); `base` resolves relative links. */
export function parseFeedItems(document: string, base?: string): ParsedFeed {
  const source = document.replace(/^\uFEFF/, '').trim()
  if (source === '') throw new InvalidInputError('the feed is empty')
  let value: unknown = source
  if (source.startsWith('{')) {
    try {
      value = JSON.parse(source)
    } catch {
      throw new InvalidInputError('not a feed: the document starts like JSON but is not valid JSON')
    }
  }
  let parsed: { format: ParsedFeed['format']; feed: Loose }
  try {
    parsed = parseFeed(value) as unknown as typeof parsed
  } catch (error) {
    const what = /^<(?:!doctype html|html)/i.test(source) ? 'an HTML page' : source.startsWith('<') ? 'XML of another kind' : typeof value === 'object' ? 'JSON of another kind' : 'plain text'
    throw new InvalidInputError(`not an RSS, Atom or JSON feed: the document is ${what} (${(error as Error).message})`)
  }
  const { format, feed } = parsed
  const items = format === 'atom' ? atomItems(feed, base) : format === 'json' ? jsonItems(feed, base) : rssItems(feed, base)
  return { format, title: text(feed.title), items: items.slice(0, maxFeedItems) }
}
