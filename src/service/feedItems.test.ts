/** Feed documents of each format read into the items the intake takes; anything else refused. */
import { describe, expect, it } from 'vitest'
import { feedDay, parseFeedItems } from './feedItems.ts'

describe('parseFeedItems', () => {
  it('reads RSS: guid as key, relative links resolved, the day as written, content:encoded before description', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
      <item><title>Mill opens</title><link>/news/mill.html</link><guid isPermaLink="false">item-7</guid><pubDate>Tue, 21 Jan 2025 23:30:00 -0500</pubDate><description>Short.</description><content:encoded>&lt;p&gt;The full text.&lt;/p&gt;</content:encoded></item>
      <item><title>No guid</title><link>https://wire.example/news/b.html</link></item>
    </channel></rss>`
    const feed = parseFeedItems(rss, 'https://wire.example/feed.rss')
    expect(feed).toMatchObject({ format: 'rss', title: 'Wire' })
    expect(feed.items).toEqual([
      { key: 'item-7', url: 'https://wire.example/news/mill.html', title: 'Mill opens', published: '2025-01-21', content: '<p>The full text.</p>', contentIsHtml: true },
      { key: 'https://wire.example/news/b.html', url: 'https://wire.example/news/b.html', title: 'No guid', published: null, content: null, contentIsHtml: false },
    ])
  })

  it('reads a JSON Feed', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: 'j1', url: 'https://j.example/1', title: 'One', content_text: 'Plain words.', date_published: '2025-02-03T10:00:00+09:00' }] })
    expect(parseFeedItems(json).items).toEqual([{ key: 'j1', url: 'https://j.example/1', title: 'One', published: '2025-02-03', content: 'Plain words.', contentIsHtml: false }])
  })

  it('refuses what is not a feed, saying what it is', () => {
    expect(() => parseFeedItems('<!doctype html><html><body>hi</body></html>')).toThrow(/not an RSS, Atom or JSON feed: the document is an HTML page/)
    expect(() => parseFeedItems('just some words')).toThrow(/the document is plain text/)
    expect(() => parseFeedItems('{"a": 1}')).toThrow(/the document is JSON of another kind/)
    expect(() => parseFeedItems('{oops')).toThrow(/not valid JSON/)
    expect(() => parseFeedItems('  ')).toThrow(/the feed is empty/)
  })

  it('feedDay keeps the calendar day a date names', () => {
    expect(feedDay('2025-01-20T23:59:00-10:00')).toBe('2025-01-20')
    expect(feedDay('Mon, 3 Feb 2025 01:00:00 +0900')).toBe('2025-02-03')
    expect(feedDay('whenever')).toBeNull()
  })
})
