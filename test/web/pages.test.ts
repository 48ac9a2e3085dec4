/**
 * Browser tests of the read-only web app on the bundled data: every page type loads without
 * console errors, the grid leads to the projects (by mouse and by keyboard), the overview fits a
 * 360 px screen, and screenshots of the main pages are saved to test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest()
})
afterAll(async () => t?.close())

const songchon = '20x10.2024.south-pyongan.songchon'

describe('every page type', () => {
  it('loads with its data and without console errors', async () => {
    const sources = (await (await fetch(`${t.url}/api/sources?limit=1`)).json()) as { items: { id: string }[] }
    const source = sources.items[0]!.id
    const pages: [string, string, string | null][] = [
      ['/', '[data-testid=headline]', 'overview'],
      ['/map', 'svg.country-map a[data-locality]', 'map'],
      ['/timeline', 'svg.timeline-chart a.tl-row', 'timeline'],
      ['/projects', 'table.data tbody tr', 'explorer'],
      [`/projects/${songchon}`, '.event-line .event', 'project'],
      ['/localities/south-pyongan.songchon', 'svg.country-map', 'locality'],
      ['/provinces/south-pyongan', '.locality-list li', 'province'],
      ['/provinces', '.bars li', null],
      ['/sources', 'table.data tbody tr', null],
      [`/sources/${encodeURIComponent(source)}`, '.supports li', 'source'],
      ['/about', '[data-testid=cite]', 'about'],
      ['/no/such/page', 'h1', null],
    ]
    const { page, errors, close } = await openPage(t)
    for (const [path, ready, shot] of pages) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(200)
      await page.waitForSelector(ready, { timeout: 15_000 })
      await expect(page.locator('h1').first().textContent(), path).resolves.toBeTruthy()
      if (shot) await screenshot(page, shot)
    }
    expect(await page.locator('h1').textContent()).toBe('Page not found')
    expect(errors).toEqual([])
    await close()
  })

  it('shows the headline figures and the 20×10 grid on the overview', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/')
    await page.waitForSelector('a.slot[data-project]')
    const progress = (await (await fetch(`${t.url}/api/stats/progress`)).json()) as { cumulative: { counted: number }; years: { extra: unknown[] }[] }
    expect(await page.locator('.grid-row').count()).toBe(10)
    expect(await page.locator('.grid-slots a.slot').count()).toBe(progress.cumulative.counted)
    expect(await page.locator('.grid-extras a.slot').count()).toBe(progress.years.reduce((n, y) => n + y.extra.length, 0))
    expect(await page.locator('[data-testid=headline]').textContent()).toContain(`${progress.cumulative.counted} of 200`)
    const label = await page.locator('.grid-slots a.slot').first().getAttribute('aria-label')
    expect(label).toMatch(/(Operational|Under construction|Planned|Suspended)/)
    expect(await page.locator('.projection').textContent()).toMatch(/On track|Behind schedule|Too early/)
    expect(errors).toEqual([])
    await close()
  })

  it('draws imprecise dates on the timeline as ranges', async () => {
    const { page, close } = await openPage(t)
    await page.goto('/timeline')
    await page.waitForSelector('a.tl-row')
    expect(await page.locator('rect.tl-range').count()).toBeGreaterThan(0)
    expect(await page.locator('a.tl-row').count()).toBeGreaterThan(60)
    await close()
  })
})

describe('from the grid to a project', () => {
  it('opens the project of a clicked square', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/')
    const slot = page.locator('.grid-slots a.slot[data-project]').first()
    const id = (await slot.getAttribute('data-project'))!
    const name = (await slot.getAttribute('aria-label'))!.split(' ')[0]!
    await slot.click()
    await page.waitForURL(`**/projects/${id}`)
    await page.waitForSelector('.event-line')
    expect(await page.locator('h1').textContent()).toContain(name)
    expect(errors).toEqual([])
    await close()
  })

  it('reaches a square with Tab and opens it with Enter', async () => {
    const { page, close } = await openPage(t)
    await page.goto('/')
    await page.waitForSelector('a.slot[data-project]')
    let found = false
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab')
      found = await page.evaluate(() => document.activeElement?.matches('a.slot[data-project]') ?? false)
    }
    expect(found).toBe(true)
    const id = await page.evaluate(() => document.activeElement!.getAttribute('data-project'))
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/projects/${id}`)
    await page.waitForSelector('.event-line')
    await close()
  })
})

describe('small screens', () => {
  it('points each Unsan to the other, and says plainly when a province address is wrong', async () => {
    const { page, errors, close } = await openPage(t)
    for (const [here, there] of [
      ['south-pyongan.unsan', 'north-pyongan.unsan'],
      ['north-pyongan.unsan', 'south-pyongan.unsan'],
    ]) {
      await page.goto(`/localities/${here}`)
      const note = page.locator('[data-testid=namesakes]')
      await note.waitFor()
      expect(await note.locator('a').getAttribute('href')).toBe(`/localities/${there}`)
    }
    // A mistyped province address says so in words, not with the API's message.
    await page.goto('/provinces/south-pyongyan')
    await page.waitForSelector('[role=alert] h2')
    expect(await page.locator('[role=alert]').textContent()).toContain('There is no province at this address')
    // Names one letter apart point to each other too (성천군 Songchon, 선천군 Sonchon).
    await page.goto('/localities/south-pyongan.songchon')
    await page.locator('[data-testid=namesakes]').waitFor()
    expect(await page.locator('[data-testid=namesakes] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/localities/north-pyongan.sonchon')
    // A name nothing else resembles gets no such note.
    await page.goto('/localities/ryanggang.samsu')
    await page.waitForSelector('#names-title')
    await page.waitForLoadState('networkidle')
    expect(await page.locator('[data-testid=namesakes]').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  })

  it('has no horizontal scroll at 360 px', async () => {
    const { page, errors, close } = await openPage(t, { width: 360, height: 740 })
    for (const path of ['/', '/projects', `/projects/${songchon}`, '/map', '/timeline', '/localities/south-pyongan.songchon']) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      await page.waitForSelector('main h1')
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
      expect(scroll, path).toBeLessThanOrEqual(inner)
      if (path === '/') await screenshot(page, 'overview-360')
    }
    expect(errors).toEqual([])
    await close()
  })
})
