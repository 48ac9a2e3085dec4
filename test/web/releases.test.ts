/**
 * The release pages as a reader sees them: /releases lists two releases (an editor's edits
 * between them) with counts and downloads that work; /releases/{version} says in words what
 * changed — the source added, the project's fields old → new — in English and Korean, at 1366
 * and 390 px, without sideways scrolling; an unknown version is a not-found notice. Any page can be
 * opened as of a release (the copy of the site the release keeps): it shows the record as released
 * — not the edit made since — under a banner naming the release, and cites the release. The end of
 * every page offers the latest release and lets the reader pick any other (newest first, dated).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { releasesDir } from '../../src/service/releaseStore.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

const songchon = '20x10.2024.south-pyongan.songchon'
let t: WebTest
/** Songchon's notes in the first release (before the edit). */
let firstNotes: string | null = null

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
    await createAccount(tracker.store.db, 'rel-web', 'editor', 'release-web-password')
    const token = await createApiToken(tracker.store.db, 'rel-web', 'tests')
    // Through the server, as an editor would: each release also keeps a copy of the site.
    await api('POST', '/api/releases', token, { comment: 'The first release' })
    const project = (await (await fetch(`${t.url}/api/projects/${songchon}`)).json()) as { version: number; notes: string | null }
    firstNotes = project.notes
    await api('PATCH', `/api/projects/${songchon}`, token, { notes: 'Factories seen working in the second report.', comment: 'release page test' }, project.version)
    await api('POST', '/api/sources', token, { id: 'release-web-source', kind: 'news', publisher: 'Test Wire', title: 'Factories at work in Songchon', comment: 'release page test' })
    await api('POST', '/api/releases', token, { comment: 'After the second report' })

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
        // Named as the rest of the app names it: hangul first in Korean.
        expect(await tables.nth(0).locator('a').first().textContent()).toBe(lang === 'en' ? 'Songchon 2024' : '성천군 2024')
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

  it('open any page as of a release: the record as released, under a banner, citing the release', async () => {
    const frozen = ((await (await fetch(`${t.url}/api/releases/2026-12-01`)).json()) as { data_version: number; site: { files: number; linked: number } }).data_version
    // The second release keeps what did not change as links to the first release's files.
    const second = (await (await fetch(`${t.url}/api/releases/2026-12-01.2`)).json()) as { site: { files: number; linked: number } }
    expect(second.site.linked).toBeGreaterThan(second.site.files / 3)
    const dir = releasesDir(t.server.tracker.config)
    const same = 'site/api/provinces.json'
    expect(fs.statSync(path.join(dir, '2026-12-01.2', same)).ino).toBe(fs.statSync(path.join(dir, '2026-12-01', same)).ino)

    for (const lang of ['en', 'ko'] as const) {
      for (const width of [1366, 390]) {
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        // From the release's page, into its copy of the site, and on to the project.
        await page.goto(`/releases/2026-12-01?lang=${lang}`)
        await page.click('[data-testid=release-site]')
        await page.waitForURL(/\/releases\/2026-12-01\/site\//)
        await page.waitForSelector('[data-testid=release-banner]')
        await page.goto(`/releases/2026-12-01/site/projects/${songchon}?lang=${lang}`)
        await page.waitForSelector('h1')
        const banner = page.locator('[data-testid=release-banner]')
        expect(await banner.textContent()).toBe(lang === 'en' ? 'You are viewing release 2026-12-01 (1 Dec 2026) — see the current record.' : '릴리스 2026-12-01(2026년 12월 1일) 시점의 기록을 보고 있습니다 — 현재 기록 보기.')
        expect(await banner.locator('[data-testid=current-record]').getAttribute('href')).toBe(`https://tracker.example.org/projects/${songchon}?lang=${lang}`)
        // Release 1's value, not the edit made after it.
        if (firstNotes) await expect.poll(() => page.locator('[data-testid=project-notes]').textContent()).toBe(firstNotes)
        else expect(await page.locator('[data-testid=project-notes]').count()).toBe(0)
        expect(await page.textContent('main')).not.toContain('Factories seen working in the second report.')
        await page.locator('details.cite-page summary').click()
        await expect.poll(() => page.textContent('details.cite-page [data-testid=cite]')).toContain(`(Release 2026-12-01, data version ${frozen})`)
        expect(await page.textContent('details.cite-page [data-testid=cite]')).toContain(`https://tracker.example.org/releases/2026-12-01/site/projects/${songchon}`)
        expect(await page.textContent('.session')).toBe(lang === 'en' ? 'Release 2026-12-01' : '릴리스 2026-12-01')
        // Its Embed snippet frames the release's own embed, and the image fallback is the release's file.
        if (width === 1366) {
          await page.locator('main [data-testid=embed-button] summary').click()
          const snippet = await page.locator('[data-testid=embed-snippet]').first().inputValue()
          expect(snippet).toContain(`src="https://tracker.example.org/releases/2026-12-01/site/embed/project/${songchon}`)
          const image = (await page.locator('[data-testid=embed-image]').first().getAttribute('href'))!
          expect(image).toBe(`https://tracker.example.org/releases/2026-12-01/site/embed/project/${songchon}.svg`)
          const answer = await fetch(`${t.url}${new URL(image).pathname}`)
          expect(answer.status).toBe(200)
          expect(answer.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
          expect(await answer.text()).toContain('https://tracker.example.org/releases/2026-12-01/site/projects/')
        }
        // The copy's links stay inside it.
        const hrefs = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!))
        expect(hrefs.filter((h) => !h.startsWith('/releases/2026-12-01/site/'))).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        await screenshot(page, `release-site-project-${width}-${lang}`)
        expect(errors).toEqual([])
        await close()
      }
    }

    // Every page of the live app offers the same page as of the latest release; that one has the edit.
    const { page, errors, close } = await openPage(t, { width: 1366 })
    await page.goto(`/projects/${songchon}`)
    const link = page.locator('[data-testid=as-of-latest]')
    await link.waitFor()
    expect(await link.textContent()).toBe('View this page as of release 2026-12-01.2')
    expect(await link.getAttribute('href')).toBe(`/releases/2026-12-01.2/site/projects/${songchon}`)
    await link.scrollIntoViewIfNeeded()
    await screenshot(page, 'release-as-of-link-1366', { fullPage: false })
    await link.click()
    await page.waitForSelector('[data-testid=release-banner]')
    await expect.poll(() => page.locator('[data-testid=project-notes]').textContent()).toBe('Factories seen working in the second report.')
    // Any release can be picked: every one listed, newest first with its date, each opening this page in its copy.
    for (const lang of ['en', 'ko'] as const) {
      for (const width of [1366, 390]) {
        const w = await openPage(t, { width, height: 900 })
        await w.page.goto(`/projects/${songchon}?lang=${lang}`)
        const other = w.page.locator('[data-testid=as-of-other]')
        await other.locator('summary').click()
        expect(await other.locator('summary').textContent()).toBe(lang === 'en' ? 'Or pick one of 2 releases' : '릴리스 2개 중에서 고르기')
        const items = other.locator('li')
        expect(await items.count()).toBe(2)
        expect(await items.evaluateAll((li) => li.map((l) => l.textContent))).toEqual(
          lang === 'en' ? ['Release 2026-12-01.2 released 1 Dec 2026, the latest', 'Release 2026-12-01 released 1 Dec 2026'] : ['릴리스 2026-12-01.2 2026년 12월 1일 공개, 최신', '릴리스 2026-12-01 2026년 12월 1일 공개'],
        )
        expect(await items.nth(1).locator('a').getAttribute('href')).toBe(`/releases/2026-12-01/site/projects/${songchon}?lang=${lang}`)
        expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        await other.scrollIntoViewIfNeeded()
        await screenshot(w.page, `release-pick-${width}-${lang}`, { fullPage: false })
        if (lang === 'en' && width === 390) {
          // The older one: its banner, and the record as it was then.
          await items.nth(1).locator('a').click()
          await w.page.waitForSelector('[data-testid=release-banner]')
          expect(await w.page.locator('[data-testid=release-banner]').textContent()).toContain('release 2026-12-01 (1 Dec 2026)')
          expect(await w.page.textContent('main')).not.toContain('Factories seen working in the second report.')
        }
        expect(w.errors).toEqual([])
        await w.close()
      }
    }
    // Pages a copy does not have offer nothing.
    await page.goto('/signin')
    await page.waitForSelector('main form')
    expect(await page.locator('[data-testid=as-of-release]').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  }, 120_000)

  it('are linked from the About page', async () => {
    const { page, close } = await openPage(t, { width: 1366 })
    await page.goto('/about')
    await page.click('a[href="/releases"]')
    await page.waitForSelector('.release-card')
    await close()
  })
})
