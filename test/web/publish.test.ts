/**
 * The static copy as a reader meets it: `publishSite` writes the tracker into a directory, a plain
 * file server (no code of the app) serves it under /tracker/, and Chromium walks every kind of page —
 * data shown, no failed request, downloads that work, every link inside the sub-path, the explorer's
 * filter and search answered in the browser. The embeds are in the copy too (an iframe can point
 * into it), with their static images: the Embed snippets of the copy's pages point at the copy, and
 * their image fallback is a file the plain server sends. A filtered view's downloads say they are the
 * whole table. A second run changes no file; a failed run leaves the copy as it was.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { publishSite, type PublishOptions } from '../../src/service/publish.ts'
import { bundledApp, type TestApp } from '../support/app.ts'
import { serveStatic, type StaticServer } from '../support/staticServer.ts'
import { chromiumArgs, chromiumPath, ensureBuilt, screenshot } from './support.ts'

const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url))
const live = 'https://tracker.example.org'

let t: TestApp
let server: StaticServer
let browser: Browser
let work: string
let out: string
let request: PublishOptions['request']

/** Every file of a tree with its hash and mtime. */
function tree(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) for (const [k, v] of tree(dir, r)) out.set(k, v)
    else {
      const file = path.join(dir, r)
      out.set(r, `${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')} ${fs.statSync(file).mtimeMs}`)
    }
  }
  return out
}

const publish = (extra: Partial<PublishOptions> = {}) => publishSite({ out, webRoot, baseUrl: server.url, liveUrl: live, request, ...extra })

beforeAll(async () => {
  ensureBuilt()
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-publish-'))
  out = path.join(work, 'site')
  t = await bundledApp({ TRACKER_PUBLIC_URL: live })
  server = await serveStatic(out, '/tracker/')
  // As `tracker publish` does: the copy's own address is the public URL of its pages, feed and citations.
  const app = createApp({ tracker: { ...t.tracker, config: Object.freeze({ ...t.tracker.config, publicUrl: server.url.replace(/\/$/, '') }) }, log: createLogger('silent'), today: () => '2026-11-25' })
  request = (p) => app.request(p)
  await publish()
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
}, 120_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
  await server?.close()
  await t?.close()
  if (work) fs.rmSync(work, { recursive: true, force: true })
})

interface Watched {
  page: Page
  problems: string[]
  close(): Promise<void>
}

async function open(width = 1280): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true })
  const page = await context.newPage()
  const problems: string[] = []
  // A read the page itself cancels when the reader moves on (net::ERR_ABORTED) is not a failure of the copy.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`))
  return { page, problems, close: () => context.close() }
}

/** Every link of the page that leaves the copy's sub-path on its own origin. */
async function linksOutside(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href], link[href], script[src], img[src]', (els) => els.map((e) => new URL(e.getAttribute('href') ?? e.getAttribute('src') ?? '', window.location.href).href))
  return hrefs.filter((h) => h.startsWith(server.origin) && !h.startsWith(server.url))
}

const ids = async (list: string) => ((await (await request(list)).json()) as { items: { id: string }[] }).items.map((i) => i.id)

describe('tracker publish: the static copy', () => {
  it('shows every kind of page from files, with no failed request and every link inside /tracker/', async () => {
    const [project] = await ids('/api/projects?q=Songchon')
    const [locality] = await ids('/api/localities?q=Songchon')
    const [source] = await ids('/api/sources?limit=1')
    const pages: [string, string][] = [
      ['', '.grid20 .slot'],
      ['map', 'svg'],
      ['timeline', 'svg.timeline-chart'],
      ['charts', '.charts-page[data-ready=true]'],
      ['projects', 'table, .cards'],
      ['sources', 'table, .cards'],
      ['provinces', 'table, ul'],
      ['about', '.cite-this'],
      [`projects/${project}`, 'h1'],
      [`localities/${locality}`, 'h1'],
      ['provinces/south-pyongan', 'h1'],
      [`sources/${source}`, 'h1'],
    ]
    const { page, problems, close } = await open()
    for (const [p, selector] of pages) {
      await page.goto(server.url + p)
      await page.waitForSelector(selector)
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .loading'), null, { timeout: 10_000 })
      await page.waitForLoadState('networkidle')
      expect(await page.locator('[data-testid=static-note]').textContent(), p).toContain(`live tracker is at ${live}`)
      expect(await page.locator('main .error, main [role=alert]').count(), `${p}: ${await page.locator('main').textContent()}`).toBe(0)
      expect(await linksOutside(page), p).toEqual([])
      // No sign-in in a copy.
      expect(await page.locator('a[href*="signin"]').count(), p).toBe(0)
    }
    // The record pages show their records.
    await page.goto(`${server.url}projects/${project}`)
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Songchon/)
    expect(problems).toEqual([])
    await close()
  }, 90_000)

  it('navigates inside the sub-path, and reloads any address from its own file', async () => {
    const { page, problems, close } = await open()
    await page.goto(server.url)
    await page.waitForSelector('.site-head nav a')
    await page.click('.site-head nav a:has-text("Projects")')
    await page.waitForURL(`${server.url}projects`)
    await page.waitForSelector('table, .cards')
    const first = page.locator('main a[href*="/projects/"]').first()
    const href = (await first.getAttribute('href'))!
    expect(href.startsWith('/tracker/projects/')).toBe(true)
    await first.click()
    await page.waitForURL(`${server.origin}${href}`)
    await page.reload()
    await page.waitForSelector('h1')
    expect(await page.locator('main').textContent()).not.toMatch(/not found/i)
    // An address the copy does not have: the static host's 404, never a page that pretends.
    expect(problems).toEqual([])
    const missing = await page.goto(`${server.url}projects/no-such-project`)
    expect(missing?.status()).toBe(404)
    // (the browser logs that 404 as a failed resource)
    expect(problems.filter((p) => !p.includes('no-such-project') && !p.includes('Failed to load resource'))).toEqual([])
    await close()
  }, 60_000)

  it('filters and searches the explorer in the browser, as the API does', async () => {
    const { page, problems, close } = await open()
    for (const query of ['year=2025', 'year=2024&status=operational', 'kind=hospital', 'q=Songchun', 'q=Unsan']) {
      const expected = ((await (await request(`/api/projects?${query}`)).json()) as { total: number }).total
      await page.goto(`${server.url}projects?${query}`)
      await page.waitForFunction(() => /\d+ projects? match/.test(document.querySelector('#results-title')?.textContent ?? ''))
      expect(await page.locator('#results-title').textContent(), query).toMatch(new RegExp(`^${expected} projects? match`))
    }
    // A typo is read by the same resolver as the API's: "did you mean".
    await page.goto(`${server.url}projects?q=Songchun`)
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Songchon/)
    // Clicking a facet filters without a server.
    await page.goto(`${server.url}projects`)
    await page.waitForSelector('table, .cards')
    await page.locator('a[href*="year=2024"]').first().click()
    await page.waitForURL(/\/tracker\/projects\?year=2024/)
    const expected = ((await (await request('/api/projects?year=2024')).json()) as { total: number }).total
    await expect.poll(() => page.locator('#results-title').textContent()).toMatch(new RegExp(`^${expected} projects? match`))
    expect(problems).toEqual([])
    await close()
  }, 60_000)

  it('filters the timeline in the browser with the explorer’s filters', async () => {
    const { page, problems, close } = await open()
    for (const query of ['province=north-hwanghae', 'year=2025&status=operational', 'q=Songchon']) {
      const answer = (await (await request(`/api/projects?${query}&limit=1000`)).json()) as { items: { id: string; year: number | null }[] }
      const expected = answer.items.filter((p) => p.year !== null).map((p) => p.id)
      await page.goto(`${server.url}timeline?${query}`)
      await page.waitForFunction(() => /\d+ of \d+ projects/.test(document.querySelector('[data-testid=timeline-count]')?.textContent ?? ''))
      await page.waitForSelector('svg.timeline-chart a.tl-row')
      expect(new Set(await page.locator('a.tl-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')))), query).toEqual(new Set(expected))
      expect(await page.locator('main .error, main [role=alert]').count(), query).toBe(0)
    }
    expect(problems).toEqual([])
    await close()
  }, 60_000)

  it('serves every download, the OpenAPI document and the feed as files', async () => {
    const { page, problems, close } = await open()
    await page.goto(`${server.url}about`)
    await page.waitForSelector('.cite-this')
    const hrefs = await page.$$eval('main a[href*="/api/"]', (as) => as.map((a) => (a as HTMLAnchorElement).href))
    expect(hrefs.length).toBeGreaterThanOrEqual(6)
    for (const href of [...new Set(hrefs), `${server.url}api/changes.atom`]) {
      expect(href.startsWith(`${server.url}api/`), href).toBe(true)
      const response = await page.request.get(href)
      expect(response.status(), href).toBe(200)
      expect((await response.body()).length, href).toBeGreaterThan(100)
    }
    const download = page.waitForEvent('download')
    await page.locator('main a[href$="projects.csv"]').first().click()
    const file = await (await download).path()
    expect(fs.readFileSync(file!, 'utf8').split('\n')[0]).toMatch(/^id,/)
    // The feed and the citations point at the copy, not at a listen address.
    const feed = await (await page.request.get(`${server.url}api/changes.atom`)).text()
    expect(feed).toContain(server.url.replace(/\/$/, ''))
    expect(problems).toEqual([])
    await close()
  }, 60_000)

  it('has the embeds: a frame pointing into the copy shows the figure and its credit line, linked inside the copy', async () => {
    const [project] = await ids('/api/projects?q=Songchon')
    const { page, problems, close } = await open(600)
    for (const [embed, full] of [
      ['progress', ''],
      ['project/' + project, `projects/${project}`],
      ['chart/openings', 'charts#openings'],
    ] as const) {
      await page.goto(`${server.url}embed/${embed}`)
      await page.waitForSelector('[data-testid=embed-credit] [data-testid=embed-full]')
      await expect.poll(() => page.locator('[data-testid=embed-version]').textContent()).toMatch(/\d/)
      expect(await page.locator('[data-testid=embed-credit]').textContent(), embed).toContain('20×10 Tracker')
      expect(await page.locator('[data-testid=embed-full]').getAttribute('href'), embed).toBe(`${server.url}${full}`)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('.embed-missing, .error, [role=alert]').count(), `${embed}: ${await page.locator('main').textContent()}`).toBe(0)
      expect(await page.locator('main svg, main table, main dl').count(), embed).toBeGreaterThan(0)
      expect(await linksOutside(page), embed).toEqual([])
      await screenshot(page, `publish-embed-${embed.split('/')[0]}-600`)
    }
    expect(problems).toEqual([])
    await close()
  }, 60_000)

  it('gives Embed snippets that frame the copy’s own embeds, and their images as files of the copy', async () => {
    const [project] = await ids('/api/projects?q=Songchon')
    const { page, problems, close } = await open(1366)
    const seen = new Set<string>()
    for (const [p, embeds] of [
      ['', ['progress', 'grid']],
      ['map?year=2025', ['map']],
      ['timeline', ['timeline']],
      [`projects/${project}`, ['project']],
    ] as const) {
      await page.goto(server.url + p)
      const button = page.locator('main [data-testid=embed-button]').first()
      await button.locator('summary').click()
      await page.waitForSelector('[data-testid=embed-snippet]')
      for (const name of embeds) {
        const choice = button.locator(`.embed-choice[data-embed=${name}]`).first()
        const snippet = (await choice.locator('[data-testid=embed-snippet]').inputValue())!
        const src = /src="([^"]+)"/.exec(snippet)![1]!.replaceAll('&amp;', '&')
        expect(src.startsWith(`${server.url}embed/${name}`), `${p}: ${src}`).toBe(true)
        // The frame's address is a page of the copy (the plain server sends the embed's page).
        const frame = await page.request.get(src)
        expect(frame.status(), src).toBe(200)
        expect(await frame.text()).toContain('tracker-static')
        const image = (await choice.locator('[data-testid=embed-image]').getAttribute('href'))!
        expect(image, p).toBe(name === 'project' ? `${server.url}embed/project/${project}.svg` : `${server.url}embed/${name}.svg`)
        const answer = await page.request.get(image)
        expect(answer.status(), image).toBe(200)
        expect(answer.headers()['content-type']).toBe('image/svg+xml')
        const svg = await answer.text()
        expect(svg.startsWith('<svg') || svg.startsWith('<?xml'), image).toBe(true)
        // Its credit line links the full page in the copy, never the live tracker or a listen address.
        expect(svg, image).toContain(server.url.replace(/\/$/, ''))
        expect(svg, image).not.toContain(live)
        // …and it is what the tracker's own route draws.
        expect(svg).toBe(await (await request(new URL(image).pathname.replace('/tracker/', '/'))).text())
        seen.add(name)
      }
    }
    expect(seen.size).toBe(5)
    // An image for every project, small enough to publish them all.
    const projects = await ids('/api/projects?limit=1000')
    const images = fs.readdirSync(path.join(out, 'embed/project')).filter((f) => f.endsWith('.svg'))
    expect(images.length).toBe(projects.length)
    const bytes = [...images.map((f) => path.join(out, 'embed/project', f)), ...['progress', 'grid', 'map', 'timeline'].map((n) => path.join(out, `embed/${n}.svg`))].reduce((n, f) => n + fs.statSync(f).size, 0)
    expect(bytes).toBeLessThan(4_000_000)
    expect(JSON.parse(fs.readFileSync(path.join(out, 'tracker-publish.json'), 'utf8'))).toMatchObject({ embed_images: projects.length + 4 })
    await screenshot(page, 'publish-embed-snippet-1366', { fullPage: false })
    expect(problems).toEqual([])
    await close()
  }, 90_000)

  it('says that a filtered view downloads the whole table, and links the file it has', async () => {
    const { page, problems, close } = await open()
    await page.goto(`${server.url}projects?province=north-pyongan`)
    await page.waitForSelector('table, .cards')
    const csv = page.locator('[data-testid=download-csv]')
    expect(await csv.getAttribute('href')).toBe(`${new URL(server.url).pathname}api/export/projects.csv`)
    expect(await page.locator('.downloads [data-testid=whole-file]').textContent()).toBe('(whole table; filters apply on the live site)')
    const twins = page.locator('[data-testid=twins]')
    expect(await twins.locator('[data-testid=whole-file]').count()).toBe(1)
    for (const href of await twins.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) expect((await page.request.get(href)).status(), href).toBe(200)
    // Without a filter, no such note.
    await page.goto(`${server.url}projects`)
    await page.waitForSelector('table, .cards')
    expect(await page.locator('[data-testid=whole-file]').count()).toBe(0)
    expect(problems).toEqual([])
    await close()
  }, 60_000)

  it('cites the page being read at the address of the copy', async () => {
    const { page, problems, close } = await open()
    await page.goto(`${server.url}projects?year=2025`)
    await page.waitForSelector('table, .cards')
    await page.click('.cite-page summary')
    await page.waitForFunction(() => document.querySelector('.cite-page [data-testid=cite]')?.textContent?.includes('http'))
    const apa = (await page.locator('.cite-page [data-testid=cite]').textContent())!
    expect(apa).toContain(`${server.url}projects?year=2025`)
    expect(apa).toMatch(/Data version \d+/)
    expect(problems).toEqual([])
    for (const width of [1366, 390]) {
      const { page: p, close: c } = await open(width)
      await p.goto(server.url)
      await p.waitForSelector('.grid20 .slot')
      await p.waitForLoadState('networkidle')
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width}`).toBe(true)
      await screenshot(p, `publish-overview-${width}`)
      await c()
    }
    await close()
  }, 60_000)

  it('changes no file when run again with the same data, and a failed run leaves the copy as it was', async () => {
    const before = tree(out)
    const again = await publish()
    expect(again).toMatchObject({ changed: 0, removed: 0 })
    expect(tree(out)).toEqual(before)
    // A read that fails halfway: nothing is written.
    const failing: PublishOptions['request'] = (p) => (p.startsWith('/api/sources/') ? new Response('{}', { status: 500 }) : request(p))
    await expect(publish({ request: failing })).rejects.toThrow(/answered 500: nothing was written/)
    expect(tree(out)).toEqual(before)
    // A target that is not a copy is refused, and left alone.
    const other = path.join(work, 'notes')
    fs.mkdirSync(other)
    fs.writeFileSync(path.join(other, 'mine.txt'), 'keep me')
    await expect(publish({ out: other })).rejects.toThrow(/not a published copy/)
    expect(fs.readdirSync(other)).toEqual(['mine.txt'])
    expect(fs.readdirSync(work).sort()).toEqual(['notes', 'site'])
  }, 60_000)
})
