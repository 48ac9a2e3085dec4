import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import { afterAll, describe, expect, it } from 'vitest'
import { buildProgram } from '../../src/cli/main.ts'
import { runCli } from '../support/cli.ts'

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])])
}

const dirs: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-cli-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('tracker CLI', () => {
  it('prints help for the program and every command, exit 0', async () => {
    const paths = [[], ...commandPaths(buildProgram())]
    expect(paths.length).toBeGreaterThan(4)
    const results = await Promise.all(paths.map((p) => runCli([...p, '--help'])))
    results.forEach((r, i) => {
      expect(r.code, `tracker ${paths[i]!.join(' ')} --help`).toBe(0)
      expect(r.stdout).toMatch(/^Usage: tracker/)
    })
  })

  it('exits 2 on an unknown command or option', async () => {
    const r = await runCli(['frobnicate'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown command/)
    expect((await runCli(['db', 'status', '--bogus'])).code).toBe(2)
  })

  it('reports an unreachable DATABASE_URL in one clear line, exit 2', async () => {
    const r = await runCli(['db', 'status'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' } })
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^tracker: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x \(DATABASE_URL\): connection refused/)
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/)
  })

  it('rejects a malformed DATABASE_URL and an unwritable data directory with exit 2', async () => {
    const bad = await runCli(['db', 'status'], { env: { DATABASE_URL: 'mysql://x@y/z' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/DATABASE_URL must start with postgres:\/\//)
    const file = path.join(tempDir(), 'not-a-dir')
    fs.writeFileSync(file, '')
    const r = await runCli(['db', 'status'], { env: { TRACKER_DATA_DIR: file, DATABASE_URL: undefined } })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^tracker: TRACKER_DATA_DIR=.* cannot be used/)
    const port = await runCli(['serve'], { env: { PORT: 'eighty' } })
    expect(port.code).toBe(2)
    expect(port.stderr).toMatch(/PORT=eighty is not valid/)
  })

  it('init creates and loads the embedded database once; db status reports it', async () => {
    const env = { TRACKER_DATA_DIR: tempDir(), DATABASE_URL: undefined }
    const first = await runCli(['init', '--json'], { env })
    expect(first.code, first.stderr).toBe(0)
    const result = JSON.parse(first.stdout)
    expect(result.engine).toBe('pglite')
    expect(result.counts.projects).toBeGreaterThanOrEqual(65)
    expect(result.counts.localities).toBeGreaterThanOrEqual(190)
    const second = await runCli(['init'], { env })
    expect(second.stdout).toMatch(/already initialized/)
    const status = await runCli(['db', 'status', '--json'], { env })
    expect(JSON.parse(status.stdout)).toMatchObject({ engine: 'pglite', pending: [], data_version: 1 })
    const migrated = await runCli(['db', 'migrate'], { env })
    expect(migrated.stdout).toMatch(/schema is up to date/)
  })
})
