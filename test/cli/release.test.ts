/** `tracker release` as a user runs it: help, a release on a new data directory, a taken version refused, the list, and a running server's database left alone. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../support/cli.ts'
import { loadedDataDir } from '../support/template.ts'

vi.setConfig({ testTimeout: 300_000 })

let dir: string
const env = () => ({ TRACKER_DATA_DIR: dir, DATABASE_URL: undefined, TRACKER_RELEASES_DIR: undefined, TRACKER_TODAY: '2026-11-25', TRACKER_PUBLIC_URL: 'https://tracker.example.org' })

beforeAll(() => {
  dir = loadedDataDir('tracker-release-cli-')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('tracker release', () => {
  it('--help says what it writes, where, and how to go through a running server', async () => {
    const r = await runCli(['release', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('-v, --version <version>')
    expect(r.stdout).toContain('TRACKER_RELEASES_DIR')
    expect(r.stdout).toContain('/api/releases')
    // The program's own version is still `tracker -V`.
    expect((await runCli(['-V'])).stdout.trim()).toBe('0.1.0')
  })

  it('makes a release of a new database, with progress on stderr and files sha256sum accepts', async () => {
    const r = await runCli(['release', '--comment', 'first cut'], { env: env(), timeoutMs: 180_000 })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`release 2026-11-25 (2026-11-25, data version`)
    expect(r.stdout).toContain(`written to ${path.join(dir, 'releases', '2026-11-25')}`)
    expect(r.stdout).toMatch(/the first release: \d+ records/)
    expect(r.stderr).toContain('freezing data version')
    const folder = path.join(dir, 'releases', '2026-11-25')
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' })).toContain('release.json: OK')
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'release.json'), 'utf8'))
    expect(manifest).toMatchObject({ version: '2026-11-25', comment: 'first cut', by: 'cli', url: 'https://tracker.example.org/releases/2026-11-25' })
  })

  it('refuses a version that exists with exit 2 and one line, then lists the releases', async () => {
    const folder = path.join(dir, 'releases', '2026-11-25')
    const before = fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')
    const r = await runCli(['release', '--version', '2026-11-25'], { env: env(), timeoutMs: 180_000 })
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('tracker: release 2026-11-25 exists already')])
    expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toBe(before)
    const bad = await runCli(['release', '--version', '../up'], { env: env() })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/is not a version/)
    const list = await runCli(['release', '--list', '--json'], { env: env() })
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 1, items: [{ version: '2026-11-25', sequence: 1 }] })
  })

  it('stops with a message saying how to release through the server that holds the database', async () => {
    // A lock as `tracker serve` leaves it, held by a live process (this test's).
    fs.writeFileSync(path.join(dir, 'tracker.lock'), JSON.stringify({ pid: process.pid, command: 'serve', started_at: new Date().toISOString(), url: 'http://127.0.0.1:8999' }))
    try {
      const r = await runCli(['release'], { env: env(), timeoutMs: 180_000 })
      expect(r.code).toBe(1)
      expect(r.stderr.trim()).toBe(
        `tracker: the database in ${dir} is in use by a tracker server (pid ${process.pid}, http://127.0.0.1:8999); stop it and run \`tracker release\` again, or make the release through it: POST http://127.0.0.1:8999/api/releases as an editor (see \`tracker release --help\`)`,
      )
      expect(fs.readdirSync(path.join(dir, 'releases'))).toEqual(['2026-11-25'])
    } finally {
      fs.rmSync(path.join(dir, 'tracker.lock'), { force: true })
    }
  })
})
