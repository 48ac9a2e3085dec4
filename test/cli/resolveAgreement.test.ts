/**
 * `tracker resolve` and the web search (`/api/projects?q=`, `/api/localities?q=`, which the
 * explorer and the map call) agree on every input of the golden resolution table
 * (data/gazetteer/resolution-cases.json): the same place, read the same way, the same projects.
 *
 * The CLI side runs the real `resolve` command (its parsing, resolution and JSON output) in this
 * process, over the tracker the API serves: opening a database per input would take minutes.
 * A sample also runs as a separate `tracker` process, to show that the in-process answer is the
 * one a user gets.
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Tracker } from '../../src/service/tracker.ts'
import { bundledApp, type TestApp } from '../support/app.ts'
import { runCli } from '../support/cli.ts'
import { loadedDataDir } from '../support/template.ts'

let shared: Tracker | undefined
vi.mock('../../src/cli/session.ts', async (original) => ({
  ...(await original<typeof import('../../src/cli/session.ts')>()),
  withTracker: async <T>(_command: string, fn: (t: Tracker) => Promise<T>): Promise<T> => fn(shared!),
}))
const { buildProgram } = await import('../../src/cli/main.ts')

interface Case {
  text: string
  province: string | null
}
const cases = JSON.parse(fs.readFileSync(new URL('../../data/gazetteer/resolution-cases.json', import.meta.url), 'utf8')) as Case[]

/**
 * One text for both sides. The API reads hints from the text only, so a case's separate province
 * goes into the text the way sources write it: after the name in Latin or Cyrillic, before it in hangul.
 */
function asText(c: Case): string {
  if (!c.province) return c.text
  return /[\uac00-\ud7a3]/.test(c.text) ? `${c.province} ${c.text}` : `${c.text}, ${c.province}`
}

async function cliResolve(text: string): Promise<any> {
  let out = ''
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  try {
    await buildProgram().parseAsync(['node', 'tracker', 'resolve', text, '--json'])
  } finally {
    write.mockRestore()
    process.exitCode = undefined
  }
  return JSON.parse(out)
}

let t: TestApp
beforeAll(async () => {
  t = await bundledApp()
  shared = t.tracker
})
afterAll(async () => t?.close())

const get = async (url: string) => (await (await t.app.request(url)).json()) as any

describe('tracker resolve and /api/projects?q= agree', () => {
  it(`on every input of the golden table (${cases.length})`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(150)
    const s = await t.tracker.readModel.current()
    const localitiesOf = (level: string, id: string) => (level === 'province' ? s.dataset.localities.filter((l) => l.province === id).map((l) => l.id) : [id])
    const disagreements: string[] = []
    const seen = new Set<string>()
    for (const c of cases) {
      const text = asText(c)
      if (seen.has(text)) continue
      seen.add(text)
      const cli = await cliResolve(text)
      const q = encodeURIComponent(text)
      const projects = await get(`/api/projects?limit=1000&q=${q}`)
      const localities = await get(`/api/localities?limit=1000&q=${q}`)
      const r = projects.resolved
      const say = (what: string) => disagreements.push(`${text}: ${what} (cli ${cli.status}/${cli.method} ${cli.id ?? ''}; api ${r.method} ${r.place?.id ?? ''})`)
      expect(localities.resolved, text).toEqual(r)

      let expected: string[] | null = null
      if (cli.status === 'match') {
        if (r.method !== cli.method || r.place?.id !== cli.id || r.place?.level !== cli.level) say('different place or method')
        if ((r.did_you_mean !== null) !== (cli.method === 'fuzzy')) say('did-you-mean differs')
        expected = localitiesOf(cli.level, cli.id)
      } else if (cli.status === 'ambiguous') {
        const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort().join(',')
        if (r.method !== 'ambiguous' || ids(r.candidates) !== ids(cli.candidates)) say('different candidates')
        expected = [...new Set(cli.candidates.flatMap((x: { level: string; id: string }) => localitiesOf(x.level, x.id)))] as string[]
      } else if (r.method !== 'substring' || r.reason !== cli.reason) say('the API resolved what the CLI did not')

      if (expected) {
        const want = new Set(expected)
        const gotLocalities = localities.items.map((l: any) => l.id).sort()
        if (gotLocalities.join(',') !== [...want].sort().join(',')) say(`localities ${gotLocalities.join(',')} instead of ${[...want].sort().join(',')}`)
        const wantProjects = s.dataset.projects.filter((p) => want.has(p.locality_id)).map((p) => p.id).sort()
        const gotProjects = projects.items.map((p: any) => p.id).sort()
        if (gotProjects.join(',') !== wantProjects.join(',')) say(`projects ${gotProjects.join(',')} instead of ${wantProjects.join(',')}`)
      }
    }
    expect(disagreements).toEqual([])
    expect(seen.size).toBeGreaterThan(150)
  }, 240_000)

  it('answers in process as the real command does', async () => {
    const dir = loadedDataDir('tracker-agree-')
    try {
      const env = { TRACKER_DATA_DIR: dir, DATABASE_URL: undefined }
      // One of each kind: exact, a province-level unit, fuzzy, ambiguous, a hint in the text.
      const sample = ['Songchon', 'Pyongyang City', 'songchun', 'Unsan', 'Unsan County, South Pyongan', '成川郡']
      // One after another: the embedded database belongs to one process at a time.
      for (const text of sample) {
        const real = await runCli(['resolve', text, '--json'], { env })
        expect(real.stderr, text).toBe('')
        expect(JSON.parse(real.stdout), text).toEqual(await cliResolve(text))
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    // Six real processes, each opening an embedded database: slow on a loaded 2-core machine.
  }, 240_000)
})
