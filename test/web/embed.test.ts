/**
 * Browser tests of the embeds: a host page served from a second local HTTP server (another
 * origin) frames /embed/progress, /embed/map and /embed/project/<id>; each loads in its iframe
 * with its data and its credit line (source, data version, a link to the full page at the
 * canonical address), while a framed normal page (/) is refused. At 400×300 no embed scrolls
 * sideways. The "Embed" disclosure gives the snippet and the SVG snapshot, which another site's
 * <img> shows. Screenshots: test/artifacts/embed-host.png, embed-*-400x300.png.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

const publicUrl = 'https://tracker.example.org'
const songchon = '20x10.2024.south-pyongan.songchon'
let t: WebTest
let host: http.Server
let hostUrl: string
let version: number

function hostPage(tracker: string): string {
  const frame = (name: string, path: string, w = 400, h = 300) => `<figure><figcaption>${name}</figcaption><iframe name="${name}" src="${tracker}${path}" width="${w}" height="${h}" style="border:1px solid #ccc"></iframe></figure>`
  return `<!doctype html><html><head><meta charset="utf-8"><title>A newsroom page</title><style>body{font-family:sans-serif;margin:16px}figure{display:inline-block;vertical-align:top;margin:0 16px 16px 0}</style></head><body>
<h1>A page on another site</h1>
${frame('progress', '/embed/progress')}
${frame('map', '/embed/map', 400, 420)}
${frame('project', `/embed/project/${songchon}`)}
${frame('grid', '/embed/grid', 560, 360)}
${frame('timeline', '/embed/timeline?year=2025', 560, 360)}
${frame('progress-ko', '/embed/progress?lang=ko')}
${frame('normal', '/')}
<figure><figcaption>snapshots</figcaption>${['progress', 'grid', 'map', 'timeline', `project/${songchon}`].map((n) => `<img class="snapshot" src="${tracker}/embed/${n}.svg" width="300" alt="${n} snapshot">`).join(' ')}</figure>
</body></html>`
}

beforeAll(async () => {
  t = await startWebTest({ TRACKER_PUBLIC_URL: publicUrl })
  version = ((await (await fetch(`${t.url}/api/health`)).json()) as { data_version: number }).data_version
  host = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(hostPage(t.url))
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`
}, 120_000)
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve))
  await t?.close()
})

const frameNamed = (page: Page, name: string): Frame => {
  const f = page.frame({ name })
  if (!f) throw new Error(`no frame ${name}`)
  return f
}

/** Sideways overflow of the page and of the embed's figure (which scrolls up and down inside the frame): none is 0. */
const sideOverflow = (f: Frame | Page) =>
  f.evaluate(() => {
    const doc = document.documentElement
    const figure = document.querySelector('.embed-figure')!
    return Math.max(doc.scrollWidth - doc.clientWidth, figure.scrollWidth - figure.clientWidth)
  })

describe('embeds on another site', () => {
  it('load inside iframes from another origin with their data and credit line; a normal page is refused', async () => {
    expect(new URL(hostUrl).origin).not.toBe(new URL(t.url).origin)
    const { page, errors, close } = await openPage(t, { width: 1300, height: 1700 })
    await page.goto(hostUrl)
    for (const name of ['progress', 'map', 'project', 'grid', 'timeline']) {
      const f = frameNamed(page, name)
      await f.waitForSelector('[data-testid=embed-data]', { timeout: 20_000 })
      await f.waitForFunction(() => !document.querySelector('[data-testid=embed-version]')?.textContent?.includes('…'))
      const credit = (await f.locator('[data-testid=embed-credit]').textContent()) ?? ''
      expect(credit, name).toContain('20×10 Tracker')
      expect(credit, name).toContain(`data version ${version}`)
      // No site chrome: no header, navigation or footer of the app.
      expect(await f.locator('header.site-head, nav[aria-label], footer.site-foot').count(), name).toBe(0)
      const full = await f.locator('[data-testid=embed-full]').getAttribute('href')
      expect(full, name).toMatch(new RegExp(`^${publicUrl}/`))
    }
    expect(await frameNamed(page, 'project').locator('[data-testid=embed-full]').getAttribute('href')).toBe(`${publicUrl}/projects/${songchon}`)
    expect(await frameNamed(page, 'map').locator('[data-testid=embed-full]').getAttribute('href')).toBe(`${publicUrl}/map`)

    const progress = (await (await fetch(`${t.url}/api/stats/progress`)).json()) as { cumulative: { counted: number }; total_target: number }
    expect(await frameNamed(page, 'progress').locator('.embed-takeaway').textContent()).toContain(`${progress.cumulative.counted} of ${progress.total_target}`)
    expect(await frameNamed(page, 'map').locator('svg.country-map a[data-locality]').count()).toBeGreaterThan(40)
    expect(await frameNamed(page, 'project').locator('h1').textContent()).toContain('Songchon')
    expect(await frameNamed(page, 'project').locator('.embed-events li').count()).toBeGreaterThan(0)
    expect(await frameNamed(page, 'grid').locator('.grid-slots a.slot').count()).toBe(progress.cumulative.counted)
    expect(await frameNamed(page, 'timeline').locator('a.tl-row').count()).toBeGreaterThan(15)
    const ko = frameNamed(page, 'progress-ko')
    await ko.waitForSelector('[data-testid=embed-data]')
    expect(await ko.locator('[data-testid=embed-credit]').textContent()).toContain('출처')
    expect(await ko.locator('[data-testid=embed-full]').getAttribute('href')).toBe(`${publicUrl}/?lang=ko`)

    // Links inside an embed open a new tab (the full pages refuse to be framed).
    expect(await frameNamed(page, 'map').evaluate(() => document.querySelector('base')?.getAttribute('target'))).toBe('_blank')

    // The framed normal page: the browser refuses it (frame-ancestors 'self'), so the app never renders in it.
    const normal = frameNamed(page, 'normal')
    await page.waitForTimeout(500)
    const rendered = await normal.evaluate(() => document.querySelector('header.site-head, [data-testid=headline]') !== null).catch(() => false)
    expect(rendered).toBe(false)
    expect(normal.url()).not.toBe(`${t.url}/`)

    // The SVG snapshots show in another site's <img> (cross-origin resource policy allows it; a
    // malformed SVG would not decode).
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.snapshot')].every((i) => i.complete))
    expect(await page.locator('img.snapshot').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([600, 600, 600, 600, 600])

    await screenshot(page, 'embed-host')
    // The refused frame logs its refusal; nothing else may fail.
    expect(errors.filter((e) => !/frame-ancestors|Refused to (display|frame)/i.test(e))).toEqual([])
    await close()
  })

  it('send frame-ancestors * on /embed/* only', async () => {
    const root = await fetch(`${t.url}/`)
    expect(root.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(root.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const embed = await fetch(`${t.url}/embed/progress`)
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(embed.headers.get('x-frame-options')).toBeNull()
    await root.arrayBuffer()
    await embed.arrayBuffer()
  })

  it('fit a 400×300 frame without sideways scrolling', async () => {
    const { page, errors, close } = await openPage(t, { width: 400, height: 300 })
    for (const [name, path] of [
      ['progress', '/embed/progress'],
      ['grid', '/embed/grid'],
      ['map', '/embed/map'],
      ['timeline', '/embed/timeline'],
      ['project', `/embed/project/${songchon}`],
      ['progress-ko', '/embed/progress?lang=ko'],
    ] as const) {
      await page.goto(path)
      await page.waitForSelector('[data-testid=embed-data]', { timeout: 20_000 })
      expect(await sideOverflow(page), name).toBe(0)
      // The credit line stays in view, however long the figure.
      const credit = await page.locator('[data-testid=embed-credit]').boundingBox()
      expect(credit!.y + credit!.height, name).toBeLessThanOrEqual(300)
      await screenshot(page, `embed-${name}-400x300`, { fullPage: false })
    }
    expect(errors).toEqual([])
    await close()
  })
})

describe('the Embed disclosure', () => {
  it('gives the iframe snippet at the canonical address and the snapshot on each page', async () => {
    const { page, errors, close } = await openPage(t)
    const cases: [string, string, string[]][] = [
      ['/', 'a.slot[data-project]', [`<iframe src="${publicUrl}/embed/progress"`, `<iframe src="${publicUrl}/embed/grid"`]],
      ['/map?year=2025', 'svg.country-map a[data-locality]', [`<iframe src="${publicUrl}/embed/map?year=2025"`]],
      ['/timeline?year=2024', 'a.tl-row', [`<iframe src="${publicUrl}/embed/timeline?year=2024"`]],
      [`/projects/${songchon}`, '.event-line .event', [`<iframe src="${publicUrl}/embed/project/${songchon}"`]],
    ]
    for (const [path, ready, snippets] of cases) {
      await page.goto(path)
      await page.waitForSelector(ready, { timeout: 15_000 })
      await page.locator('[data-testid=embed-button] summary').click()
      await page.waitForSelector('[data-testid=embed-snippet]')
      const texts = await page.locator('[data-testid=embed-snippet]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))
      expect(texts.length, path).toBe(snippets.length)
      snippets.forEach((s, i) => expect(texts[i], path).toContain(s))
      for (const href of await page.locator('[data-testid=embed-image]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))) {
        expect(href, path).toMatch(new RegExp(`^${publicUrl}/embed/.+\\.svg(\\?year=\\d{4})?$`))
        // The image shows what the page shows: the map's and the timeline's year are kept.
        if (path.includes('?year=')) expect(href, path).toContain(path.slice(path.indexOf('?')))
        const local = await fetch(href.replace(publicUrl, t.url))
        expect(local.status, href).toBe(200)
        expect(local.headers.get('content-type'), href).toContain('image/svg+xml')
        await local.arrayBuffer()
      }
    }
    await page.goto('/?lang=ko')
    await page.waitForSelector('a.slot[data-project]')
    await page.locator('[data-testid=embed-button] summary').click()
    expect(await page.locator('[data-testid=embed-button] summary').textContent()).toBe('임베드')
    expect(await page.locator('[data-testid=embed-snippet]').first().inputValue()).toContain(`${publicUrl}/embed/progress?lang=ko`)
    await screenshot(page, 'embed-disclosure')
    expect(errors).toEqual([])
    await close()
  })
})
