/**
 * Browser test of "Latest changes" on the overview: each write says how many records it touched
 * in all (the initial load's true count, not the 100 revisions one page holds) and links to the
 * pages it is about by their titles ("Musan County … (2026)", hangul in Korean), at 1366 and
 * 390 px in English and Korean (screenshots in test/artifacts/); and the API's `batches` and
 * `subject` behind them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
let token: string
const musan = '20x10.2026.north-hamgyong.musan'
let initialRecords = 0

beforeAll(async () => {
  t = await startWebTest()
  const db = t.server.tracker.store.db
  await createAccount(db, 'cora', 'editor', 'cora-editor-password-1')
  token = await createApiToken(db, 'cora', 'tests')
  // What the initial load wrote, counted in the database itself.
  const rows = await db.selectFrom('revisions').select(['entity_type', 'entity_id']).distinct().where('comment', '=', 'Initial load of the bundled dataset').execute()
  initialRecords = rows.length
  const source = ((await (await fetch(`${t.url}/api/sources?q=musan&limit=1`)).json()) as { items: { id: string; published: string }[] }).items[0]!
  const res = await fetch(`${t.url}/api/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ project: musan, type: 'leader_visit', label: 'test visit', date: source.published.slice(0, 7), source: source.id, comment: 'a visit reported' }),
  })
  expect(res.status).toBe(201)
})
afterAll(async () => t?.close())

describe('Latest changes', () => {
  it('gives the true size of each write, by type, in the API', async () => {
    const body = (await (await fetch(`${t.url}/api/changes?limit=100`)).json()) as {
      items: { batch: string; comment: string; subject: { type: string; page: string; title: string; locality: { hangul: string } | null; year: number | null } | null }[]
      batches: { batch: string; records: number; by_type: Record<string, number> }[]
    }
    expect(initialRecords).toBeGreaterThan(900)
    const initialBatch = body.items.find((i) => i.comment === 'Initial load of the bundled dataset')!.batch
    const initial = body.batches.find((b) => b.batch === initialBatch)!
    expect(initial.records).toBe(initialRecords)
    expect(Object.values(initial.by_type).reduce((a, b) => a + b, 0)).toBe(initialRecords)
    expect(initial.by_type.project).toBeGreaterThan(50)
    const edit = body.items.filter((i) => i.comment === 'a visit reported')
    expect(body.batches.find((b) => b.batch === edit[0]!.batch)).toMatchObject({ records: 2, by_type: { event: 1, claim: 1 } })
    for (const item of edit) expect(item.subject).toMatchObject({ type: 'project', page: `/projects/${musan}`, title: 'Musan County 2026', locality: { hangul: '무산군' }, year: 2026 })
  })

  it('titles Atom entries in words and links them to the web pages', async () => {
    const xml = await (await fetch(`${t.url}/api/changes.atom?limit=5`)).text()
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!)
    expect(entries.length).toBe(5)
    const visit = entries.filter((e) => e.includes('a visit reported'))
    expect(visit.length).toBe(2)
    for (const e of visit) {
      const title = /<title>(.*)<\/title>/.exec(e)![1]!
      expect(title).toMatch(/^Musan County 2026(, leader visit \(test visit\))?: /)
      expect(title).not.toMatch(/c-[0-9a-f]{6}|~|20x10\./)
      expect(e).toMatch(new RegExp(`<link rel="alternate" type="text/html" href="[^"]*/projects/${musan.replaceAll('.', '\\.')}"/>`))
    }
  })

  for (const lang of ['en', 'ko'] as const) {
    it(`says how many records each write touched and links to the pages by their titles (${lang})`, async () => {
      for (const width of [1366, 390]) {
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        await page.goto(lang === 'ko' ? '/?lang=ko' : '/')
        const list = page.locator('section.changes .change-list')
        await list.locator('li').first().waitFor()
        const [edit, load] = [list.locator('li').nth(0), list.locator('li', { hasText: 'Initial load of the bundled dataset' })]
        const link = edit.locator('a')
        await expect(link.getAttribute('href')).resolves.toBe(`/projects/${musan}`)
        const title = await link.textContent()
        if (lang === 'en') {
          expect(title).toBe('Musan County hospital, leisure complex and regional-industry factories (2026)')
          await expect(edit.locator('.change-what').textContent()).resolves.toMatch(/^2 records: 1 event, 1 claim \(/)
          await expect(load.locator('.change-what').textContent()).resolves.toContain(`${initialRecords.toLocaleString('en-GB')} records:`)
        } else {
          expect(title).toMatch(/^무산군 .+지방공업공장 \(2026년\)$/)
          await expect(load.locator('.change-what').textContent()).resolves.toContain(`기록 ${initialRecords.toLocaleString('ko-KR')}건`)
        }
        expect(await list.textContent()).not.toMatch(/\d\+|north-hamgyong|20x10\./)
        await page.locator('section.changes').scrollIntoViewIfNeeded()
        await screenshot(page, `changes-${width}-${lang}`, { fullPage: false })
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
        expect(scroll).toBeLessThanOrEqual(inner)
        expect(errors).toEqual([])
        await close()
      }
    })
  }
})
