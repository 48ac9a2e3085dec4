/**
 * Browser tests of the explorer and the map sharing one filter in the query string, and of the
 * download of the current view.
 */
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest()
})
afterAll(async () => t?.close())

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(`${t.url}${path}`)).json()) as T
}

describe('explorer and map', () => {
  it('filter the explorer, see the map follow, and come back', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/projects')
    await page.waitForSelector('table.data tbody tr')
    const year2025 = await api<{ total: number; items: { locality: { id: string } }[] }>('/api/projects?year=2025&limit=1000')

    await page.click('a[data-facet=year][data-value="2025"]')
    await page.waitForURL('**/projects?year=2025')
    await page.waitForFunction((n) => document.querySelector('#results-title')?.textContent?.startsWith(`${n} projects`), year2025.total)
    const rows = await page.locator('table.data tbody tr').count()
    expect(rows).toBe(Math.min(50, year2025.total))

    await page.click('[data-testid=to-map]')
    await page.waitForURL('**/map?year=2025')
    await page.waitForSelector('svg.country-map a[data-locality]')
    const localities = new Set(year2025.items.map((p) => p.locality.id))
    await page.waitForFunction((n) => document.querySelectorAll('svg.country-map a[data-locality]').length === n, localities.size)
    expect(await page.locator('a[data-facet=year][data-value="2025"]').getAttribute('aria-current')).toBe('true')

    // Filter on the map; the table follows through the main navigation.
    await page.click('a[data-facet=status][data-value=under_construction]')
    await page.waitForURL('**/map?year=2025&status=under_construction')
    const uc = await api<{ total: number }>('/api/projects?year=2025&status=under_construction')
    await page.waitForFunction((n) => document.querySelector('#map-title')?.textContent?.includes(`${n} project`), uc.total)
    await page.click('nav[aria-label=Main] a[href^="/projects"]')
    await page.waitForURL('**/projects?year=2025&status=under_construction')
    await page.waitForFunction((n) => document.querySelectorAll('table.data tbody tr').length === n, uc.total)
    expect(await page.locator('table.data tbody').textContent()).toContain('Under construction')

    // Back and forward keep the state in the URL.
    await page.goBack()
    await page.waitForURL('**/map?year=2025&status=under_construction')
    await page.waitForSelector('svg.country-map a[data-locality]')
    expect(errors).toEqual([])
    await close()
  })

  it('opens the map coloured by status, and colours years in a hue no status uses', async () => {
    const { page, errors, close } = await openPage(t)
    const statusColours = ['#00795c', '#e69f00', '#56b4e9', '#cc79a7', '#9a9a9a']
    const fills = () => page.$$eval('svg.country-map a[data-locality] circle.point-dot', (cs) => cs.map((c) => (c.getAttribute('fill') ?? '').toLowerCase()))
    await page.goto('/map')
    await page.waitForSelector('svg.country-map a[data-locality]')
    const byStatus = await fills()
    expect(byStatus.length).toBeGreaterThan(0)
    // Every point in a status colour (or the stripes of work in progress), as in the legend.
    expect(byStatus.filter((f) => !statusColours.includes(f) && !f.startsWith('url(')).filter((f) => f !== '#fff')).toEqual([])
    expect(await page.locator('.map-legend').textContent()).toContain('Under construction')

    await page.click('.map-controls a:has-text("policy year")')
    await page.waitForURL('**/map?color=year')
    await page.waitForFunction(() => document.querySelector('.map-legend')?.textContent?.includes('2025'))
    await screenshot(page, 'map-by-year', { fullPage: false })
    const byYear = await fills()
    expect(byYear.filter((f) => statusColours.includes(f))).toEqual([])
    expect(new Set(byYear).size).toBeGreaterThan(1)
    expect(errors).toEqual([])
    await close()
  })

  it('searches every name form, hangul included', async () => {
    const { page, close } = await openPage(t)
    await page.goto('/projects')
    await page.waitForSelector('table.data tbody tr')
    await page.fill('#facet-q', '성천')
    await page.waitForURL(/q=%EC%84%B1%EC%B2%9C/)
    await page.waitForFunction(() => document.querySelectorAll('table.data tbody tr').length === 1)
    expect(await page.locator('table.data tbody').textContent()).toContain('Songchon')
    await close()
  })

  it('sorts by a column and pages through the results', async () => {
    const { page, close } = await openPage(t)
    await page.goto('/projects')
    await page.waitForSelector('table.data tbody tr')
    await page.click('th a[data-sort=locality]')
    await page.waitForURL('**/projects?sort=locality')
    await page.waitForFunction(() => document.querySelector('th[aria-sort=ascending] a[data-sort=locality]'))
    const names = await page.locator('table.data tbody tr td:first-child a.row-link').allTextContents()
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    await page.click('nav.pager a:has-text("Next")')
    await page.waitForURL('**/projects?sort=locality&page=2')
    await page.waitForSelector('table.data tbody tr')
    expect(await page.locator('nav.pager').textContent()).toContain('Page 2 of')
    await close()
  })

  it('downloads the current view as CSV', async () => {
    const { page, errors, close } = await openPage(t, { downloads: true })
    await page.goto('/projects?year=2024&kind=foodstuff_factory')
    await page.waitForSelector('table.data tbody tr')
    const href = await page.locator('[data-testid=download-csv]').getAttribute('href')
    expect(href).toBe('/api/export/projects.csv?year=2024&kind=foodstuff_factory')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')])
    const file = await download.path()
    const rows = parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[]
    const expected = await api<{ total: number }>('/api/projects?year=2024&kind=foodstuff_factory')
    expect(rows).toHaveLength(expected.total)
    expect(rows.every((r) => r.year === '2024' && r.kinds!.includes('foodstuff_factory'))).toBe(true)
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    expect(errors).toEqual([])
    await close()
  })
})
