/**
 * Browser tests of the country map: zooming with the buttons (also by keyboard), dragging a zoomed
 * map, pinching and panning it on a touch screen (real touch input through Chromium's CDP
 * Input.dispatchTouchEvent) while one finger on an unzoomed map still scrolls the page, and
 * Pyongyang's districts — many recorded at one coordinate — each reachable on its own at the
 * default zoom, the phone's bubble saying when it opens and closes. Screenshots:
 * map-zoom-<lang>-<width>.png, map-pinch-<lang>-390.png, map-bubble-…, map-pyongyang-<lang>-<width>.png.
 */
import type { CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'
import { violations } from './axe.ts'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest()
})
afterAll(async () => t?.close())

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(`${t.url}${path}`)).json()) as T
}

const outline = async (page: Page) => (await page.locator('svg.country-map path.dprk').boundingBox())!
const centre = async (page: Page, id: string) => {
  const box = (await page.locator(`svg.country-map a[data-locality="${id}"] .point-dot`).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}
const hitAt = (page: Page, at: { x: number; y: number }) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.getAttribute('data-locality') ?? document.elementFromPoint(x, y)?.closest('a')?.getAttribute('data-hit') ?? null, at)

type Point = { x: number; y: number }
/** Fingers on the screen (CSS pixels of the window), as Chromium's touch screen input; an empty list lifts them all. */
const touch = (cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Point[]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map((f, id) => ({ x: f.x, y: f.y, id, radiusX: 4, radiusY: 4, force: 1 })) })
/** Fingers moved from `from` to `to` in `steps` touch moves, held still a moment (so no fling goes on after them), then lifted. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 10) {
  await touch(cdp, 'touchStart', from)
  for (let i = 1; i <= steps; i++) await touch(cdp, 'touchMove', from.map((f, j) => ({ x: f.x + ((to[j]!.x - f.x) * i) / steps, y: f.y + ((to[j]!.y - f.y) * i) / steps })))
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 60))
    await touch(cdp, 'touchMove', to)
  }
  await touch(cdp, 'touchEnd', [])
}

/** Waits until the page stops scrolling (a swipe's fling goes on after the finger lifts). */
async function settled(page: Page): Promise<number> {
  let last = -1
  for (;;) {
    const now = await page.evaluate(() => window.scrollY)
    if (now === last) return now
    last = now
    await page.waitForTimeout(250)
  }
}

describe('the country map', () => {
  it('pinch-zooms about the fingers and moves under one finger on a touch screen; not zoomed, a finger scrolls the page', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const { page, context, errors, close } = await openPage(t, { width: 390, height: 700, touch: true })
      await page.goto(`/map${lang === 'ko' ? '?lang=ko' : ''}`)
      await page.waitForSelector('svg.country-map a[data-locality]')
      const svg = page.locator('svg.country-map')
      const zoom = async () => Number(await svg.getAttribute('data-zoom'))
      // Not zoomed, the page keeps one-finger scrolling; pinching is the map's.
      expect(await svg.evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-x pan-y')
      const cdp = await context.newCDPSession(page)
      await page.evaluate(() => window.scrollTo(0, 0))
      let box = (await svg.boundingBox())!
      const swipeAt = { x: box.x + box.width / 2, y: Math.min(box.y + box.height / 2, 600) }
      await gesture(cdp, [swipeAt], [{ x: swipeAt.x, y: swipeAt.y - 250 }])
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100)
      await settled(page)
      expect(await zoom()).toBe(1)

      // Two fingers spreading from 40 to 120 px apart: three times the zoom, about their midpoint.
      await svg.scrollIntoViewIfNeeded()
      await page.evaluate(() => window.scrollBy(0, 60))
      await settled(page)
      box = (await svg.boundingBox())!
      const mid = { x: box.x + box.width / 2, y: box.y + box.height * 0.45 }
      const before = await outline(page)
      const scrolled = await page.evaluate(() => window.scrollY)
      await gesture(cdp, [{ x: mid.x - 20, y: mid.y }, { x: mid.x + 20, y: mid.y }], [{ x: mid.x - 60, y: mid.y }, { x: mid.x + 60, y: mid.y }])
      await expect.poll(zoom).toBeGreaterThan(2.7)
      const k = await zoom()
      expect(k).toBeLessThan(3.3)
      const after = await outline(page)
      expect(after.width / before.width).toBeCloseTo(k, 1)
      // What was under the fingers' midpoint is still there.
      expect(after.x - mid.x).toBeCloseTo((before.x - mid.x) * k, -1)
      expect(after.y - mid.y).toBeCloseTo((before.y - mid.y) * k, -1)
      // The page neither scrolled nor zoomed itself meanwhile.
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
      expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1)
      expect(await svg.evaluate((el) => getComputedStyle(el).touchAction)).toBe('none')

      // Zoomed, one finger moves the map by as much as the finger moved, and opens nothing.
      const from = await outline(page)
      await gesture(cdp, [mid], [{ x: mid.x - 50, y: mid.y - 30 }])
      await expect.poll(async () => (await outline(page)).x - from.x).toBeCloseTo(-50, -1)
      expect((await outline(page)).y - from.y).toBeCloseTo(-30, -1)
      expect(new URL(page.url()).pathname).toBe('/map')
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
      await screenshot(page, `map-pinch-${lang}-390`, { fullPage: false })

      // Pinching in again goes back to the whole country, never below it.
      await gesture(cdp, [{ x: mid.x - 100, y: mid.y }, { x: mid.x + 100, y: mid.y }], [{ x: mid.x - 5, y: mid.y }, { x: mid.x + 5, y: mid.y }])
      await expect.poll(zoom).toBe(1)
      // After the gestures a tap on a place still opens it.
      const dot = page.locator('svg.country-map a[data-locality] .point-dot').first()
      await dot.scrollIntoViewIfNeeded()
      const d = (await dot.boundingBox())!
      await page.touchscreen.tap(d.x + d.width / 2, d.y + d.height / 2)
      await page.waitForURL((u) => u.pathname.startsWith('/localities/'))
      expect(errors).toEqual([])
      await close()
    }
  }, 120_000)

  it('zooms in and out with its buttons (and the keyboard), moves when dragged, and goes back to the whole country', async () => {
    const { page, errors, close } = await openPage(t, { width: 1366 })
    await page.goto('/map')
    await page.waitForSelector('svg.country-map a[data-locality]')
    const svg = page.locator('svg.country-map')
    expect(await svg.getAttribute('data-zoom')).toBe('1.00')
    expect(await page.getByRole('button', { name: 'Zoom out' }).isDisabled()).toBe(true)
    const before = await outline(page)

    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => svg.getAttribute('data-zoom')).toBe('1.60')
    const zoomed = await outline(page)
    expect(zoomed.width / before.width).toBeCloseTo(1.6, 1)
    // By keyboard: the button takes focus and Enter zooms further.
    await page.getByRole('button', { name: 'Zoom in' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => svg.getAttribute('data-zoom')).toBe('2.56')
    // The dots keep their size on screen while the country grows.
    const dot = page.locator('svg.country-map a[data-locality] .point-dot').first()

    // A drag moves the map by as much as the pointer moved, and opens nothing.
    const box = (await svg.boundingBox())!
    const from = await outline(page)
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 })
    await page.mouse.up()
    const moved = await outline(page)
    expect(moved.x - from.x).toBeCloseTo(60, -1)
    expect(moved.y - from.y).toBeCloseTo(40, -1)
    expect(new URL(page.url()).pathname).toBe('/map')
    // …and selects no text on the way (the province names).
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('')
    await screenshot(page, 'map-zoom-en-1366', { fullPage: false })
    expect(await violations(page)).toEqual([])
    expect((await dot.boundingBox())!.width).toBeLessThan(30)

    await page.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(() => svg.getAttribute('data-zoom')).toBe('1.60')
    await page.getByRole('button', { name: 'Whole country' }).click()
    await expect.poll(() => svg.getAttribute('data-zoom')).toBe('1.00')
    const after = await outline(page)
    expect(after.width).toBeCloseTo(before.width, 0)
    expect(after.x).toBeCloseTo(before.x, 0)
    expect(errors).toEqual([])
    await close()
  })

  it('spreads Pyongyang’s districts recorded at one point, so each can be hovered and tapped on its own', async () => {
    const ids = ['pyongyang.potonggang', 'pyongyang.pyongchon', 'pyongyang.sosong']
    const named = await Promise.all(ids.map((id) => api<{ id: string; plain: string; coord: { lat: number; lon: number } }>(`/api/localities/${id}`)))
    // The gazetteer has them on one spot: without the spread, one dot would hide the others.
    expect(new Set(named.map((l) => `${l.coord.lat},${l.coord.lon}`)).size).toBe(1)
    for (const [lang, width] of [
      ['en', 1366],
      ['ko', 1366],
      ['ko', 390],
      ['en', 390],
    ] as const) {
      const { page, errors, close } = await openPage(t, { width })
      await page.goto(`/map?unreached=1${lang === 'ko' ? '&lang=ko' : ''}`)
      await page.waitForSelector('svg.country-map a[data-locality]')
      const point = page.locator(`svg.country-map a[data-locality="${ids[0]}"]`)
      if (width < 600) {
        // On a phone, 24 px apart would take them far: they are one numbered bubble, which opens into them when pressed.
        expect(await point.count()).toBe(0)
        const bubble = page.locator('svg.country-map g.bubble[role=button]')
        expect(await bubble.count()).toBeGreaterThan(0)
        await bubble.first().scrollIntoViewIfNeeded()
        await screenshot(page, `map-bubble-${lang}-${width}`, { fullPage: false })
        expect(await violations(page)).toEqual([])
        // By keyboard: the bubble is a button (Enter opens it).
        let opened = -1
        let count = 0
        let key = ''
        for (let i = 0; i < (await bubble.count()) && (await point.count()) === 0; i++) {
          count = Number(await bubble.nth(i).getAttribute('data-bubble'))
          key = (await bubble.nth(i).getAttribute('data-bubble-key'))!
          expect(count).toBeGreaterThan(1)
          await bubble.nth(i).focus()
          await page.keyboard.press('Enter')
          opened = i
        }
        expect(opened).toBeGreaterThanOrEqual(0)
        await point.waitFor()
        // Said to a screen reader, politely, and focus on the first of the places it opened into.
        const said = page.locator('[data-testid=map-said]')
        expect(await said.getAttribute('aria-live')).toBe('polite')
        expect(await said.textContent()).toBe(lang === 'en' ? `${count} places shown; press Escape to close` : `${count}곳을 펼쳤습니다. 닫으려면 Esc 키를 누르세요`)
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-locality') ?? null)
        expect(key.split(' ')).toContain(focused)
        // Escape closes it, says so, and gives focus back to the bubble.
        await page.keyboard.press('Escape')
        await expect.poll(() => point.count()).toBe(0)
        expect(await said.textContent()).toBe(lang === 'en' ? `${count} places grouped again` : `${count}곳을 다시 묶었습니다`)
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-bubble-key') ?? null)).toBe(key)
        await page.keyboard.press('Enter')
        await point.waitFor()
        // Pressing beside its points closes it again; a tap (click) on the bubble opens it.
        const backdrop = (await page.locator('svg.country-map .spread-backdrop').boundingBox())!
        await page.mouse.click(backdrop.x + backdrop.width / 2, backdrop.y + 3)
        await expect.poll(() => point.count()).toBe(0)
        await bubble.nth(opened).click()
      }
      await point.waitFor()
      await point.scrollIntoViewIfNeeded()
      const at = await Promise.all(ids.map((id) => centre(page, id)))
      for (let i = 0; i < ids.length; i++) {
        expect(await hitAt(page, at[i]!), `${ids[i]} at ${width}`).toBe(ids[i])
        await page.mouse.move(at[i]!.x, at[i]!.y)
        await expect.poll(() => page.locator('[data-testid=map-tip]').textContent()).toContain(lang === 'ko' ? '' : named[i]!.plain)
        expect(await page.locator(`svg.country-map a[data-locality="${ids[i]}"] .point`).getAttribute('class')).toContain('active')
        for (let j = i + 1; j < ids.length; j++) {
          const apart = Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y)
          // A finger's 24 px on a phone; clear of one another for a pointer.
          expect(apart, `${ids[i]}–${ids[j]} at ${width}`).toBeGreaterThanOrEqual(width < 600 ? 24 : 10)
        }
      }
      if (width < 600) {
        const hit = (await page.locator(`svg.country-map [data-hit="${ids[0]}"] circle`).boundingBox())!
        expect(hit.width).toBeGreaterThanOrEqual(24)
      }
      await screenshot(page, `map-pyongyang-${lang}-${width}`, { fullPage: false })
      expect(await violations(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      expect(errors).toEqual([])
      await close()
    }
  })

  it('labels its zoom buttons in Korean', async () => {
    const { page, errors, close } = await openPage(t, { width: 390 })
    await page.goto('/map?lang=ko')
    await page.waitForSelector('svg.country-map a[data-locality]')
    await page.getByRole('button', { name: '확대' }).click()
    await expect.poll(() => page.locator('svg.country-map').getAttribute('data-zoom')).toBe('1.60')
    expect(await page.locator('[data-testid=zoom-reset]').textContent()).toBe('전체 보기')
    const size = (await page.getByRole('button', { name: '확대' }).boundingBox())!
    expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24)
    await page.locator('svg.country-map').scrollIntoViewIfNeeded()
    await screenshot(page, 'map-zoom-ko-390', { fullPage: false })
    expect(errors).toEqual([])
    await close()
  })
})
