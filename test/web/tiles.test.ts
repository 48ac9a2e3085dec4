/**
 * The optional online tile layer: with TRACKER_TILE_URL set, the map draws Web Mercator tiles
 * under the outlines (the browser fetches them: the content security policy lets their origin
 * through) and shows the provider's credit; without it, nothing is fetched from elsewhere.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, startWebTest, type WebTest } from './support.ts'

// A 1×1 transparent PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
let tileServer: http.Server
const requested: string[] = []
let t: WebTest

beforeAll(async () => {
  tileServer = http.createServer((req, res) => {
    requested.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'image/png' }).end(png)
  })
  await new Promise<void>((r) => tileServer.listen(0, '127.0.0.1', () => r()))
  const port = (tileServer.address() as AddressInfo).port
  t = await startWebTest({ TRACKER_TILE_URL: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, TRACKER_TILE_ATTRIBUTION: '© Test Tiles' })
})
afterAll(async () => {
  await t?.close()
  tileServer?.close()
})

describe('online tile layer', () => {
  it('draws the configured tiles under the map and credits the provider', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/map')
    await page.waitForSelector('svg.country-map .tiles image')
    const hrefs = await page.locator('svg.country-map .tiles image').evaluateAll((els) => els.map((e) => e.getAttribute('href')))
    expect(hrefs.length).toBeGreaterThan(0)
    expect(hrefs.every((h) => /^http:\/\/127\.0\.0\.1:\d+\/\d+\/\d+\/\d+\.png$/.test(h ?? ''))).toBe(true)
    await expect.poll(() => requested.length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(requested.every((u) => /^\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true)
    await expect(page.locator('svg.country-map .tile-attribution').first().textContent()).resolves.toBe('© Test Tiles')
    expect(errors).toEqual([])
    await close()
  })
})
