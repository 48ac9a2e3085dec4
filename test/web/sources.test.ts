/**
 * Browser test of the sources list and a source's page: the search box (title, publisher,
 * address), the filters (publisher, kind, language, year) and the sortable columns, each kept in
 * the address so a copied link opens the same list; "What it supports" in date order, titled in
 * words ("Groundbreaking at Myonggan County, 2026"; hangul in Korean). Screenshots at 1366 and
 * 390 px, English and Korean, in test/artifacts/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

interface Item {
  id: string
  publisher: string
  title: string
  published: string | null
  language: string | null
  kind: string
}

let t: WebTest
let all: Item[]
beforeAll(async () => {
  t = await startWebTest()
  all = ((await (await fetch(`${t.url}/api/sources?limit=1000`)).json()) as { items: Item[] }).items
})
afterAll(async () => t?.close())

const rows = (page: Page) => page.locator('[data-testid=source-table] tbody tr')
const ids = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-source')))
const waitCount = (page: Page, n: number) => page.waitForFunction((n) => document.querySelectorAll('[data-testid=source-table] tbody tr').length === n, n)

describe('the sources list', () => {
  it('searches, filters and sorts, with the state in the address', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/sources')
    await rows(page).first().waitFor()
    expect(await rows(page).count()).toBe(Math.min(100, all.length))
    await expect(page.locator('[data-testid=source-count]').textContent()).resolves.toBe(`${all.length} sources`)

    // Search as one types: the list and the address follow.
    await page.getByLabel('Search', { exact: true }).fill('38north.org')
    const north = all.filter((s) => s.id.startsWith('38north') || s.publisher.includes('38 North'))
    await page.waitForURL(/\/sources\?q=38north.org$/)
    await page.waitForFunction(() => /match/.test(document.querySelector('[data-testid=source-count]')?.textContent ?? ''))
    expect(await rows(page).count()).toBeGreaterThan(0)
    expect(await rows(page).count()).toBeLessThanOrEqual(north.length)

    // Filters by publisher and year combine with each other; clearing brings all back.
    await page.goto('/sources')
    await rows(page).first().waitFor()
    await page.getByLabel('Publisher', { exact: true }).selectOption('KCNA')
    const kcna = all.filter((s) => s.publisher === 'KCNA')
    await waitCount(page, Math.min(100, kcna.length))
    expect(page.url()).toMatch(/\/sources\?publisher=KCNA$/)
    const year = kcna.find((s) => s.published)!.published!.slice(0, 4)
    await page.getByLabel('Year', { exact: true }).selectOption(year)
    const kcnaYear = kcna.filter((s) => s.published?.startsWith(year))
    await waitCount(page, kcnaYear.length)
    expect(new Set(await page.locator('[data-testid=source-table] td.publisher').allTextContents())).toEqual(new Set(['KCNA']))
    await page.locator('#sources-language').selectOption({ index: 1 })
    await page.locator('#sources-kind').selectOption({ index: 0 })
    await page.getByRole('link', { name: 'Clear search and filters' }).click()
    await waitCount(page, Math.min(100, all.length))

    // Sort by title: A to Z, then Z to A; the header says how it is sorted.
    const title = page.locator('th a[data-sort=title]')
    await title.click()
    await page.waitForURL(/sort=title/)
    const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })
    await page.waitForFunction(() => document.querySelector('th[aria-sort=ascending] a[data-sort=title]'))
    const az = all.map((s) => s.title).sort(cmp)
    await page.waitForFunction((first) => document.querySelector('[data-testid=source-table] tbody tr td.card-title a')?.textContent === first, az[0])
    await title.click()
    await page.waitForURL(/sort=-title/)
    await page.waitForFunction((first) => document.querySelector('[data-testid=source-table] tbody tr td.card-title a')?.textContent === first, az[az.length - 1])
    expect(await page.locator('th a[data-sort=title]').locator('..').getAttribute('aria-sort')).toBe('descending')

    // A link with the state opens the same list, in a fresh page too.
    const shared = `/sources?publisher=KCNA&year=${year}&sort=publisher`
    const other = await openPage(t, { width: 390, height: 900 })
    await other.page.goto(shared)
    await waitCount(other.page, kcnaYear.length)
    expect(await other.page.getByLabel('Publisher', { exact: true }).inputValue()).toBe('KCNA')
    expect(await other.page.getByLabel('Year', { exact: true }).inputValue()).toBe(year)
    expect(await other.page.locator('th a[data-sort=publisher]').locator('..').getAttribute('aria-sort')).toBe('ascending')
    await other.close()
    // Back goes to the previous state of the list.
    await page.goBack()
    await page.waitForURL(/sort=title$/)
    expect(errors).toEqual([])
    await close()
  })

  for (const lang of ['en', 'ko'] as const) {
    it(`fits 1366 and 390 px without sideways scrolling (${lang})`, async () => {
      for (const width of [1366, 390]) {
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        await page.goto(`/sources?sort=-published${lang === 'ko' ? '&lang=ko' : ''}`)
        await rows(page).first().waitFor()
        await page.locator('#sources-publisher option').nth(2).waitFor({ state: 'attached' })
        if (lang === 'ko') expect(await page.locator('label[for=sources-year]').textContent()).toBe('연도')
        await screenshot(page, `sources-${width}-${lang}`, { fullPage: false })
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
        expect(scroll).toBeLessThanOrEqual(inner)
        expect(errors).toEqual([])
        await close()
      }
    })
  }
})

describe('what a source supports', () => {
  it('lists the claims by date, titled in words, in English and Korean', async () => {
    const id = 'donga-2026-02-10-february-9-groundbreakings'
    const detail = (await (await fetch(`${t.url}/api/sources/${id}`)).json()) as { supports: { subject: { date: string | null } }[] }
    const dates = detail.supports.map((c) => c.subject.date).filter((d): d is string => d !== null)
    expect(dates).toEqual([...dates].sort())
    for (const lang of ['en', 'ko'] as const) {
      for (const width of [1366, 390]) {
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        await page.goto(`/sources/${id}${lang === 'ko' ? '?lang=ko' : ''}`)
        const heads = page.locator('.supports > li > h3')
        await heads.first().waitFor()
        const titles = await heads.allTextContents()
        if (lang === 'en') {
          expect(titles).toContain('Groundbreaking at Myonggan County, 2026')
          for (const title of titles) expect(title).not.toMatch(/^[a-z]|_/)
        } else {
          expect(titles).toContain('명간군 착공 (2026년)')
        }
        await page.locator('#supports-title').scrollIntoViewIfNeeded()
        await screenshot(page, `source-supports-${width}-${lang}`, { fullPage: false })
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
        expect(scroll).toBeLessThanOrEqual(inner)
        expect(errors).toEqual([])
        await close()
      }
    }
  })
})
