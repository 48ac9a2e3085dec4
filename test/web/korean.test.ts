/**
 * Browser tests of the Korean interface (every page in Korean at 1366 and 390 px — navigation,
 * headings, buttons, legends, table headers and dates — is checked by the walk in layout.test.ts):
 * dates, numbers and statuses on the project page; the header switch changes the language at
 * once, keeps ?lang=ko in the address and is remembered across reloads; a browser set to Korean
 * opens in Korean; the editing screens speak Korean. Screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../src/service/accounts.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'
import { englishLabels } from './korean.ts'

let t: WebTest
const editor = { name: 'eun', password: 'eun-editor-password-1' }
beforeAll(async () => {
  t = await startWebTest()
  await createAccount(t.server.tracker.store.db, editor.name, 'editor', editor.password)
})
afterAll(async () => t?.close())

const songchon = '20x10.2024.south-pyongan.songchon'

describe('the Korean interface', () => {
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
