import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import { afterAll, describe, expect, it, vi } from 'vitest'

// Each test spawns real `tracker` processes (a few seconds each on a loaded 2-core machine).
vi.setConfig({ testTimeout: 300_000 })
import { buildProgram } from '../../src/cli/main.ts'
import { mapLimit, runCli } from '../support/cli.ts'

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
    // Real processes for the program, a group and a command (exit code and stdout as a user sees
    // them); every command's help text is built in-process (the same code, without a process each).
    const spawned = await mapLimit([[], ['db'], ['review', 'accept']], 3, (p) => runCli([...p, '--help']))
    for (const r of spawned) {
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^Usage: tracker/)
    }
    for (const p of paths) {
      let cmd: Command = buildProgram()
      for (const name of p) cmd = cmd.commands.find((c) => c.name() === name)!
      const help = cmd.helpInformation()
      expect(help, `tracker ${p.join(' ')} --help`).toMatch(new RegExp(`^Usage: tracker${p.map((n) => ` ${n}`).join('')}`))
      expect(help.split('\n').length, `tracker ${p.join(' ')} --help`).toBeGreaterThan(3)
    }
  })

  it('exits 2 on an unknown command or option', async () => {
    const r = await runCli(['frobnicate'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown command/)
    expect((await runCli(['db', 'status', '--bogus'])).code).toBe(2)
  })

  it('reports every usage error in one line naming the help to read, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^tracker: unknown command 'frobnicate' \(commands: init, serve, db, .*\) \(see `tracker --help`\)$/],
      [[], /^tracker: give a command: init, serve, db, /],
      [['db'], /^tracker: db needs a command: migrate, status \(see `tracker db --help`\)$/],
      [['db', 'statu'], /^tracker: unknown command 'statu' \(commands: migrate, status\)/],
      [['db', 'status', '--bogus'], /^tracker: unknown option '--bogus' \(see `tracker db status --help`\)$/],
      [['user', 'add'], /^tracker: missing required argument 'name' \(see `tracker user add --help`\)$/],
      [['resolve', 'a', 'b'], /^tracker: too many arguments for 'resolve'/],
      [['export', '--format', 'xml', '--out', '-'], /^tracker: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are csv, json, geojson, datapackage\. \(see `tracker export --help`\)$/],
      [['export', '--out', '-'], /^tracker: required option '-f, --format <format>' not specified/],
    ]
    const results = await mapLimit(cases, 4, ([args]) => runCli(args))
    results.forEach((r, i) => {
      const label = `tracker ${cases[i]![0].join(' ')}`
      expect(r.code, label).toBe(2)
      expect(r.stderr.trimEnd().split('\n'), label).toHaveLength(1)
      expect(r.stderr.trimEnd(), label).toMatch(cases[i]![1])
    })
  })

  it('export --help lists for --table only the tables each format allows', async () => {
    const r = await runCli(['export', '--help'])
    const help = r.stdout.replace(/\s+/g, ' ')
    expect(help).toMatch(/csv: programs, provinces, localities, sources, projects, events, claims \(default: all, as a zip or directory\); geojson: projects, localities \(default: projects\); json and datapackage take none/)
    expect(help).not.toMatch(/choices: "programs"/)
  })

  it('db status on a new data directory says there is no database and creates nothing; other commands say they create it', async () => {
    const dataDir = path.join(tempDir(), 'new')
    const env = { TRACKER_DATA_DIR: dataDir, DATABASE_URL: undefined }
    const text = await runCli(['db', 'status'], { env })
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/there is no database here yet \(nothing was created\): `tracker init` or `npm start` creates it/)
    const json = await runCli(['db', 'status', '--json'], { env })
    expect(JSON.parse(json.stdout)).toMatchObject({ engine: 'pglite', exists: false, schema_version: 0, data_version: null, counts: {} })
    expect(fs.existsSync(dataDir)).toBe(false)
    const resolved = await runCli(['resolve', 'Jongphyong'], { env })
    expect(resolved.code, resolved.stderr).toBe(0)
    expect(resolved.stderr).toMatch(/no database in .*new yet: creating it/)
    expect(resolved.stderr).toMatch(/loading the bundled 20×10 dataset/)
    const after = await runCli(['db', 'status', '--json'], { env })
    expect(JSON.parse(after.stdout)).toMatchObject({ exists: true, data_version: 1 })
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
