/** Hardening (issue 11): bad input that used to be a 500, zip bombs, formula cells, the Atom feed, unknown query parameters. */
import { SaxesParser } from 'saxes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatLogLine } from '../../src/api/log.ts'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { bundledApp, type TestApp } from '../support/app.ts'
import { bombZip } from '../support/zipBomb.ts'

let t: TestApp
let editor: string
beforeAll(async () => {
  t = await bundledApp({ TRACKER_PUBLIC_URL: 'https://tracker.example.org' })
  await createAccount(t.tracker.store.db, 'ed', 'editor', 'editor-password-1')
  editor = await createApiToken(t.tracker.store.db, 'ed', 'limits test')
})
afterAll(async () => t?.close())

const post = (url: string, body: BodyInit | Uint8Array, headers: Record<string, string> = {}) => t.app.request(url, { method: 'POST', body: body as BodyInit, headers })

describe('bad input is a 4xx, never a 500', () => {
  it('a claim with a status outside the vocabulary is 400', async () => {
    const r = await post('/api/claims', JSON.stringify({ subject_type: 'project', subject_id: '20x10.2024.south-pyongan.songchon', field: 'status', value: 'finished', source: 'wikipedia-20x10-policy', comment: 'test' }), { 'content-type': 'application/json', authorization: `Bearer ${editor}` })
    expect(r.status).toBe(400)
    expect((await r.json()).error.message).toMatch(/status/)
  })

  it('a 600 KB wiki preview of repeated "a :" in Key Dates is 400 with at most 100 problems listed', async () => {
    const row = `=== 2024 (First year) ===\n| Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes |\n| Songchon County | South Pyongan Province | Factories | Operational | ${'a :'.repeat(200_000)} | |\n`
    const r = await post('/api/import?format=wiki', row, { 'content-type': 'text/plain' })
    expect(r.status).toBe(400)
    const body = await r.json()
    expect(body.error.details.length).toBeLessThanOrEqual(101)
    expect(body.error.details.at(-1).message).toMatch(/more problem/)
  })

  it('a zip with a 1 GB entry is 413, and one whose header lies is stopped at the cap while inflating', async () => {
    const big = await bombZip([{ name: 'claims.csv', bytes: 1024 ** 3 }])
    const r = await post('/api/import?format=csv', big, { 'content-type': 'application/zip' })
    expect(r.status).toBe(413)
    expect((await r.json()).error.message).toMatch(/TRACKER_MAX_ZIP_ENTRY_BYTES/)
    const lying = await bombZip([{ name: 'claims.csv', bytes: 60 * 1024 ** 2, declaredSize: 100 }])
    const l = await post('/api/import?format=csv', lying, { 'content-type': 'application/zip' })
    expect(l.status).toBe(413)
  })
})

describe('a request refused before its body is read closes its connection', () => {
  it('a body over the limit is 413 with Connection: close, so a keep-alive client does not reuse the socket', async () => {
    const r = await t.app.request('/api/import?format=csv', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain', 'content-length': String(t.tracker.config.maxBodyBytes + 1) } })
    expect(r.status).toBe(413)
    expect(r.headers.get('connection')).toBe('close')
    const fine = await t.app.request('/api/health')
    expect(fine.headers.get('connection')).toBeNull()
  })
})

describe('output is safe where it lands', () => {
  it('CSV cells that would start a formula get a quote; JSON stays exact; re-import gives the value back', async () => {
    const created = await post('/api/sources', JSON.stringify({ id: 'formula-test', kind: 'news', publisher: "=cmd|' /C calc'!A0", title: '+1+1', comment: 'formula test' }), { 'content-type': 'application/json', authorization: `Bearer ${editor}` })
    expect(created.status, await created.clone().text()).toBe(201)
    const csv = await (await t.app.request('/api/export/sources.csv')).text()
    expect(csv).toMatch(/,'=cmd\|' \/C calc'!A0,/)
    expect(csv).toContain(`'+1+1`)
    const json = await (await t.app.request('/api/export/dataset.json')).text()
    expect(json).toContain(`"=cmd|' /C calc'!A0"`)
    const preview = await post('/api/import?format=csv&name=sources.csv', csv, { 'content-type': 'text/plain' })
    const p = await preview.json()
    expect(p.change.filter((c: { id: string }) => c.id === 'formula-test')).toEqual([])
  })

  it('the Atom feed parses with a strict XML parser despite U+0001, links come from TRACKER_PUBLIC_URL, not Host', async () => {
    const project = await (await t.app.request('/api/projects/20x10.2024.south-pyongan.songchon')).json()
    const r = await t.app.request('/api/projects/20x10.2024.south-pyongan.songchon', { method: 'PATCH', body: JSON.stringify({ notes: 'x', comment: 'bad \u0001 char' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}`, 'if-match': String(project.version) } })
    expect(r.status, await r.clone().text()).toBe(200)
    const feed = await (await t.app.request('http://evil.example/api/changes.atom', { headers: { host: 'evil.example' } })).text()
    const parser = new SaxesParser()
    expect(() => parser.write(feed).close()).not.toThrow()
    expect(feed).not.toContain('evil.example')
    expect(feed).toContain('https://tracker.example.org/projects/20x10.2024.south-pyongan.songchon')
    expect(feed).toMatch(/<title>Songchon County 2024: notes changed<\/title>/)
  })

  it('a log value with a newline and ANSI escapes stays on one line', () => {
    const line = formatLogLine('warn', 'failed sign-in for "x\nlevel=info msg=forged \u001b[31m"')
    expect(line.split('\n')).toHaveLength(1)
    expect(line).not.toContain('\u001b')
  })
})

describe('unknown query parameters', () => {
  it('are 400 naming them', async () => {
    const r = await t.app.request('/api/projects?yaer=2024&cb=1')
    expect(r.status).toBe(400)
    expect((await r.json()).error.message).toMatch(/yaer, cb/)
  })
})
