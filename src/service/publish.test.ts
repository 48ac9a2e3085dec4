import { describe, expect, it } from 'vitest'
import { basePathOf, pageHtml } from './publish.ts'

describe('publish: addresses and the page', () => {
  it('takes the base from the address, and refuses what is not one', () => {
    expect(basePathOf(undefined)).toBe('/')
    expect(basePathOf('https://example.org')).toBe('/')
    expect(basePathOf('https://user.github.io/tracker')).toBe('/tracker/')
    expect(basePathOf('https://user.github.io/tracker/')).toBe('/tracker/')
    expect(() => basePathOf('ftp://example.org/')).toThrow(/http or https/)
    expect(() => basePathOf('example.org/tracker')).toThrow(/not an address/)
    expect(() => basePathOf('https://example.org/t/?x=1')).toThrow(/query/)
  })

  it('marks the page as a published copy and puts its assets under the base, nothing else', () => {
    const built = '<html><head><script type="module" crossorigin src="/assets/app-x.js"></script><link rel="stylesheet" href="/assets/s.css"><link rel="icon" href="data:image/svg+xml,x"></head><body><a href="//cdn.example.org/x">x</a></body></html>'
    const page = pageHtml(built, '/tracker/', 'https://tracker.example.org/?a="b"')
    expect(page).toContain('<meta name="tracker-static" content="/tracker/" data-live="https://tracker.example.org/?a=&quot;b&quot;" />')
    expect(page).toContain('src="/tracker/assets/app-x.js"')
    expect(page).toContain('href="/tracker/assets/s.css"')
    expect(page).toContain('href="data:image/svg+xml,x"')
    expect(page).toContain('href="//cdn.example.org/x"')
    expect(pageHtml(built, '/', null)).toContain('<meta name="tracker-static" content="/" />')
    // A copy published with its address names it: the Embed snippets of its pages point there.
    expect(pageHtml(built, '/tracker/', null, null, 'https://example.org/tracker/')).toContain('<meta name="tracker-static" content="/tracker/" data-url="https://example.org/tracker/" />')
    // A release's copy of the site names its release, for the banner and the citation.
    expect(pageHtml(built, '/releases/1.0/site/', 'https://t.example.org', { version: '1.0', date: '2026-12-01' })).toContain('<meta name="tracker-static" content="/releases/1.0/site/" data-live="https://t.example.org" data-release="1.0" data-release-date="2026-12-01" />')
  })
})
