/**
 * Browser tests of the layout on phones, tablets and laptops: every page of the app, at 360, 390,
 * 768 and 1366 px, in English and in Korean, never scrolls sideways, and its tables fit their
 * frames (cards in a narrow one; the whole table on a laptop); the explorer's Status is on
 * screen on a phone; every map dot has a tap target of at least 24 px; the header stays compact on
 * a phone. At 390 and 1366 px the same walk checks that Korean pages are Korean all through
 * (headings, navigation, labels, buttons, legends, dates: korean.ts) and runs axe-core (the engine behind most accessibility
 * checkers): no WCAG 2.1 A or AA violation on any page, in either language (the editor's forms are
 * checked in editingForms.test.ts). Screenshots of every page at 390 and 1366 px go to
 * test/artifacts/ (layout-<page>-<width>-<lang>.png).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { everyPage } from './everyPage.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'
import { violations, type Violation } from './axe.ts'
import { dates, englishLabels, koreanDate } from './korean.ts'

let t: WebTest
let source = ''
beforeAll(async () => {
  t = await startWebTest()
  const sources = (await (await fetch(`${t.url}/api/sources?limit=1`)).json()) as { items: { id: string }[] }
  source = sources.items[0]!.id
})
afterAll(async () => t?.close())

const widths = [360, 390, 768, 1366]
/** Widths at which each page is also photographed and checked with axe. */
const shotWidths = new Set([390, 1366])

const pages = () => everyPage(source)

/** How far the page scrolls sideways, and the widest elements that stick out of the window. */
async function sideways(page: Page): Promise<{ extra: number; culprits: string[] }> {
  return page.evaluate(() => {
    const extra = document.documentElement.scrollWidth - window.innerWidth
    const culprits: string[] = []
    if (extra > 0) {
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect()
        if (r.right > window.innerWidth + 1 && r.width > 0) culprits.push(`${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '')} right=${Math.round(r.right)}`)
        if (culprits.length >= 5) break
      }
    }
    return { extra, culprits }
  })
}

describe('the layout at phone, tablet and laptop widths', () => {
  for (const width of widths) {
    it(`no page scrolls sideways at ${width} px, in English and Korean${shotWidths.has(width) ? ', and axe finds no WCAG 2.1 A/AA violation' : ''}`, async () => {
      const w = await openPage(t, { width, height: 800 })
      const found: Record<string, Violation[]> = {}
      for (const lang of ['en', 'ko']) {
        for (const p of pages()) {
          const where = `${p.path} (${lang}) at ${width} px`
          await w.page.goto(`${p.path}?lang=${lang}`)
          await w.page.waitForSelector(p.ready, { timeout: 15_000 })
          await w.page.waitForLoadState('networkidle')
          expect(await w.page.getAttribute('html', 'lang'), where).toBe(lang)
          const { extra, culprits } = await sideways(w.page)
          expect({ where, extra, culprits }).toEqual({ where, extra: 0, culprits: [] })
          // Tables fit their own frame: a table of cards always; any table on a laptop.
          const frames = await w.page.evaluate(
            (all) =>
              [...document.querySelectorAll('.table-wrap')]
                .filter((f) => all || f.querySelector(':scope > table.cards'))
                .map((f) => f.scrollWidth - f.clientWidth),
            width >= 1366,
          )
          for (const over of frames) expect(over, `a table frame on ${where}`).toBeLessThanOrEqual(1)
          if (shotWidths.has(width) && lang === 'ko') {
            // Korean all through: heading, navigation, labels, buttons, legends and dates.
            expect((await w.page.locator('h1').first().textContent())?.trim(), where).toMatch(p.ko.heading)
            expect(await w.page.locator('nav[aria-label="주 메뉴"] a').allTextContents(), where).toEqual(['개요', '지도', '연표', '차트', '사업', '출처', '소개'])
            expect(await englishLabels(w.page), where).toEqual([])
            if (p.ko.dates) {
              const shown = await dates(w.page, p.ko.dates)
              expect(shown.length, where).toBeGreaterThan(0)
              for (const d of shown) expect(d, where).toMatch(koreanDate)
            }
          }
          if (shotWidths.has(width)) {
            await screenshot(w.page, `layout-${p.name}-${width}-${lang}`)
            const v = await violations(w.page)
            if (v.length > 0) found[where] = v
          }
        }
      }
      expect(found).toEqual({})
      expect(w.errors).toEqual([])
      await w.close()
    }, 300_000)
  }

  for (const lang of ['en', 'ko']) {
    it(`shows every explorer row's status on screen on a 390 px phone (${lang})`, async () => {
      const { page, close } = await openPage(t, { width: 390, height: 800 })
      await page.goto(`/projects?lang=${lang}`)
      await page.waitForSelector('table.data tbody tr')
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('table.data tbody tr')].slice(0, 20).map((tr) => {
          const badge = tr.querySelector('.badge-text')!
          const r = badge.getBoundingClientRect()
          const row = tr.getBoundingClientRect()
          return { left: r.left, right: r.right, width: r.width, rowWidth: row.width, text: badge.textContent }
        }),
      )
      expect(boxes.length).toBeGreaterThan(0)
      for (const b of boxes) {
        expect(b.width, b.text ?? '').toBeGreaterThan(0)
        expect(b.left).toBeGreaterThanOrEqual(0)
        expect(b.right).toBeLessThanOrEqual(390)
        // A row is a card no wider than the screen.
        expect(b.rowWidth).toBeLessThanOrEqual(390)
      }
      // The Status label is shown beside the value (the column header is out of sight in a card).
      const label = await page.locator('table.data tbody tr').first().locator('td[data-label]', { has: page.locator('.badge-text') }).getAttribute('data-label')
      expect(label).toBe(lang === 'ko' ? '상태' : 'Status')
      await close()
    })
  }

  for (const width of [390, 1366]) {
    it(`gives every map dot a tap target of at least 24 px at ${width} px, without changing its look`, async () => {
      const { page, close } = await openPage(t, { width, height: 800 })
      for (const path of ['/map', '/provinces/south-pyongan']) {
        await page.goto(path)
        await page.waitForSelector('svg.country-map a[data-locality]')
        await page.waitForLoadState('networkidle')
        const targets = await page.evaluate(() =>
          [...document.querySelectorAll('svg.country-map a[data-locality]')].map((a) => {
            const hit = document.querySelector(`svg.country-map a[data-hit="${a.getAttribute('data-locality')}"] .point-hit`)
            const r = (hit ?? a).getBoundingClientRect()
            const dot = a.querySelector('.point-dot')!.getBoundingClientRect()
            const style = hit ? getComputedStyle(hit) : null
            return { id: a.getAttribute('data-locality'), hasHit: hit !== null, w: r.width, h: r.height, dot: dot.width, fill: style?.fillOpacity, stroke: style?.stroke, events: style?.pointerEvents }
          }),
        )
        expect(targets.length, path).toBeGreaterThan(0)
        for (const x of targets) {
          expect(x.hasHit, `${path} ${x.id}`).toBe(true)
          expect(Math.min(x.w, x.h), `${path} ${x.id} (dot ${x.dot.toFixed(1)} px)`).toBeGreaterThanOrEqual(24)
          // Invisible: no paint, but it takes the pointer.
          expect([x.fill, x.stroke, x.events], `${path} ${x.id}`).toEqual(['0', 'none', 'all'])
        }
        // A tap just outside a small dot (but inside its target) lands on a locality's link.
        const small = targets.find((x) => x.dot < 16)
        if (small && path === '/map') {
          const hit = page.locator(`svg.country-map a[data-hit="${small.id}"] .point-hit`)
          await hit.scrollIntoViewIfNeeded()
          const box = await hit.boundingBox()
          const hitAt = await page.evaluate(
            ([x, y]) => (document.elementFromPoint(x!, y!)?.closest('a[data-locality], a[data-hit]') as Element | null)?.getAttribute('href') ?? null,
            [box!.x + box!.width / 2, box!.y + box!.height / 2 - 10.5],
          )
          expect(hitAt, `a tap beside ${small.id}`).toMatch(/^\/localities\//)
          // A tap on a dot opens that dot: the targets lie under every dot.
          const center = await page.evaluate(
            ([x, y]) => (document.elementFromPoint(x!, y!)?.closest('a[data-locality], a[data-hit]') as Element | null)?.getAttribute('data-locality') ?? null,
            [box!.x + box!.width / 2, box!.y + box!.height / 2],
          )
          expect(center).toBe(small.id)
        }
        // The targets take no keyboard focus and are hidden from screen readers (the dots are the links).
        expect(await page.locator('svg.country-map g.point-hits').getAttribute('aria-hidden'), path).toBe('true')
        expect(await page.locator('svg.country-map a[data-hit]:not([tabindex="-1"])').count(), path).toBe(0)
      }
      await close()
    })
  }

  for (const lang of ['en', 'ko']) {
    it(`keeps the header compact on a 360 px phone, with every link reachable (${lang})`, async () => {
      const { page, close } = await openPage(t, { width: 360, height: 800 })
      await page.goto(`/projects?lang=${lang}`)
      await page.waitForSelector('table.data tbody tr')
      const head = await page.locator('header.site-head').boundingBox()
      // Brand and controls on one line, the navigation on a second: about two lines of text.
      expect(head!.height).toBeLessThanOrEqual(110)
      const nav = page.locator('header.site-head nav a')
      const n = await nav.count()
      expect(n).toBeGreaterThanOrEqual(6)
      // The navigation is one row; links past the edge scroll into view when focused.
      const tops = new Set<number>()
      for (let i = 0; i < n; i++) tops.add(Math.round((await nav.nth(i).boundingBox())!.y))
      expect(tops.size).toBe(1)
      await nav.nth(n - 1).focus()
      const last = await nav.nth(n - 1).boundingBox()
      expect(last!.x).toBeGreaterThanOrEqual(0)
      expect(last!.x + last!.width).toBeLessThanOrEqual(360)
      await close()
    })
  }
})
