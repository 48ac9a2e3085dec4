/** Unit tests of the snapshot frame: text is escaped, the credit line names the source, version, date and address. */
import { describe, expect, it } from 'vitest'
import { esc, frame } from './frame.ts'

describe('the snapshot frame', () => {
  it('escapes every text it is given', () => {
    expect(esc(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
    const svg = frame({ title: 'A <b>&</b>', body: '', height: 10, description: '"quoted"', credit: { url: 'https://t.example/p?a=1&b=<2>', version: 7, date: '2026-12-03' } })
    expect(svg).toContain('<title id="title">A &lt;b&gt;&amp;&lt;/b&gt;</title>')
    expect(svg).toContain('<desc id="desc">&quot;quoted&quot;</desc>')
    expect(svg).toContain('https://t.example/p?a=1&amp;b=&lt;2&gt;</text>')
    expect(svg).not.toContain('<b>')
  })

  it('credits the source with the data version and date', () => {
    const svg = frame({ title: 't', body: '<g/>', height: 100, description: 'd', credit: { url: 'https://t.example/', version: 42, date: '2026-12-03' } })
    expect(svg).toContain('Source: <tspan font-weight="700">20×10 Tracker</tspan> · data version 42 · as of 2026-12-03')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" height="192"/)
  })
})
