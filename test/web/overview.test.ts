/**
 * Browser tests of the first screen and of what every page says about its data: the overview
 * shows the locality names in the grid and a map of the localities without any interaction (at
 * 1366 and 390 px, in English and Korean); the latest events list has date, place, what happened
 * and links to the sources, as the API has them; the map's readout appears beside the point under
 * the pointer; every page says when the latest report was recorded, and by whom; every page's
 * data twin (JSON, CSV where offered) answers 200 and holds what the page shows. Screenshots go
 * to test/artifacts/ (home-<page>-<lang>-<width>.png).
 */
import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest()
})
afterAll(async () => t?.close())

const songchon = '20x10.2024.south-pyongan.songchon'

interface Src {
  id: string
  publisher: string
  published: string | null
  url: string | null
}
interface Ev {
  id: string
  date: string
  type: string
  locality: { id: string; name: string; hangul: string } | null
  claims: { source: Src | null }[]
}
interface Proj {
  id: string
  counted: boolean
  year: number | null
  locality: { id: string; name: string; hangul: string; coord: unknown }
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${t.url}${path}`)
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** A partial date as the page writes it, worked out here independently of the app's code. */
function written(date: string, lang: 'en' | 'ko'): string {
  const [y, m, d] = date.split('-').map(Number)
  if (lang === 'ko') return [`${y}년`, m ? `${m}월` : '', d ? `${d}일` : ''].filter(Boolean).join(' ')
  return [d ? String(d) : '', m ? months[m - 1] : '', String(y)].filter(Boolean).join(' ')
}

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

describe('the overview without interaction', () => {
  for (const lang of ['en', 'ko'] as const)
    for (const width of [1366, 390])
      it(`shows every counted locality's name in the grid and a map of the localities (${lang}, ${width} px)`, async () => {
        const projects = (await api<{ items: Proj[] }>('/api/projects?limit=1000')).items
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        await page.goto(lang === 'ko' ? '/?lang=ko' : '/')
        await page.waitForSelector('.grid-slots a.slot[data-project]')
        await page.waitForSelector('[data-testid=overview-map] svg.country-map a[data-locality]')
        await page.waitForSelector('[data-testid=latest-events] li[data-event]')
        // The names are in the squares, legible and whole: no square cuts its name off.
        const slots = await page.locator('.grid-slots a.slot[data-project]').evaluateAll((els) =>
          els.map((el) => {
            const name = el.querySelector('.slot-name') as HTMLElement | null
            const box = name?.getBoundingClientRect()
            const style = name ? getComputedStyle(name) : null
            return {
              id: el.getAttribute('data-project')!,
              name: name?.textContent ?? '',
              visible: Boolean(box && box.width > 0 && box.height > 0 && style?.visibility !== 'hidden'),
              fontPx: style ? Number.parseFloat(style.fontSize) : 0,
              clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
            }
          }),
        )
        const counted = projects.filter((p) => p.counted && p.year !== null)
        expect(slots.length).toBe(counted.length)
        const byId = new Map(projects.map((p) => [p.id, p]))
        for (const s of slots) {
          const p = byId.get(s.id)!
          expect(s.name, s.id).toBe(lang === 'ko' ? p.locality.hangul : p.locality.name)
          expect(s.visible, s.id).toBe(true)
          expect(s.fontPx, s.id).toBeGreaterThanOrEqual(10)
          expect(s.clipped, `${s.id} cuts its name "${s.name}"`).toBe(false)
        }
        // The map: a point per reached locality with a position, each a link to the locality.
        const located = new Set(projects.filter((p) => p.locality.coord).map((p) => p.locality.id))
        const points = page.locator('[data-testid=overview-map] svg.country-map a[data-locality]')
        expect(await points.count()).toBe(located.size)
        expect(await points.first().getAttribute('href')).toMatch(/^\/localities\//)
        if (width === 1366) {
          // "Where" and "says who" on the first screen at 1366×900.
          const map = await page.locator('[data-testid=overview-map]').boundingBox()
          const latest = await page.locator('[data-testid=latest-events] li[data-event]').first().boundingBox()
          expect(map!.y).toBeLessThan(900)
          expect(latest!.y).toBeLessThan(900)
        }
        expect(await sideways(page)).toBeLessThanOrEqual(0)
        await screenshot(page, `home-overview-${lang}-${width}`)
        expect(errors).toEqual([])
        await close()
      })

  it('lists the latest events by date with place, what happened and links to their sources, as the API has them', async () => {
    const events = (await api<{ items: Ev[] }>('/api/events?sort=-date&limit=8')).items
    expect(events.length).toBe(8)
    for (const lang of ['en', 'ko'] as const) {
      const { page, close } = await openPage(t)
      await page.goto(lang === 'ko' ? '/?lang=ko' : '/')
      await page.waitForSelector('[data-testid=latest-events] li[data-event]')
      const rows = await page.locator('[data-testid=latest-events] li[data-event]').evaluateAll((els) =>
        els.map((el) => ({
          id: el.getAttribute('data-event')!,
          date: el.querySelector('time')?.textContent?.trim() ?? '',
          place: el.querySelector('a.latest-place')?.getAttribute('href') ?? null,
          placeText: el.querySelector('a.latest-place')?.textContent ?? '',
          what: el.querySelector('.latest-what')?.textContent ?? '',
          sources: [...el.querySelectorAll('.latest-sources a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
        })),
      )
      expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id))
      for (const [i, row] of rows.entries()) {
        const e = events[i]!
        expect(row.date).toBe(written(e.date, lang))
        if (e.locality) {
          expect(row.place).toBe(`/localities/${encodeURIComponent(e.locality.id)}`)
          expect(row.placeText).toContain(lang === 'ko' ? e.locality.hangul : e.locality.name)
        }
        // What happened, in words (no raw ids such as "(august-2024)").
        expect(row.what).not.toMatch(/\([a-z0-9]+(-[a-z0-9]+)+\)/)
        const sources = [...new Map(e.claims.filter((c) => c.source).map((c) => [c.source!.id, c.source!])).values()]
        expect(sources.length, e.id).toBeGreaterThan(0)
        const first = row.sources[0]!
        const cited = sources.find((s) => first.href === (s.url ?? `/sources/${encodeURIComponent(s.id)}`))
        expect(cited, `${e.id}: ${first.href} is one of the event's sources`).toBeTruthy()
        expect(first.text).toContain(cited!.publisher)
      }
      await close()
    }
  })
})

describe('the map readout', () => {
  it('appears beside the point under the pointer, inside the window', async () => {
    const { page, close } = await openPage(t, { width: 1366, height: 900 })
    await page.goto('/map')
    const point = page.locator(`svg.country-map a[data-locality="south-pyongan.songchon"]`)
    await point.hover()
    const tip = page.locator('[data-testid=map-tip]')
    await tip.waitFor()
    expect(await tip.textContent()).toContain('Songchon')
    const dot = (await point.boundingBox())!
    const box = (await tip.boundingBox())!
    const near = Math.min(Math.abs(box.x - (dot.x + dot.width)), Math.abs(box.x + box.width - dot.x))
    expect(near).toBeLessThan(30)
    expect(box.y).toBeLessThan(dot.y + dot.height + 30)
    expect(box.y + box.height).toBeGreaterThan(dot.y - 30)
    expect(box.y + box.height).toBeLessThanOrEqual(900)
    await screenshot(page, 'home-map-tooltip-en-1366', { fullPage: false })
    await page.mouse.move(5, 5)
    await expect.poll(() => tip.count()).toBe(0)
    await close()
  })
})

async function pages(): Promise<{ path: string; ready: string; name: string }[]> {
  const source = (await api<{ items: { id: string }[] }>('/api/sources?limit=1')).items[0]!.id
  return [
    { path: '/', ready: '[data-testid=headline]', name: 'overview' },
    { path: '/map?year=2025', ready: 'svg.country-map a[data-locality]', name: 'map' },
    { path: '/timeline', ready: 'svg.timeline-chart a.tl-row', name: 'timeline' },
    { path: '/projects?year=2025', ready: 'table.data tbody tr', name: 'explorer' },
    { path: `/projects/${songchon}`, ready: '.event-line .event', name: 'project' },
    { path: '/localities/south-pyongan.songchon', ready: 'table.data tbody tr', name: 'locality' },
    { path: '/provinces/south-pyongan', ready: '.locality-list li', name: 'province' },
    { path: '/provinces', ready: '.bars li', name: 'provinces' },
    { path: '/sources', ready: 'table.data tbody tr', name: 'sources' },
    { path: `/sources/${encodeURIComponent(source)}`, ready: '.supports li', name: 'source' },
    { path: '/about', ready: '[data-testid=cite]', name: 'about' },
  ]
}

describe('every page', () => {
  it('says when the latest report was recorded and who reported it (English and Korean)', async () => {
    const newest = (await api<{ items: Src[] }>('/api/sources?sort=-published&limit=1')).items[0]!
    const all = (await api<{ items: Src[] }>('/api/sources?limit=1000')).items
    expect(all.every((s) => (s.published ?? '') <= newest.published!)).toBe(true)
    const days = Math.round((Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse(newest.published!)) / 86_400_000)
    for (const lang of ['en', 'ko'] as const) {
      const { page, errors, close } = await openPage(t, { width: lang === 'en' ? 1366 : 390 })
      for (const p of await pages()) {
        await page.goto(lang === 'ko' ? `${p.path}${p.path.includes('?') ? '&' : '?'}lang=ko` : p.path)
        await page.waitForSelector(p.ready, { timeout: 15_000 })
        const line = page.locator('[data-testid=freshness]')
        await line.waitFor()
        const text = (await line.textContent())!
        expect(text, p.path).toContain(written(newest.published!, lang))
        expect(text, p.path).toContain(newest.publisher)
        if (newest.published!.length === 10) expect(text, p.path).toContain(lang === 'ko' ? `${days}일 전` : `${days} days ago`)
        expect(text, p.path).toMatch(lang === 'ko' ? /최근 기록된 보도/ : /Latest report recorded/)
        expect(await line.locator('a').getAttribute('href')).toBe(`/sources/${encodeURIComponent(newest.id)}`)
        if (p.name === 'overview' || p.name === 'map' || p.name === 'sources') await screenshot(page, `home-${p.name}-${lang}-${lang === 'en' ? 1366 : 390}`)
      }
      expect(errors).toEqual([])
      await close()
    }
  })

  it('links its data twin: JSON (and CSV where offered) that answer 200 and hold what the page shows', async () => {
    const { page, errors, close } = await openPage(t, { width: 1366 })
    const seen: string[] = []
    for (const p of await pages()) {
      await page.goto(p.path)
      await page.waitForSelector(p.ready, { timeout: 15_000 })
      const links = await page.locator('[data-testid=twins] a').evaluateAll((els) => els.map((a) => ({ format: a.getAttribute('data-twin')!, href: a.getAttribute('href')! })))
      expect(links.some((l) => l.format === 'json'), p.path).toBe(true)
      const got: Record<string, unknown> = {}
      const csvRows: Record<string, Record<string, string>[]> = {}
      for (const l of links) {
        const response = await fetch(`${t.url}${l.href}`)
        expect(response.status, l.href).toBe(200)
        const body = await response.text()
        if (l.format === 'csv') {
          expect(response.headers.get('content-type'), l.href).toMatch(/^text\/csv/)
          csvRows[l.href] = parse(body, { columns: true, bom: true }) as Record<string, string>[]
        } else {
          expect(response.headers.get('content-type'), l.href).toMatch(/json/)
          got[l.format] = JSON.parse(body)
        }
        seen.push(l.href)
      }
      const json = got.json as { items?: unknown[]; total?: number } & Record<string, unknown>
      const csv = Object.values(csvRows)[0]
      const count = (selector: string) => page.locator(selector).count()
      const body = (await page.locator('main').textContent()) ?? ''
      switch (p.name) {
        case 'overview': {
          const progress = json as unknown as { cumulative: { counted: number } }
          expect(await count('.grid-slots a.slot')).toBe(progress.cumulative.counted)
          expect(csv!.length).toBe((await api<{ total: number }>('/api/projects?limit=1')).total)
          break
        }
        case 'map': {
          const items = json.items as Proj[]
          expect(items.every((x) => x.year === 2025)).toBe(true)
          expect(await count('svg.country-map a[data-locality]')).toBe(new Set(items.filter((x) => x.locality.coord).map((x) => x.locality.id)).size)
          expect(csv!.length).toBe(json.total)
          const geo = got.geojson as { features: unknown[] }
          expect(geo.features.length).toBe(json.total)
          break
        }
        case 'explorer':
          expect(await count('table.data tbody tr')).toBe(Math.min(50, json.total!))
          expect(csv!.length).toBe(json.total)
          expect(csv!.every((r) => r.year === '2025')).toBe(true)
          break
        case 'timeline': {
          // Its projects first (JSON and CSV), then the events they are drawn with.
          const projects = await api<{ total: number; items: Proj[] }>(links.find((l) => l.format === 'json')!.href)
          expect(csv!.length).toBe(projects.total)
          expect(await count('svg.timeline-chart a.tl-row')).toBe(projects.items.filter((x) => x.year !== null).length)
          expect((json.items as unknown[]).length).toBe(json.total)
          break
        }
        case 'project':
          expect(json.id).toBe(songchon)
          expect(await count('.event-line .event')).toBe((json.events as unknown[]).length)
          break
        case 'locality':
          expect(json.id).toBe('south-pyongan.songchon')
          expect(body).toContain(json.plain as string)
          expect(csv!.length).toBe((json.projects as unknown[]).length)
          expect(await count('table.data tbody tr')).toBe(csv!.length)
          break
        case 'province': {
          const items = json.items as { id: string; projects: unknown[] }[]
          expect(items.length).toBe(json.total)
          for (const l of items.slice(0, 5)) expect(await count(`.locality-list a[href="/localities/${encodeURIComponent(l.id)}"]`)).toBeGreaterThan(0)
          expect(csv!.length).toBe(items.reduce((n, l) => n + l.projects.length, 0))
          break
        }
        case 'provinces':
          expect(await count('.bars li')).toBe(json.items!.length)
          expect(csv!.length).toBe(json.items!.length)
          break
        case 'sources':
          expect(await count('table.data tbody tr')).toBe(Math.min(100, json.total!))
          expect(csv!.length).toBe(json.total)
          break
        case 'source':
          expect(body).toContain(json.publisher as string)
          expect(body).toContain(json.title as string)
          expect((json.supports as unknown[]).length).toBeGreaterThan(0)
          break
        case 'about':
          expect(body).toContain(((json.items as { name: string }[])[0]!).name)
          break
      }
    }
    expect(seen.length).toBeGreaterThan(15)
    expect(errors).toEqual([])
    await close()
  })

  it('has no twin on pages without data of their own', async () => {
    const { page, close } = await openPage(t)
    await page.goto('/signin')
    await page.waitForSelector('form.signin-form')
    expect(await page.locator('[data-testid=twins]').count()).toBe(0)
    await close()
  })
})
