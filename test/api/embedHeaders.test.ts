/**
 * Framing rules: the embeds (/embed/*) may be framed by any site — `frame-ancestors *`, no
 * X-Frame-Options, a cross-origin resource policy so another site's <img> of a snapshot loads —
 * while every other route keeps `frame-ancestors 'self'` and X-Frame-Options. The embeds' static
 * snapshots (/embed/<name>.svg) carry the credit line with the data version and the canonical
 * address from TRACKER_PUBLIC_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledApp, type TestApp } from '../support/app.ts'

const publicUrl = 'https://tracker.example.org'
const songchon = '20x10.2024.south-pyongan.songchon'
let t: TestApp
let version: number
beforeAll(async () => {
  t = await bundledApp({ TRACKER_PUBLIC_URL: publicUrl })
  version = ((await (await t.app.request('/api/health')).json()) as { data_version: number }).data_version
}, 120_000)
afterAll(async () => t?.close())

const csp = (res: Response) => res.headers.get('content-security-policy') ?? ''
const withoutFrames = (policy: string) => policy.replace(/frame-ancestors [^;]*;?/, '')

describe('who may frame what', () => {
  it("keeps frame-ancestors 'self' and X-Frame-Options on every route but the embeds", async () => {
    for (const url of ['/', '/map', '/timeline', `/projects/${songchon}`, '/about', '/api/projects', '/api/health', '/embedded', '/embedx/progress', '/no/such/page']) {
      const res = await t.app.request(url)
      expect(csp(res), url).toContain("frame-ancestors 'self'")
      expect(csp(res), url).not.toContain('frame-ancestors *')
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN')
      expect(res.headers.get('cross-origin-resource-policy'), url).toBe('same-origin')
      await res.arrayBuffer()
    }
  })

  it('lets any site frame the embeds, with the rest of the policy unchanged', async () => {
    const page = csp(await t.app.request('/'))
    for (const url of ['/embed/progress', '/embed/grid', '/embed/map?year=2025', '/embed/timeline?lang=ko', `/embed/project/${songchon}`, '/embed/progress.svg', `/embed/project/${songchon}.svg`]) {
      const res = await t.app.request(url)
      expect(res.status, url).toBe(200)
      expect(csp(res), url).toContain('frame-ancestors *')
      expect(withoutFrames(csp(res)), url).toBe(withoutFrames(page))
      expect(res.headers.get('x-frame-options'), url).toBeNull()
      expect(res.headers.get('cross-origin-resource-policy'), url).toBe('cross-origin')
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff')
      await res.arrayBuffer()
    }
  })
})

describe('the static snapshots', () => {
  it('draw each embed as SVG with the credit line at the canonical address', async () => {
    const cases: [string, string][] = [
      ['/embed/progress.svg', `${publicUrl}/`],
      ['/embed/grid.svg', `${publicUrl}/`],
      ['/embed/map.svg', `${publicUrl}/map`],
      ['/embed/timeline.svg?year=2025', `${publicUrl}/timeline?year=2025`],
      [`/embed/project/${songchon}.svg`, `${publicUrl}/projects/${songchon}`],
    ]
    for (const [url, page] of cases) {
      const res = await t.app.request(url, { headers: { Host: 'evil.example' } })
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-type'), url).toBe('image/svg+xml; charset=utf-8')
      const body = await res.text()
      expect(body, url).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      expect(body, url).toContain('20×10 Tracker</tspan>')
      expect(body, url).toContain(`data version ${version}`)
      expect(body, url).toContain(`>${page}</text>`)
      expect(body, url).not.toContain('evil.example')
      expect(body, url).not.toMatch(/<script|on\w+=|href=/i)
    }
  })

  it('show the data: the progress figures, a square per counted locality, the project', async () => {
    const progress = (await (await t.app.request('/api/stats/progress')).json()) as { cumulative: { counted: number; by_status: Record<string, number> }; total_target: number }
    const bar = await (await t.app.request('/embed/progress.svg')).text()
    expect(bar).toContain(`${progress.cumulative.counted} of ${progress.total_target} localities started`)
    expect(bar).toContain(`${progress.cumulative.by_status.operational} operational`)
    const grid = await (await t.app.request('/embed/grid.svg')).text()
    const letters = [...grid.matchAll(/text-anchor="middle" fill="#fff">[OUPS?]</g)].length
    expect(letters).toBe(progress.cumulative.counted)
    const project = await (await t.app.request(`/embed/project/${songchon}.svg`)).text()
    expect(project).toContain('Songchon')
    expect(project).toContain('Groundbreaking: 2024-02-')
  })

  it('honour the map filters and refuse unknown projects', async () => {
    const circles = async (url: string) => [...(await (await t.app.request(url)).text()).matchAll(/<circle [^>]*fill-opacity="0.9"/g)].length
    const all = await circles('/embed/map.svg')
    const y2025 = await circles('/embed/map.svg?year=2025')
    expect(all).toBeGreaterThan(40)
    expect(y2025).toBeGreaterThan(10)
    expect(y2025).toBeLessThan(all)
    expect((await t.app.request('/embed/project/no.such.project.svg')).status).toBe(404)
    expect((await t.app.request('/embed/nothing.svg')).status).toBe(404)
  })
})
