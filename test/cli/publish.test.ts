/** `tracker publish` as a user runs it: its help, a run with progress on stderr and a --json summary, a second run that changes nothing, and bad input refused with exit 2. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../support/cli.ts'
import { copyLoadedDataTo } from '../support/template.ts'
import { ensureBuilt } from '../web/support.ts'

vi.setConfig({ testTimeout: 300_000 })

let dir: string
const env = () => ({ TRACKER_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: undefined, TRACKER_TODAY: '2026-11-25', TRACKER_PUBLIC_URL: 'https://tracker.example.org' })

beforeAll(() => {
  ensureBuilt()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-publish-cli-'))
  copyLoadedDataTo(path.join(dir, 'data'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('tracker publish', () => {
  it('says what it does in --help', async () => {
    const help = await runCli(['publish', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--out <dir>')
    expect(help.stdout).toContain('--base-url <url>')
    expect(help.stdout).toContain('--json')
  })

  it('writes the copy with progress on stderr and a summary; a second run changes nothing', async () => {
    const out = path.join(dir, 'site')
    const first = await runCli(['publish', '--out', out, '--base-url', 'https://example.org/tracker/', '--json'], { env: env(), timeoutMs: 280_000 })
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain('writing')
    const summary = JSON.parse(first.stdout)
    expect(summary).toMatchObject({ base_path: '/tracker/', base_url: 'https://example.org/tracker/', removed: 0 })
    expect(summary.changed).toBe(summary.files)
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    // The copy knows its own address (for the Embed snippets) and the live tracker's.
    expect(index).toContain('<meta name="tracker-static" content="/tracker/" data-url="https://example.org/tracker/" data-live="https://tracker.example.org" />')
    expect(index).toMatch(/src="\/tracker\/assets\//)
    expect(fs.existsSync(path.join(out, 'projects', 'index.html'))).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(out, 'api', 'config.json'), 'utf8')).public_url).toBe('https://example.org/tracker')
    expect(fs.readFileSync(path.join(out, 'api', 'export', 'projects.csv'), 'utf8').split('\n')[0]).toMatch(/^id,/)
    const again = await runCli(['publish', '--out', out, '--base-url', 'https://example.org/tracker/'], { env: env(), timeoutMs: 280_000 })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/unchanged \(\d+ files/)
  })

  it('refuses a bad address or a directory that is not a copy, exit 2, and writes nothing', async () => {
    const bad = await runCli(['publish', '--out', path.join(dir, 'x'), '--base-url', 'ftp://example.org/'], { env: env() })
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toContain('must be an http or https address')
    const mine = path.join(dir, 'mine')
    fs.mkdirSync(mine)
    fs.writeFileSync(path.join(mine, 'notes.txt'), 'keep')
    const refused = await runCli(['publish', '--out', mine], { env: env() })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('not a published copy')
    expect(fs.readdirSync(mine)).toEqual(['notes.txt'])
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false)
    const missing = await runCli(['publish'], { env: env() })
    expect(missing.code).toBe(2)
  })
})
