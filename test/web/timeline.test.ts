/**
 * Browser tests of the timeline: the explorer's filters in its query string (counts, reset, the data
 * twin following them), and a project still under construction drawn to today — the server's
 * TRACKER_TODAY here, a date the reader's clock is not. Screenshots: timeline-<lang>-<width>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

const today = '2026-10-15'
const hwangju = '20x10.2025.north-hwanghae.hwangju'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest({ TRACKER_TODAY: today })
})
afterAll(async () => t?.close())

interface Proj {
  id: string
  year: number | null
  locality: { province_id: string }
}

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(`${t.url}${path}`)).json()) as T
}

const policyProjects = async (query: string) => (await api<{ items: Proj[] }>(`/api/projects?${query}${query ? '&' : ''}limit=1000`)).items.filter((p) => p.year !== null)

describe('the timeline', () => {
  it('filters by province with the explorer’s panel: only that province’s rows, kept in the address, counted, and reset', async () => {
    const all = await policyProjects('')
    const hwanghae = await policyProjects('province=north-hwanghae')
    expect(hwanghae.length).toBeGreaterThan(1)
    expect(hwanghae.length).toBeLessThan(all.length)
    const { page, errors, close } = await openPage(t, { width: 1366 })
    await page.goto('/timeline')
    await page.waitForSelector('svg.timeline-chart a.tl-row')
    expect(await page.locator('a.tl-row').count()).toBe(all.length)
    await expect.poll(() => page.locator('[data-testid=timeline-count]').textContent()).toBe(`All ${all.length} projects`)

    await page.click('a[data-facet=province][data-value="north-hwanghae"]')
    await page.waitForURL('**/timeline?province=north-hwanghae')
    await expect.poll(() => page.locator('a.tl-row').count()).toBe(hwanghae.length)
    expect(new Set(await page.locator('a.tl-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-province'))))).toEqual(new Set(['north-hwanghae']))
    expect(await page.locator('[data-testid=timeline-count]').textContent()).toBe(`${hwanghae.length} of ${all.length} projects`)
    expect(await page.locator('a[data-facet=province][data-value="north-hwanghae"]').getAttribute('aria-current')).toBe('true')

    // The address holds the filter: a reload (or a shared link) shows the same rows.
    await page.reload()
    await page.waitForSelector('svg.timeline-chart a.tl-row')
    expect(await page.locator('a.tl-row').count()).toBe(hwanghae.length)
    // The data twin carries it, and holds the rows drawn.
    const twin = (await page.locator('[data-testid=twins] a[data-twin=json]').first().getAttribute('href'))!
    expect(twin).toContain('province=north-hwanghae')
    const listed = await api<{ items: Proj[] }>(twin)
    expect(new Set(listed.items.filter((p) => p.year !== null).map((p) => p.id))).toEqual(new Set(await page.locator('a.tl-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')))))
    await screenshot(page, 'timeline-en-1366')

    // The other filters of the panel narrow it further: a search, then a status.
    await page.fill('#facet-q', 'Hwangju')
    await page.waitForURL(/q=Hwangju/)
    await expect.poll(() => page.locator('a.tl-row').count()).toBe(1)
    expect(await page.locator('a.tl-row').getAttribute('data-project')).toBe(hwangju)

    await page.click('[data-testid=timeline-reset]')
    await page.waitForURL((u) => u.pathname === '/timeline' && u.search === '')
    await expect.poll(() => page.locator('a.tl-row').count()).toBe(all.length)
    expect(errors).toEqual([])
    await close()
  })

  it('runs a project still under construction to today, past the opening of its factories, on an axis that reaches today', async () => {
    const project = await api<{ status: string; dates: { finished: string | null } }>(`/api/projects/${hwangju}`)
    expect(project.status).toBe('under_construction')
    expect(project.dates.finished).toMatch(/^2025-12/)
    const { page, errors, close } = await openPage(t, { width: 1366 })
    await page.goto('/timeline?year=2025')
    const row = page.locator(`a.tl-row[data-project="${hwangju}"]`)
    await row.waitFor()
    const line = page.locator('section:has(a.tl-row[data-project="' + hwangju + '"]) g.today')
    expect(await line.getAttribute('data-today')).toBe(today)
    const todayX = Number(await line.locator('line').getAttribute('x1'))
    const bar = row.locator('rect.tl-bar')
    expect(await bar.getAttribute('class')).toContain('open')
    const end = Number(await bar.getAttribute('x')) + Number(await bar.getAttribute('width'))
    expect(Math.abs(end - todayX)).toBeLessThan(0.5)
    // The factories' opening stays marked where it happened, well before today.
    const opened = Number(await row.locator('circle.tl-end').getAttribute('cx'))
    expect(opened).toBeLessThan(todayX - 50)
    // An opened project still ends at its opening.
    const done = page.locator('a.tl-row:has(rect.tl-bar:not(.open):not(.unknown-end))').first()
    const doneBar = done.locator('rect.tl-bar')
    expect(Number(await doneBar.getAttribute('x')) + Number(await doneBar.getAttribute('width'))).toBeLessThan(todayX - 10)
    expect(errors).toEqual([])
    await close()
  })

  it('reads in Korean and fits a phone', async () => {
    const all = await policyProjects('')
    const hwanghae = await policyProjects('province=north-hwanghae')
    for (const width of [1366, 390]) {
      const { page, errors, close } = await openPage(t, { width })
      await page.goto('/timeline?province=north-hwanghae&lang=ko')
      await page.waitForSelector('svg.timeline-chart a.tl-row')
      await expect.poll(() => page.locator('[data-testid=timeline-count]').textContent()).toBe(`사업 ${all.length}건 중 ${hwanghae.length}건`)
      expect(await page.locator('[data-testid=timeline-reset]').textContent()).toBe('필터 초기화')
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await screenshot(page, `timeline-ko-${width}`)
      if (width === 390) {
        await page.goto('/timeline?province=north-hwanghae')
        await page.waitForSelector('svg.timeline-chart a.tl-row')
        await screenshot(page, 'timeline-en-390')
      }
      expect(errors).toEqual([])
      await close()
    }
  })
})
