import fs from 'node:fs'
import { defineConfig } from 'vitest/config'

// The browser tests drive Debian's Chromium. Without it they are skipped with one line saying how
// to get it — outside CI only: in CI (CI set) a missing Chromium is an error, never a silent skip.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = (() => {
  try {
    fs.accessSync(chromiumPath, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
})()
const browserTests = fs
  .readdirSync('test/web')
  .filter((f) => f.endsWith('.test.ts') && fs.readFileSync(`test/web/${f}`, 'utf8').includes('startWebTest'))
  .map((f) => `test/web/${f}`)
if (!hasChromium) {
  if (process.env.CI) throw new Error(`CI is set but Chromium is not at ${chromiumPath}: .ci/run must install the chromium package`)
  process.stderr.write(`[tests] Chromium not found at ${chromiumPath}: the browser tests (${browserTests.length} files in test/web/) are SKIPPED — install it with "apt-get install chromium", or set CHROMIUM_PATH\n`)
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The load, crash and hostile-input tests have their own run: npm run test:reliability.
    exclude: ['**/node_modules/**', 'test/reliability/**', ...(hasChromium ? [] : browserTests)],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
})
