/**
 * @module Browser-test support: a tracker server started in-process on a throwaway data directory
 * (one per test file), Debian's Chromium driven by playwright-core, a page that records console
 * errors, and the screenshot folder (test/artifacts/, not committed).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { loadConfig } from '../../src/config/config.ts'
import { startServer, type RunningServer } from '../../src/api/server.ts'
import { loadedDataDir } from '../support/template.ts'

const repo = fileURLToPath(new URL('../../', import.meta.url))
export const artifacts = path.join(repo, 'test/artifacts')
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

/** Builds the web app when this checkout has no build yet (`npm test` builds before the tests run). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(repo, 'dist/web/index.html'))) return
  execFileSync(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' })
}

export interface WebTest {
  server: RunningServer
  browser: Browser
  url: string
  dataDir: string
  close(): Promise<void>
}

export async function startWebTest(env: Record<string, string> = {}): Promise<WebTest> {
  ensureBuilt()
  const dataDir = loadedDataDir('tracker-web-')
  const server = await startServer(loadConfig({ TRACKER_DATA_DIR: dataDir, PORT: '0', TRACKER_LOG_LEVEL: 'silent', ...env }))
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
  } catch (error) {
    await server.shutdown()
    throw error
  }
  return {
    server,
    browser,
    url: server.url,
    dataDir,
    async close() {
      await browser.close().catch(() => {})
      await server.shutdown()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface WatchedPage {
  page: Page
  context: BrowserContext
  /** Console errors and uncaught exceptions so far (a 404 of the optional changes feed excepted). */
  errors: string[]
  close(): Promise<void>
}

/** `touch`: a touch screen (touch and pointer events from page.touchscreen or CDP Input.dispatchTouchEvent). */
export async function openPage(t: WebTest, options: { width?: number; height?: number; downloads?: boolean; touch?: boolean } = {}): Promise<WatchedPage> {
  const context = await t.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, baseURL: t.url, acceptDownloads: options.downloads ?? false, hasTouch: options.touch ?? false })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const where = m.location().url ?? ''
    if (/Failed to load resource/.test(m.text()) && where.includes('/api/changes')) return
    errors.push(`${m.text()} (${where})`)
  })
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`))
  return { page, context, errors, close: () => context.close() }
}

/** Saves a screenshot of the whole page (or, with `fullPage: false`, of what the window shows). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: options.fullPage ?? true })
}
