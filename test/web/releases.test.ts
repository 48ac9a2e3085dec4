/**
 * The release pages as a reader sees them: /releases lists two releases (an editor's edits
 * between them) with counts and downloads that work; /releases/{version} says in words what
 * changed — the source added, the project's fields old → new — in English and Korean, at 1366
 * and 390 px, without sideways scrolling; an unknown version is a not-found notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { createRelease } from '../../src/service/release.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

const songchon = '20x10.2024.south-pyongan.songchon'
let t: WebTest

beforeAll(async () => {
  t = await startWebTest({ TRACKER_PUBLIC_URL: 'https://tracker.example.org', TRACKER_TODAY: '2026-12-01' })
}, 120_000)
afterAll(async () => t?.close())

async function api(method: string, path: string, token: string, body: unknown, ifMatch?: number) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': String(ifMatch) } : {}) },
    body: JSON.stringify(body),
  })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return res.json() as Promise<Record<string, unknown>>
}

describe('the release pages', () => {
  it('say when there is no release yet', async () => {
    const { page, errors, close } = await openPage(t, { width: 1366 })
    await page.goto('/releases')
    await page.waitForSelector('.releases .empty')
    expect(await page.textContent('.releases .empty')).toContain('tracker release')
    expect(errors).toEqual([])
    await close()
  })

  it('list the releases and show what changed between them, in English and Korean, on a laptop and a phone', async () => {
    const tracker = t.server.tracker
    await createRelease(tracker, { comment: 'The first release' })
    await createAccount(tracker.store.db, 'rel-web', 'editor', 'release-web-password')
    const token = await createApiToken(tracker.store.db, 'rel-web', 'tests')
    const project = (await (await fetch(`${t.url}/api/projects/${songchon}`)).json()) as { version: number; notes: string | null }
    await api('PATCH', `/api/projects/${songchon}`, token, { notes: 'Factories seen working in the second report.', comment: 'release page test' }, project.version)
    await api('POST', '/api/sources', token, { id: 'release-web-source', kind: 'news', publisher: 'Test Wire', title: 'Factories at work in Songchon', comment: 'release page test' })
    await createRelease(tracker, { comment: 'After the second report' })

    for (const lang of ['en', 'ko'] as const) {
      for (const width of [1366, 390]) {
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        await page.goto(`/releases?lang=${lang}`)
        await page.waitForSelector('.release-card >> nth=1')
        const cards = page.locator('.release-card')
        expect(await cards.count()).toBe(2)
        const latest = (await cards.nth(0).textContent())!
        expect(latest).toContain('2026-12-01.2')
        expect(latest).toContain(lang === 'en' ? 'Since release 2026-12-01: 1 added, 1 changed, 0 removed.' : '릴리스 2026-12-01 이후: 추가 1건, 변경 1건, 삭제 0건.')
        expect(await cards.nth(1).textContent()).toContain(lang === 'en' ? 'The first release' : '첫 릴리스')
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        await screenshot(page, `releases-list-${width}-${lang}`)

        // A download link of the list gives the file.
        const href = (await cards.nth(0).locator('.release-files a').first().getAttribute('href'))!
        expect(href).toBe('/api/releases/2026-12-01.2/datapackage.zip')
        const file = await page.request.get(href)
        expect(file.status()).toBe(200)
        expect(file.headers()['content-type']).toBe('application/zip')

        await cards.nth(0).locator(`a:has-text("${lang === 'en' ? 'What changed' : '바뀐 점'}")`).click()
        await page.waitForSelector('.release-table')
        expect(new URL(page.url()).pathname).toBe('/releases/2026-12-01.2')
        const tables = page.locator('.release-table')
        expect(await tables.count()).toBe(2)
        // Projects first (what readers follow), then the documents behind them.
        const projects = (await tables.nth(0).textContent())!
        const sources = (await tables.nth(1).textContent())!
        expect(sources).toContain(lang === 'en' ? 'Added (1)' : '추가 (1)')
        expect(sources).toContain('Test Wire: Factories at work in Songchon')
        expect(projects).toContain(lang === 'en' ? 'Changed (1)' : '변경 (1)')
        expect(projects).toContain('Songchon 2024')
        expect(await tables.nth(0).locator('.release-new').textContent()).toBe('Factories seen working in the second report.')
        expect(await tables.nth(0).locator('.release-old').textContent()).toBe(project.notes ?? '—')
        expect(await tables.nth(0).locator('a').first().getAttribute('href')).toBe(`/projects/${songchon}`)
        expect(await tables.nth(1).locator('a').first().getAttribute('href')).toBe('/sources/release-web-source')
        expect(await page.textContent('.release-comment')).toBe('After the second report')
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        await screenshot(page, `releases-changes-${width}-${lang}`)
        expect(errors).toEqual([])
        await close()
      }
    }
  }, 240_000)

  it('open the first release with its counts, and say when a version does not exist', async () => {
    const { page, close } = await openPage(t, { width: 390 })
    await page.goto('/releases/2026-12-01')
    await page.waitForSelector('.release-counts')
    expect(await page.textContent('.release')).toContain('The first release: every record in it is new.')
    // Its citation names the release and the data version it froze, not today's.
    const frozen = ((await (await fetch(`${t.url}/api/releases/2026-12-01`)).json()) as { data_version: number }).data_version
    const today = ((await (await fetch(`${t.url}/api/health`)).json()) as { data_version: number }).data_version
    expect(frozen).toBeLessThan(today)
    await page.locator('details.cite-page summary').click()
    await expect.poll(() => page.textContent('details.cite-page [data-testid=cite]')).toContain(`(Release 2026-12-01, data version ${frozen})`)
    await page.goto('/releases/9.9')
    await page.waitForSelector('.error')
    expect(await page.textContent('.error')).toContain('There is no release at this address')
    await close()
  })

  it('are linked from the About page', async () => {
    const { page, close } = await openPage(t, { width: 1366 })
    await page.goto('/about')
    await page.click('a[href="/releases"]')
    await page.waitForSelector('.release-card')
    await close()
  })
})
