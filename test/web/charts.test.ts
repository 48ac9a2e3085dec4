/**
 * Browser tests of the charts page (/charts): the four charts draw with their data, takeaway and
 * source line; Download PNG gives a real PNG, Download SVG a well-formed SVG with marks, Download
 * CSV the numbers the API answers; Copy link gives the chart's anchored address at the canonical
 * URL, and that address scrolls to the chart; the Korean page has Korean titles, axes, buttons
 * and dates; no sideways scroll at 390 and 1366 px; axe-core finds no WCAG 2.1 A/AA violation.
 * Each chart is embeddable at /embed/chart/<name> (framable, with its credit line linking to the
 * chart on the full page), offered by the chart's Embed disclosure.
 * Screenshots: test/artifacts/charts-{en,ko}-{1366,390}.png, the saved chart-*.png images and
 * charts-embed-*.png.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts, openPage, screenshot, startWebTest, type WebTest } from './support.ts'

const publicUrl = 'https://tracker.example.org'
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
let t: WebTest
const api: Record<string, any> = {}

beforeAll(async () => {
  t = await startWebTest({ TRACKER_PUBLIC_URL: publicUrl })
  for (const [name, p] of Object.entries({
    progress: '/api/stats/progress',
    projection: '/api/stats/projection',
    durations: '/api/stats/durations',
    coverage: '/api/stats/coverage',
    projects: '/api/projects?limit=1000',
  }))
    api[name] = await (await fetch(`${t.url}${p}`)).json()
}, 120_000)
afterAll(async () => t?.close())

const charts = ['progress', 'openings', 'durations', 'coverage'] as const
const titles = {
  en: { progress: 'Localities counted, cumulative, against the target line', openings: 'Openings per month', durations: 'Days from groundbreaking to opening, per project', coverage: 'Localities reached, by province' },
  ko: { progress: '누적 집계 시·군 수와 목표선', openings: '월별 준공 수', durations: '사업별 착공에서 준공까지 걸린 날수', coverage: '도별 도달한 시·군' },
}

async function openCharts(page: Page, query = ''): Promise<void> {
  await page.goto(`/charts${query}`)
  await page.waitForSelector('.charts-page[data-ready] .chart-card svg.chart-svg', { timeout: 20_000 })
  await page.waitForFunction(() => document.querySelectorAll('.chart-card svg.chart-svg').length === 4, undefined, { timeout: 10_000 })
  await page.waitForLoadState('networkidle')
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\ufeff/, '')
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '')
    else if (ch !== '\r') cell += ch
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  return rows
}

async function download(page: Page, chart: string, action: 'png' | 'svg' | 'csv'): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(`#${chart} button[data-action=${action}]`)])
  const where = await file.path()
  return { name: file.suggestedFilename(), body: fs.readFileSync(where) }
}

async function axe(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's content security policy refuses inline scripts.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

describe('the charts page', () => {
  it('draws the four charts with their data, takeaways, source lines, tables and downloads (English, 1366 px)', async () => {
    const w = await openPage(t, { width: 1366, height: 900, downloads: true })
    const { page } = w
    await openCharts(page)
    expect(await page.locator('h1').textContent()).toBe('Charts')
    expect(await page.locator('.chart-card h2').allTextContents()).toEqual(charts.map((id) => titles.en[id]))
    expect(await page.locator('nav[aria-label="Main"] a[aria-current=page]').textContent()).toBe('Charts')

    const progress = api.progress
    const observed = api.projection.started.years_observed as number
    const counted = (progress.years as { counted: number }[]).slice(0, observed).reduce((n, y) => n + y.counted, 0)
    const day = (api.durations.projects as { days: number | null }[]).filter((d) => d.days !== null)
    for (const id of charts) {
      const card = page.locator(`#${id}`)
      // A figure with marks, its text alternative, a takeaway with figures in it and a dated source line.
      expect(await card.locator('svg.chart-svg').getAttribute('role'), id).toBe('img')
      expect((await card.locator('svg.chart-svg').getAttribute('aria-label'))!.length, id).toBeGreaterThan(40)
      expect(await card.locator('svg.chart-svg').locator('rect, path, circle').count(), id).toBeGreaterThan(3)
      expect(await card.locator('[data-testid=takeaway]').textContent(), id).toMatch(/\d/)
      expect(await card.locator('[data-testid=chart-source]').textContent(), id).toMatch(/^Source: 20×10 Tracker, data version \d+, figures as of \d{1,2} \w{3} \d{4}; latest event recorded/)
      expect(await card.locator('.chart-tools button').allTextContents(), id).toEqual(['Download PNG', 'Download SVG', 'Download CSV', 'Copy link'])
    }
    // The takeaways state what the API says.
    expect(await page.locator('#progress [data-testid=takeaway]').textContent()).toContain(`${counted} localities counted`)
    expect(await page.locator('#durations [data-testid=takeaway]').textContent()).toContain(`Median ${api.durations.overall.median} days over ${day.length} projects`)
    expect(await page.locator('#coverage [data-testid=takeaway]').textContent()).toContain(`${api.coverage.reached} of ${api.coverage.localities} localities reached`)
    // The data tables hold one row per bar / year / province.
    await page.locator('#durations details.chart-data summary').click()
    expect(await page.locator('#durations table tbody tr').count()).toBe(day.length)
    expect(await page.locator('#coverage table tbody tr').count()).toBe(api.coverage.provinces.length)
    expect(await page.locator('#progress table tbody tr').count()).toBe(progress.years.length)
    expect(await sideways(page)).toBeLessThanOrEqual(0)

    // PNG: a real image, drawn in the browser, of a sensible size (800 px wide at 2×).
    fs.mkdirSync(artifacts, { recursive: true })
    for (const id of charts) {
      const png = await download(page, id, 'png')
      expect(png.name, id).toMatch(new RegExp(`^20x10-${id}-\\d{4}-\\d{2}-\\d{2}\\.png$`))
      expect(png.body.subarray(0, 8).toString('hex'), id).toBe('89504e470d0a1a0a')
      expect(png.body.readUInt32BE(16), id).toBe(1600)
      expect(png.body.readUInt32BE(20), id).toBeGreaterThan(400)
      expect(png.body.length, id).toBeGreaterThan(15_000)
      fs.writeFileSync(path.join(artifacts, `chart-${id}.png`), png.body)
    }
    // SVG: well-formed, standalone, with the title, the marks and the source line.
    const svg = await download(page, 'coverage', 'svg')
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, rects: doc.querySelectorAll('rect').length, text: doc.documentElement.textContent ?? '' }
    }, svg.body.toString('utf8'))
    expect(parsed.error).toBeNull()
    expect(parsed.root).toBe('svg')
    expect(parsed.rects).toBeGreaterThanOrEqual(api.coverage.provinces.length)
    expect(parsed.text).toContain('Localities reached, by province')
    expect(parsed.text).toContain('Source: 20×10 Tracker')

    // CSV: the numbers of the API's JSON.
    const csv = async (id: string) => parseCsv((await download(page, id, 'csv')).body.toString('utf8'))
    const cum = await csv('progress')
    expect(cum[0]).toEqual(['year', 'target_cumulative', 'counted_cumulative', 'projected_cumulative'])
    let sum = 0
    let target = 0
    progress.years.forEach((y: { year: number; target: number; counted: number }, i: number) => {
      target += y.target
      if (i < observed) sum += y.counted
      expect(cum[i + 1]!.slice(0, 3)).toEqual([String(y.year), String(target), i < observed ? String(sum) : ''])
    })
    expect(Number(cum.at(-1)![3])).toBeLessThanOrEqual(progress.total_target)

    const cov = await csv('coverage')
    expect(cov[0]).toEqual(['province_id', 'province', 'localities', 'reached', 'not_yet_reached', 'share_reached'])
    expect(cov.length - 1).toBe(api.coverage.provinces.length)
    for (const p of api.coverage.provinces) {
      const row = cov.find((r) => r[0] === p.province_id)
      expect(row, p.province_id).toEqual([p.province_id, p.name, String(p.localities), String(p.reached), String(p.localities - p.reached), String(p.share)])
    }

    const dur = await csv('durations')
    expect(dur[0]).toEqual(['project_id', 'locality', 'locality_hangul', 'policy_year', 'groundbreaking', 'opened', 'days'])
    expect(dur.length - 1).toBe(day.length)
    for (const d of api.durations.projects.filter((x: { days: number | null }) => x.days !== null)) {
      const row = dur.find((r) => r[0] === d.project_id)
      expect([row?.[4], row?.[5], row?.[6]], d.project_id).toEqual([d.groundbreaking, d.finished, String(d.days)])
    }

    // Openings per month, checked against the policy-year projects' own finishing dates (the API's key dates).
    const open = await csv('openings')
    expect(open[0]).toEqual(['month', 'openings'])
    const expected = new Map<string, number>()
    for (const p of api.projects.items as { year: number | null; dates: { finished: string | null } }[]) {
      const f = p.year === null ? null : p.dates.finished
      if (f && f.length >= 7) expected.set(f.slice(0, 7), (expected.get(f.slice(0, 7)) ?? 0) + 1)
    }
    const drawn = new Map(open.slice(1).map((r) => [r[0]!, Number(r[1])]))
    for (const [month, n] of expected) expect(drawn.get(month), month).toBe(n)
    expect([...drawn.values()].reduce((a, b) => a + b, 0)).toBe([...expected.values()].reduce((a, b) => a + b, 0))
    expect(open.slice(1).map((r) => r[0])).toEqual([...open.slice(1).map((r) => r[0]!)].sort())

    await screenshot(page, 'charts-en-1366')
    for (const d of await page.locator('details.chart-data').all()) await d.evaluate((el) => el.setAttribute('open', ''))
    expect(await axe(page)).toEqual([])
    expect(w.errors).toEqual([])
    await w.close()
  }, 90_000)

  it('copies a link to the chart at the canonical address, and that link scrolls to the chart', async () => {
    const w = await openPage(t, { width: 1366, height: 900 })
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url })
    await openCharts(w.page)
    await w.page.click('#openings button[data-action=link]')
    await expect.poll(() => w.page.locator('#openings [data-testid=chart-message]').textContent()).toContain('Link copied')
    expect(await w.page.evaluate(() => navigator.clipboard.readText())).toBe(`${publicUrl}/charts#openings`)

    await w.page.goto('/charts#durations')
    await w.page.waitForSelector('#durations svg.chart-svg', { timeout: 20_000 })
    await expect.poll(() => w.page.evaluate(() => Math.round(document.getElementById('durations')!.getBoundingClientRect().top)), { timeout: 5000 }).toBeLessThan(60)
    expect(await w.page.evaluate(() => Math.round(document.getElementById('durations')!.getBoundingClientRect().top))).toBeGreaterThanOrEqual(0)
    expect(await w.page.evaluate(() => window.scrollY)).toBeGreaterThan(500)
    expect(w.errors).toEqual([])
    await w.close()
  }, 60_000)

  it('reads in Korean: titles, axes, legends, buttons, takeaways and dates; no sideways scroll at 390 and 1366 px', async () => {
    for (const width of [1366, 390]) {
      const w = await openPage(t, { width, height: 900 })
      await openCharts(w.page, '?lang=ko')
      const where = `${width} px`
      expect(await w.page.locator('h1').textContent(), where).toBe('차트')
      expect(await w.page.locator('nav[aria-label="주 메뉴"] a[aria-current=page]').textContent(), where).toBe('차트')
      expect(await w.page.locator('.chart-card h2').allTextContents(), where).toEqual(charts.map((id) => titles.ko[id]))
      expect(await w.page.locator('#progress .chart-tools button').allTextContents(), where).toEqual(['PNG 내려받기', 'SVG 내려받기', 'CSV 내려받기', '링크 복사'])
      // Axis labels and ticks of the figures, and the legends, are Korean.
      const ticks = await w.page.locator('#progress svg.chart-svg text').allTextContents()
      expect(ticks.join(' '), where).toContain('2024년')
      expect(ticks.join(' '), where).toContain('정책 연도')
      const monthTicks = (await w.page.locator('#openings svg.chart-svg text').allTextContents()).filter((x) => /\d{4}/.test(x))
      expect(monthTicks.length, where).toBeGreaterThan(1)
      for (const m of monthTicks) expect(m, where).toMatch(/^\d{4}년 \d{1,2}월$/)
      expect(await w.page.locator('#coverage .chart-legend').textContent(), where).toBe('도달아직 도달하지 않음')
      expect(await w.page.locator('#openings [data-testid=takeaway]').textContent(), where).toMatch(/가장 많았던 달은 \d{4}년 \d{1,2}월로/)
      expect(await w.page.locator('#coverage [data-testid=takeaway]').textContent(), where).toMatch(/가장 앞선 곳은 [가-힣]+\(\d+%\)/)
      expect(await w.page.locator('#progress [data-testid=chart-source]').textContent(), where).toMatch(/^출처: 20×10 추적기, 데이터 버전 \d+, \d{4}년 \d{1,2}월 \d{1,2}일 기준 수치/)
      const headers = await w.page.locator('#durations table th').allTextContents()
      expect(headers, where).toEqual(['시·군', '정책 연도', '착공', '준공', '날수'])
      expect(await sideways(w.page), where).toBeLessThanOrEqual(0)
      await screenshot(w.page, `charts-ko-${width}`)
      if (width === 390) for (const id of charts) await w.page.locator(`#${id}`).screenshot({ path: path.join(artifacts, `charts-ko-390-${id}.png`) })
      if (width === 390) {
        for (const d of await w.page.locator('details.chart-data').all()) await d.evaluate((el) => el.setAttribute('open', ''))
        expect(await sideways(w.page), where).toBeLessThanOrEqual(0)
        expect(await axe(w.page), where).toEqual([])
      }
      expect(w.errors, where).toEqual([])
      await w.close()
    }
    // English at 390 px: fits too.
    const en = await openPage(t, { width: 390, height: 900 })
    await openCharts(en.page)
    expect(await sideways(en.page)).toBeLessThanOrEqual(0)
    await screenshot(en.page, 'charts-en-390')
    await en.close()
  }, 90_000)

  it('embeds each chart at /embed/chart/<name>: framable, the chart with its credit line, offered by the Embed disclosure', async () => {
    const head = await fetch(`${t.url}/embed/chart/openings`)
    expect(head.status).toBe(200)
    expect(head.headers.get('x-frame-options')).toBeNull()
    expect(head.headers.get('content-security-policy')).toContain('frame-ancestors *')

    for (const [size, lang] of [[[640, 560], 'en'], [[400, 300], 'ko']] as const) {
      const w = await openPage(t, { width: size[0], height: size[1] })
      for (const id of charts) {
        const where = `${id} ${lang} ${size.join('×')}`
        await w.page.goto(`/embed/chart/${id}${lang === 'ko' ? '?lang=ko' : ''}`)
        await w.page.waitForSelector('svg.chart-svg', { timeout: 20_000 })
        expect(await w.page.locator('h1').textContent(), where).toBe(titles[lang][id])
        expect(await w.page.locator('svg.chart-svg').locator('rect, path').count(), where).toBeGreaterThan(3)
        expect(await w.page.locator('[data-testid=embed-full]').getAttribute('href'), where).toBe(`${publicUrl}/charts${lang === 'ko' ? '?lang=ko' : ''}#${id}`)
        expect(await w.page.locator('header.site-head, nav').count(), where).toBe(0)
        expect(await sideways(w.page), where).toBeLessThanOrEqual(0)
        if (id === 'progress') await screenshot(w.page, `charts-embed-${id}-${lang}-${size.join('x')}`, { fullPage: false })
      }
      expect(await axe(w.page)).toEqual([])
      expect(w.errors).toEqual([])
      await w.close()
    }
    expect((await fetch(`${t.url}/embed/chart/nothing`)).status).toBe(200)

    // The charts page offers each chart's iframe snippet (no static image: the chart saves itself as PNG/SVG).
    const w = await openPage(t, { width: 1366, height: 900 })
    await openCharts(w.page)
    await w.page.locator('#coverage [data-testid=embed-button] summary').click()
    expect(await w.page.locator('#coverage [data-testid=embed-snippet]').inputValue()).toBe(
      `<iframe src="${publicUrl}/embed/chart/coverage" title="20×10 Tracker: Localities reached, by province" width="640" height="560" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    )
    expect(await w.page.locator('#coverage [data-testid=embed-image]').count()).toBe(0)
    // Its static-image fallback is the chart's own download, and the disclosure says so.
    expect(await w.page.locator('#coverage [data-testid=embed-image-note]').textContent()).toContain('Download SVG')
    expect(await w.page.locator('#coverage button', { hasText: 'Download SVG' }).count()).toBe(1)
    await w.page.goto('/embed/chart/nothing')
    await w.page.waitForSelector('.embed-missing h1')
    await w.close()
  }, 90_000)
})
