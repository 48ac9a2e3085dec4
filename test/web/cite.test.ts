/**
 * "How to cite" as a researcher uses it: the citation names the canonical address
 * (TRACKER_PUBLIC_URL), never the address the server listens on, with the data version, in APA,
 * Chicago, BibTeX and CSL-JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest({ TRACKER_PUBLIC_URL: 'https://tracker.example.org' })
})
afterAll(async () => t?.close())

describe('cite this', () => {
  it('cites the public address and the data version in four styles', async () => {
    const version = ((await (await fetch(`${t.url}/api/health`)).json()) as { data_version: number }).data_version
    for (const width of [390, 1280]) {
      const { page, errors, close } = await openPage(t, { width, height: 844 })
      await page.goto('/about')
      const cite = page.locator('[data-testid=cite]')
      await page.waitForFunction(() => document.querySelector('[data-testid=cite]')?.textContent?.includes('https://'))
      const apa = (await cite.textContent())!
      expect(apa).toContain('https://tracker.example.org/')
      expect(apa).toContain(`Data version ${version}`)
      expect(apa).not.toContain('127.0.0.1')
      await page.click('.cite-this button:has-text("BibTeX")')
      await page.waitForFunction(() => document.querySelector('[data-testid=cite]')?.textContent?.startsWith('@misc'))
      expect(await cite.textContent()).toContain('\\url{https://tracker.example.org/}')
      await page.click('.cite-this button:has-text("CSL-JSON")')
      await page.waitForFunction(() => document.querySelector('[data-testid=cite]')?.getAttribute('data-style') === 'csl')
      expect(JSON.parse((await cite.textContent())!)[0]).toMatchObject({ type: 'dataset', URL: 'https://tracker.example.org/', version: String(version) })
      await page.click('.cite-this button:has-text("Chicago")')
      await cite.scrollIntoViewIfNeeded()
      await screenshot(page, `cite-${width}`, { fullPage: false })
      // Nothing on the page scrolls sideways, long addresses included.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      expect(errors).toEqual([])
      await close()
    }
  })
})
