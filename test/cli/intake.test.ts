/**
 * `tracker intake` and `tracker review` as a user runs them (real processes, a real embedded
 * database): a dry run writes nothing, an intake queues the report's proposals, taking the same
 * file again changes nothing, and review lists, accepts (writing a claim) and rejects; bad input
 * is one line on stderr and exit 2.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../support/cli.ts'
import { copyLoadedDataTo } from '../support/template.ts'

vi.setConfig({ testTimeout: 300_000 })

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-intake-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const env = { TRACKER_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: undefined }
copyLoadedDataTo(env.TRACKER_DATA_DIR)
const report = path.join(dir, 'report.txt')
// In our own words, in the form of a state-media report: one confirms the record, one is new.
fs.writeFileSync(
  report,
  [
    'Pyongyang, January 21 (KCNA) -- Newly built regional-industry factories were inaugurated in Onchon County, Nampo City, on January 20.',
    'A groundbreaking ceremony for regional-industry factories took place in Hoeyang County, Kangwon Province, on January 19.',
  ].join('\n'),
)
const cli = (args: string[]) => runCli(args, { env, timeoutMs: 120_000 })

describe('tracker intake and review', () => {
  it('--dry-run prints the proposals and writes nothing; intake queues them once; the same file again changes nothing', async () => {
    const dry = await cli(['intake', report, '--published', '2025-01-21', '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    const preview = JSON.parse(dry.stdout)
    expect(preview.dry_run).toBe(true)
    expect(preview.results[0].proposals.map((p: any) => [p.id, p.match.kind, p.event.locality])).toEqual([
      [null, 'confirms', 'nampo.onchon'],
      [null, 'new_project', 'kangwon.hoeyang'],
    ])
    const empty = JSON.parse((await cli(['review', 'list', '--state', 'all', '--json'])).stdout)
    expect(empty).toEqual({ items: [], total: 0 })

    const queued = await cli(['intake', report, '--published', '2025-01-21', '--source-url', 'https://kcna.example/en/a/onchon.html'])
    expect(queued.code, queued.stderr).toBe(0)
    expect(queued.stdout).toMatch(/queued {2}.*report\.txt as r-[0-9a-f]{16}: KCNA · 2025-01-21: 2 proposal\(s\) \(1 confirms, 1 new_project\)/)
    expect(queued.stdout).toMatch(/1 report\(s\) queued, 0 already taken in, 0 failed; 2 proposal\(s\) pending review/)

    const again = await cli(['intake', report, '--published', '2025-01-21'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/already taken in .* nothing added/)
    expect(again.stdout).toMatch(/0 report\(s\) queued, 1 already taken in, 0 failed; 2 proposal\(s\) pending review/)
  })

  it('review lists the pending proposals, accepts one into the record and rejects one with a reason', async () => {
    const list = JSON.parse((await cli(['review', 'list', '--json'])).stdout)
    expect(list.total).toBe(2)
    const confirms = list.items.find((p: any) => p.match.kind === 'confirms')
    const other = list.items.find((p: any) => p.match.kind === 'new_project')
    expect(confirms.report.url).toBe('https://kcna.example/en/a/onchon.html')

    const accepted = await cli(['review', 'accept', String(confirms.id), '--json'])
    expect(accepted.code, accepted.stderr).toBe(0)
    expect(JSON.parse(accepted.stdout).records).toEqual([expect.stringMatching(/^claim:/)])

    const noReason = await cli(['review', 'reject', String(other.id), '--reason', ''])
    expect(noReason.code).toBe(2)
    expect(noReason.stderr).toMatch(/^tracker: reason: say in a few words why/)
    const rejected = await cli(['review', 'reject', String(other.id), '--reason', 'not yet confirmed by a second source'])
    expect(rejected.code, rejected.stderr).toBe(0)
    expect(rejected.stdout).toMatch(`rejected proposal ${other.id}: not yet confirmed by a second source`)

    const after = JSON.parse((await cli(['review', 'list', '--state', 'all', '--json'])).stdout)
    expect(after.items.map((p: any) => [p.id, p.state, p.decided_by]).sort()).toEqual([
      [confirms.id, 'accepted', 'cli'],
      [other.id, 'rejected', 'cli'],
    ].sort())
    const twice = await cli(['review', 'accept', String(other.id)])
    expect(twice.code).toBe(1)
    expect(twice.stderr.trim()).toBe(`tracker: proposal ${other.id} was already rejected by cli`)
  })

  it('bad input is one line on stderr, exit 2, nothing written', async () => {
    const badDate = await cli(['intake', report, '--published', 'yesterday'])
    expect(badDate.code).toBe(2)
    expect(badDate.stderr.trim()).toBe('tracker: --published: "yesterday" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)')
    const notFeed = path.join(dir, 'page.xml')
    fs.writeFileSync(notFeed, '<?xml version="1.0"?><catalog><book>no feed here</book></catalog>')
    const r = await cli(['intake', notFeed])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/^tracker: not an RSS, Atom or JSON feed: the document is XML of another kind/)
    const badEdit = await cli(['review', 'accept', '1', '--edit', 'colour=red'])
    expect(badEdit.code).toBe(2)
    expect(badEdit.stderr).toMatch(/--edit: unknown field "colour"/)
    expect(JSON.parse((await cli(['review', 'list', '--state', 'all', '--json'])).stdout).total).toBe(2)
  })
})
