/**
 * Browser tests of the Korean interface: every reader page with ?lang=ko at 1366 and 390 px has
 * Korean navigation, headings, buttons, legends, table headers and dates (2026년 2월 21일), sets
 * <html lang="ko">, scrolls no further sideways than in English; the header switch changes the
 * language at once, keeps ?lang=ko in the address and is remembered across reloads; a browser
 * set to Korean opens in Korean. Screenshots go to test/artifacts/ (ko-<page>-<width>.png).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../src/service/accounts.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
const editor = { name: 'eun', password: 'eun-editor-password-1' }
beforeAll(async () => {
  t = await startWebTest()
  await createAccount(t.server.tracker.store.db, editor.name, 'editor', editor.password)
})
afterAll(async () => t?.close())

const songchon = '20x10.2024.south-pyongan.songchon'

/**
 * Latin words allowed in the Korean interface: names of formats, standards, licences, citation
 * styles and romanization systems' abbreviations. Place names and data (titles, labels) are
 * marked translate="no" or with their own lang, and are skipped.
 */
const allowed = new Set(['API', 'JSON', 'CSV', 'PNG', 'SVG', 'GeoJSON', 'OpenAPI', 'MR', 'RR', 'APA', 'Chicago', 'BibTeX', 'CSL', 'zip', 'MIT', 'CC', 'BY', 'GeoNames', 'Tracker'])

/** Text of the interface's labels that still holds English words: [selector, text] pairs. */
async function englishLabels(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const skip = (el: Element) => el.closest('[translate="no"], [lang]:not([lang="ko"]), code, .brand') !== null
    for (const el of document.querySelectorAll('nav, h1, h2, button, legend, th, summary, label, dt, .legend li, .chip')) {
      if (skip(el)) continue
      let text = ''
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement && !skip(n.parentElement)) text += n.textContent
      out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}: ${text.replace(/\s+/g, ' ').trim()}`)
    }
    return out
  })
  return texts.filter((line) => {
    const text = line.slice(line.indexOf(': ') + 2)
    return (text.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !allowed.has(word))
  })
}

async function dates(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((d) => d.trim()).filter((d) => d !== '—')
}

const koreanDate = /^\d{4}년( \d{1,2}월( \d{1,2}일)?)?$/

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

describe('the Korean interface', () => {
  for (const width of [1366, 390]) {
    it(`has Korean labels, headings, buttons, legends and dates on every reader page, at ${width} px`, async () => {
      const sources = (await (await fetch(`${t.url}/api/sources?limit=1`)).json()) as { items: { id: string }[] }
      const source = sources.items[0]!.id
      const pages: { path: string; ready: string; name: string; heading: RegExp; dates?: string }[] = [
        { path: '/', ready: '[data-testid=headline]', name: 'overview', heading: /20×10 정책은 어디까지/ },
        { path: '/map', ready: 'svg.country-map a[data-locality]', name: 'map', heading: /^지도$/ },
        { path: '/timeline', ready: 'svg.timeline-chart a.tl-row', name: 'timeline', heading: /^연표$/ },
        { path: '/charts', ready: '#coverage svg.chart-svg', name: 'charts', heading: /^차트$/, dates: '#durations table td:nth-child(3)' },
        { path: '/projects', ready: 'table.data tbody tr', name: 'explorer', heading: /^사업$/, dates: 'table.data td.date' },
        { path: `/projects/${songchon}`, ready: '.event-line .event', name: 'project', heading: /^성천군/, dates: '.event-date time' },
        { path: '/localities/south-pyongan.songchon', ready: 'svg.country-map', name: 'locality', heading: /^성천군/, dates: 'table.data td.date' },
        { path: '/provinces/south-pyongan', ready: '.locality-list li', name: 'province', heading: /^평안남도/ },
        { path: '/provinces', ready: '.bars li', name: 'provinces', heading: /^도$/ },
        { path: '/sources', ready: 'table.data tbody tr', name: 'sources', heading: /^출처$/, dates: 'table.data td.date' },
        { path: `/sources/${encodeURIComponent(source)}`, ready: '.supports li', name: 'source', heading: /./ },
        { path: '/about', ready: '[data-testid=cite]', name: 'about', heading: /추적기와 그 방법/ },
        { path: '/signin', ready: 'form.signin-form', name: 'signin', heading: /^로그인$/ },
        { path: '/no/such/page', ready: 'h1', name: 'notfound', heading: /페이지를 찾을 수 없습니다/ },
      ]
      const ko = await openPage(t, { width, height: 900 })
      const en = await openPage(t, { width, height: 900 })
      for (const p of pages) {
        const where = `${p.path} at ${width} px`
        await ko.page.goto(`${p.path}${p.path.includes('?') ? '&' : '?'}lang=ko`)
        await ko.page.waitForSelector(p.ready, { timeout: 15_000 })
        await ko.page.waitForLoadState('networkidle')
        expect(await ko.page.getAttribute('html', 'lang'), where).toBe('ko')
        expect((await ko.page.locator('h1').first().textContent())?.trim(), where).toMatch(p.heading)
        expect(await ko.page.locator('nav[aria-label="주 메뉴"] a').allTextContents(), where).toEqual(['개요', '지도', '연표', '차트', '사업', '출처', '소개'])
        expect(await englishLabels(ko.page), where).toEqual([])
        if (p.dates) {
          const shown = await dates(ko.page, p.dates)
          expect(shown.length, where).toBeGreaterThan(0)
          for (const d of shown) expect(d, where).toMatch(koreanDate)
        }
        // Korean must not make a page scroll sideways where English does not.
        await en.page.goto(p.path)
        await en.page.waitForSelector(p.ready, { timeout: 15_000 })
        await en.page.waitForLoadState('networkidle')
        expect(await sideways(ko.page), where).toBeLessThanOrEqual(Math.max(0, await sideways(en.page)))
        await screenshot(ko.page, `ko-${p.name}-${width}`)
      }
      expect(ko.errors).toEqual([])
      await ko.close()
      await en.close()
    }, 240_000)
  }

  it('writes dates, numbers and statuses the Korean way on the project page', async () => {
    const { page, close } = await openPage(t)
    await page.goto(`/projects/${songchon}?lang=ko`)
    await page.waitForSelector('.event-line .event')
    const project = (await (await fetch(`${t.url}/api/projects/${songchon}`)).json()) as { dates: { groundbreaking: string }; status: string }
    const [y, m, d] = project.dates.groundbreaking.split('-').map(Number)
    const expected = d ? `${y}년 ${m}월 ${d}일` : m ? `${y}년 ${m}월` : `${y}년`
    expect(await page.locator('dl.facts div', { hasText: '착공' }).locator('dd').textContent()).toBe(expected)
    expect(await page.locator('.status-line .badge-text').textContent()).toBe({ operational: '운영 중', under_construction: '건설 중', planned: '계획', suspended: '중단' }[project.status])
    await close()
  })
})

describe('the language switch', () => {
  it('changes the language at once, keeps ?lang=ko in the address, and is remembered across reloads', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/')
    await page.waitForSelector('[data-testid=headline]')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.locator('h1').textContent()).toBe("How far has North Korea's 20×10 policy got?")

    await page.getByRole('button', { name: '한국어' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('북한의 20×10 정책은 어디까지 왔나?')
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ko')
    expect(await page.getByRole('button', { name: '한국어' }).getAttribute('aria-pressed')).toBe('true')
    await screenshot(page, 'ko-switch-1280', { fullPage: false })

    // Links within the app keep the language in the address…
    await page.locator('nav a', { hasText: '사업' }).click()
    await page.waitForSelector('table.data tbody tr')
    expect(new URL(page.url()).pathname).toBe('/projects')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ko')
    expect(await page.locator('h1').textContent()).toBe('사업')

    // …and an address without it opens in the language chosen before.
    await page.goto('/timeline')
    await page.waitForSelector('svg.timeline-chart a.tl-row')
    expect(await page.locator('h1').textContent()).toBe('연표')
    expect(await page.getAttribute('html', 'lang')).toBe('ko')

    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Timeline')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false)
    expect(await page.locator('nav[aria-label="Main"] a').allTextContents()).toEqual(['Overview', 'Map', 'Timeline', 'Charts', 'Projects', 'Sources', 'About'])
    expect(await page.locator('.tl-legend li').first().textContent()).toContain('groundbreaking → opening')

    await page.reload()
    await page.waitForSelector('svg.timeline-chart a.tl-row')
    expect(await page.locator('h1').textContent()).toBe('Timeline')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(errors).toEqual([])
    await close()
  })

  it('opens in Korean for a browser set to Korean, unless the address says ?lang=en', async () => {
    const context = await t.browser.newContext({ locale: 'ko-KR', baseURL: t.url })
    const page = await context.newPage()
    await page.goto('/projects')
    await page.waitForSelector('table.data tbody tr')
    expect(await page.locator('h1').textContent()).toBe('사업')
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    await page.goto('/projects?lang=en')
    await page.waitForSelector('table.data tbody tr')
    expect(await page.locator('h1').textContent()).toBe('Projects')
    await context.close()
  })

  it('opens in English for a browser set to English', async () => {
    const context = await t.browser.newContext({ locale: 'en-US', baseURL: t.url })
    const page = await context.newPage()
    await page.goto('/about')
    await page.waitForSelector('[data-testid=cite]')
    expect(await page.locator('h1').textContent()).toBe('About the tracker and its method')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await context.close()
  })
})

describe('the editing screens in Korean', () => {
  it('sign in, the project tools, the edit form and the review page speak Korean', async () => {
    const { page, errors, close } = await openPage(t, { width: 1366 })
    await page.goto(`/signin?lang=ko&next=${encodeURIComponent(`/projects/${songchon}`)}`)
    await page.getByLabel('이름').fill(editor.name)
    await page.getByLabel('비밀번호').fill(editor.password)
    await page.getByRole('button', { name: '로그인' }).click()
    await page.waitForSelector(`[data-testid=session] >> text=${editor.name}`)
    await page.waitForSelector('[data-testid=project-tools]')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ko')
    expect(await page.locator('[data-testid=project-tools] .tool-row button').allTextContents()).toEqual(['사업 편집', '사건 추가', '주장 추가', '사업 삭제'])

    await page.getByRole('button', { name: '사업 편집' }).click()
    const form = page.locator('[data-testid=project-form]')
    await form.waitFor()
    expect(await form.locator('h3').textContent()).toBe('사업 편집')
    expect(await form.locator('button[type=submit]').textContent()).toBe('저장')
    expect(await englishLabels(page)).toEqual([])
    await form.locator('button[type=submit]').click()
    await expect.poll(() => form.locator('[data-testid=form-error] strong').textContent()).toBe('저장되지 않았습니다.')
    await screenshot(page, 'ko-edit-project-1366')

    await page.locator('nav a', { hasText: '검토' }).click()
    await page.waitForSelector('[data-testid=review-empty], .proposals')
    expect(await page.locator('h1').textContent()).toBe('검토')
    expect(await englishLabels(page)).toEqual([])
    await screenshot(page, 'ko-review-1366')
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    await close()
  })
})
