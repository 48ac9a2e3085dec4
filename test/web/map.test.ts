/**
 * Browser tests of the country map: zooming with the buttons (also by keyboard), dragging a zoomed
 * map, and Pyongyang's districts — many recorded at one coordinate — each reachable on its own at the
 * default zoom. Screenshots: map-zoom-<lang>-<width>.png, map-pyongyang-<lang>-<width>.png.
 */
import type { Page } from 'playwright-core'
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

describe('the country map', () => {
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
      ['ko', 390],
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
        for (let i = 0; i < (await bubble.count()) && (await point.count()) === 0; i++) {
          expect(Number(await bubble.nth(i).getAttribute('data-bubble'))).toBeGreaterThan(1)
          await bubble.nth(i).focus()
          await page.keyboard.press('Enter')
          opened = i
        }
        expect(opened).toBeGreaterThanOrEqual(0)
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
