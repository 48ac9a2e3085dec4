/**
 * Releases on both engines: two releases with an editor's edit between them give a changelog of
 * exactly that edit; a release's files match its SHA256SUMS and never change afterwards (a second
 * release and further edits leave the first byte-identical); an existing version is refused;
 * unknown versions and files, and names that try to leave the release folder, are 404 in the
 * API's error shape; the files are served with their content type, sha256 ETag and immutable
 * caching; a second instance on the same PostgreSQL and releases directory lists the same releases.
 * A release made through the API keeps a copy of the site (site/, in SHA256SUMS): served at
 * /releases/{version}/site/…, its pages and JSON show the record as released, not as edited since,
 * and no address under it reads anything the copy does not list.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { loadConfig } from '../../src/config/config.ts'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { createRelease } from '../../src/service/release.ts'
import { citationTitle } from '../../src/service/releaseDocuments.ts'
import { releasesDir } from '../../src/service/releaseStore.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { citeApa } from '../../src/web/cite.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'
import { ensureBuilt } from '../web/support.ts'

const songchon = '20x10.2024.south-pyongan.songchon'
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

/** Every file of a folder (and its sub-folders), by relative path. */
function filesOf(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name
    return e.isDirectory() ? filesOf(dir, r) : [r]
  })
}

/** Every file of a folder with its bytes' hash. */
function folderHashes(dir: string): Record<string, string> {
  return Object.fromEntries(filesOf(dir).sort().map((n) => [n, sha(fs.readFileSync(path.join(dir, n)))]))
}

function checkSums(folder: string): void {
  const lines = fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8').trim().split('\n')
  const listed = lines.map((l) => {
    const [hash, name] = l.split(/ {2}/)
    expect(sha(fs.readFileSync(path.join(folder, name!))), name).toBe(hash)
    return name
  })
  expect(listed.sort()).toEqual(filesOf(folder).filter((n) => n !== 'SHA256SUMS').sort())
}

describe.each(engines())('releases on %s', (engine) => {
  let db: TestDatabase
  let tracker: Tracker
  let app: App
  let token: string
  let dir: string
  const extraDir = engine === 'postgres' ? fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-releases-')) : null

  beforeAll(async () => {
    ensureBuilt() // a release keeps a copy of the built site
    db = await freshDatabase(engine, { TRACKER_PUBLIC_URL: 'https://tracker.example.org', TRACKER_TODAY: '2026-12-01', ...(extraDir ? { TRACKER_RELEASES_DIR: extraDir } : {}) })
    tracker = await openTracker(db.config)
    app = createApp({ tracker, log: createLogger('silent') })
    await createAccount(tracker.store.db, 'rel-editor', 'editor', 'release-editor-password')
    token = await createApiToken(tracker.store.db, 'rel-editor', 'tests')
    dir = releasesDir(tracker.config)
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
    if (extraDir) fs.rmSync(extraDir, { recursive: true, force: true })
  })

  const call = async (method: string, url: string, opts: { body?: unknown; ifMatch?: number; auth?: boolean; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.auth !== false && method !== 'GET') headers.authorization = `Bearer ${token}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    if (opts.ifMatch !== undefined) headers['if-match'] = String(opts.ifMatch)
    const res = await app.request(url, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) })
    const bytes = Buffer.from(await res.arrayBuffer())
    const type = res.headers.get('content-type') ?? ''
    return { status: res.status, headers: res.headers, bytes, body: type.startsWith('application/json') && bytes.length ? JSON.parse(bytes.toString('utf8')) : null }
  }

  it('two releases with one edit between them: the changelog lists exactly that edit, and the first release never changes', async () => {
    expect((await call('GET', '/api/releases')).body).toEqual({ items: [], total: 0 })
    expect((await call('POST', '/api/releases', { body: { comment: 'first' }, auth: false })).status).toBe(401)

    const first = await call('POST', '/api/releases', { body: { comment: 'The first release' } })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ version: '2026-12-01', sequence: 1, previous: null, date: '2026-12-01', comment: 'The first release', by: 'rel-editor', url: 'https://tracker.example.org/releases/2026-12-01' })
    expect(first.body.changes.total.change).toBe(0)
    expect(first.body.changes.total.add).toBe(Object.values(first.body.counts as Record<string, number>).reduce((a, b) => a + b, 0))
    const firstDir = path.join(dir, '2026-12-01')
    checkSums(firstDir)
    const frozen = folderHashes(firstDir)
    // With the site as it was: its files are in SHA256SUMS (checked above) and counted in the manifest.
    expect(first.body.site).toMatchObject({ path: 'site/', url: 'https://tracker.example.org/releases/2026-12-01/site/', data_version: first.body.data_version, linked: 0 })
    expect(Object.keys(frozen).filter((n) => n.startsWith('site/')).length).toBe(first.body.site.files)
    expect(frozen[`site/projects/${songchon}/index.html`]).toBeDefined()

    const before = (await call('GET', `/api/projects/${songchon}`)).body
    const edit = await call('PATCH', `/api/projects/${songchon}`, { body: { notes: 'Checked against the second report.', comment: 'note for the release test' }, ifMatch: before.version })
    expect(edit.status).toBe(200)

    const second = await createRelease(tracker, { version: '2.0', comment: 'after one edit' })
    expect(second).toMatchObject({ version: '2.0', sequence: 2, previous: '2026-12-01', changes: { total: { add: 0, change: 1, remove: 0 }, tables: { projects: { add: 0, change: 1, remove: 0 } } } })
    const changes = await call('GET', '/api/releases/2.0/changes')
    expect(changes.body).toEqual({ items: [{ op: 'change', table: 'projects', id: songchon, label: 'Songchon 2024', field: 'notes', old: before.notes, new: 'Checked against the second report.' }], total: 1 })
    const jsonl = fs.readFileSync(path.join(dir, '2.0', 'changes.jsonl'), 'utf8').trim().split('\n')
    expect(jsonl.map((l) => JSON.parse(l))).toEqual(changes.body.items)
    const changelog = fs.readFileSync(path.join(dir, '2.0', 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('Changes since release 2026-12-01: 0 records added, 1 changed, 0 removed.')
    expect(changelog).toContain('## Projects')
    expect(changelog).toContain('- **Songchon 2024** (20x10.2024.south-pyongan.songchon)')
    expect(changelog).toContain('"Checked against the second report."`')
    expect(changelog).not.toContain('## Localities')
    checkSums(path.join(dir, '2.0'))

    // More edits and a third release (nothing changed since the second) leave the earlier ones as they were.
    const now = (await call('GET', `/api/projects/${songchon}`)).body
    expect((await call('PATCH', `/api/projects/${songchon}`, { body: { notes: 'Changed once more.', comment: 'second note' }, ifMatch: now.version })).status).toBe(200)
    const third = await createRelease(tracker, {})
    expect(third.version).toBe('2026-12-01.2')
    expect(third.previous).toBe('2.0')
    expect(folderHashes(firstDir)).toEqual(frozen)
    for (const f of filesOf(firstDir)) expect(fs.statSync(path.join(firstDir, f)).mode & 0o222, f).toBe(0)
    // Made without a site (as createRelease does unless asked): said so, not a broken link.
    expect(third.site).toBeNull()

    const list = (await call('GET', '/api/releases')).body
    expect(list.items.map((r: { version: string }) => r.version)).toEqual(['2026-12-01.2', '2.0', '2026-12-01'])
    expect(list.items[1]).toMatchObject({ date: '2026-12-01', changes: { total: { change: 1 } }, links: { page: 'https://tracker.example.org/releases/2.0', changes: 'https://tracker.example.org/api/releases/2.0/changes.jsonl' } })
    expect(list.items[1].links.files['datapackage.zip']).toBe('https://tracker.example.org/api/releases/2.0/datapackage.zip')
    expect(list.items[2].links.site).toBe('https://tracker.example.org/releases/2026-12-01/site/')
    expect(list.items[1].links.site).toBeNull()
    // No writing folder left behind.
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([])
  }, 120_000)

  it('refuses a version that exists (409 over HTTP, exit code 2 from the service), changing nothing', async () => {
    const frozen = folderHashes(path.join(dir, '2.0'))
    const again = await call('POST', '/api/releases', { body: { version: '2.0', comment: 'again' } })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('release 2.0 exists already') })
    await expect(createRelease(tracker, { version: '2.0' })).rejects.toMatchObject({ exitCode: 2 })
    const bad = await call('POST', '/api/releases', { body: { version: '../x', comment: 'bad name' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/is not a version/)
    expect(folderHashes(path.join(dir, '2.0'))).toEqual(frozen)
    expect(fs.readdirSync(dir).sort()).toEqual(['2.0', '2026-12-01', '2026-12-01.2'])
  })

  it('serves each file with its content type, its sha256 as ETag and immutable caching, to any origin', async () => {
    const sums = Object.fromEntries(
      fs.readFileSync(path.join(dir, '2.0', 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/ {2}/).reverse()),
    ) as Record<string, string>
    const types: Record<string, string> = {
      'dataset.json': 'application/json',
      'csv.zip': 'application/zip',
      'datapackage.zip': 'application/zip',
      'projects.geojson': 'application/geo+json',
      'changes.jsonl': 'application/x-ndjson; charset=utf-8',
      'CHANGELOG.md': 'text/markdown; charset=utf-8',
      'CITATION.cff': 'application/x-yaml; charset=utf-8',
      'release.json': 'application/json',
    }
    for (const [name, type] of Object.entries(types)) {
      const res = await call('GET', `/api/releases/2.0/${name}`, { headers: { Origin: 'https://example.org' } })
      expect(res.status, name).toBe(200)
      expect(res.headers.get('content-type'), name).toBe(type)
      expect(res.headers.get('etag'), name).toBe(`"${sums[name]}"`)
      expect(sha(res.bytes), name).toBe(sums[name])
      expect(res.headers.get('cache-control'), name).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('access-control-allow-origin'), name).toBe('*')
    }
    const sumsFile = await call('GET', '/api/releases/2.0/SHA256SUMS')
    expect(sumsFile.bytes.toString()).toBe(fs.readFileSync(path.join(dir, '2.0', 'SHA256SUMS'), 'utf8'))
    const notModified = await call('GET', '/api/releases/2.0/dataset.json', { headers: { 'If-None-Match': `"${sums['dataset.json']}"` } })
    expect(notModified.status).toBe(304)
    expect(notModified.bytes.length).toBe(0)
    const manifest = await call('GET', '/api/releases/2.0')
    expect(manifest.body).toEqual(JSON.parse(fs.readFileSync(path.join(dir, '2.0', 'release.json'), 'utf8')))
    expect(manifest.body.files.find((f: { name: string }) => f.name === 'csv.zip')).toMatchObject({ size: fs.statSync(path.join(dir, '2.0', 'csv.zip')).size, sha256: sums['csv.zip'] })
  })

  it('writes a CITATION.cff that is valid CFF 1.2.0 and agrees with the web citation and the data package', async () => {
    const cff = parseYaml((await call('GET', '/api/releases/2.0/CITATION.cff')).bytes.toString('utf8')) as Record<string, unknown>
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      title: citationTitle,
      version: '2.0',
      'date-released': '2026-12-01',
      url: 'https://tracker.example.org/releases/2.0',
      license: 'CC-BY-4.0',
      authors: [{ name: '20×10 Tracker' }],
    })
    expect(typeof cff.message).toBe('string')
    expect(citeApa({ url: 'https://tracker.example.org', version: '2.0', accessed: '2026-12-01' })).toContain(`20×10 Tracker. (2026). ${citationTitle}`)
    const dp = JSON.parse(fs.readFileSync(path.join(dir, '2.0', 'release.json'), 'utf8'))
    expect(dp.data_version).toBeGreaterThan(0)
  })

  it('answers 404 in the error shape for unknown versions and files, and never reads outside a release', async () => {
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'not part of any release')
    const tries = [
      '/api/releases/9.9',
      '/api/releases/9.9/dataset.json',
      '/api/releases/2.0/nothing.csv',
      '/api/releases/2.0/..%2Foutside.txt',
      '/api/releases/2.0/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/releases/..%2F2.0/dataset.json',
      '/api/releases/%2E%2E/outside.txt',
      '/api/releases/..',
      '/api/releases/2.0/%2Fetc%2Fpasswd',
      '/api/releases/2.0/.',
      '/api/releases/2.0/changes.jsonl%00.txt',
    ]
    for (const url of tries) {
      const res = await call('GET', url)
      expect(res.status, url).toBe(404)
      expect(res.body?.error?.code, url).toBe('not_found')
      expect(res.bytes.toString(), url).not.toContain('not part of any release')
      expect(res.bytes.toString(), url).not.toContain('root:')
    }
    expect((await call('GET', '/api/releases/9.9/changes')).body.error.message).toMatch(/no release "9.9"/)
    fs.rmSync(path.join(dir, 'outside.txt'))
  })

  it('serves the copy of the site as released: pages, the JSON they read, the banner tag; never the record as edited since', async () => {
    const site = '/releases/2026-12-01/site/'
    const page = await call('GET', `${site}projects/${songchon}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = page.bytes.toString()
    expect(html).toContain('<meta name="tracker-static" content="/releases/2026-12-01/site/" data-live="https://tracker.example.org" data-release="2026-12-01" data-release-date="2026-12-01" />')
    expect(html).toContain('src="/releases/2026-12-01/site/assets/')
    expect((await call('GET', site)).bytes.toString()).toBe(html)
    expect((await call('GET', '/releases/2026-12-01/site')).status).toBe(200)
    // The record as released: the notes before the edits, at the data version frozen.
    const frozen = await call('GET', `${site}api/projects/${songchon}.json`)
    expect(frozen.status).toBe(200)
    expect(frozen.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const sums = fs.readFileSync(path.join(dir, '2026-12-01', 'SHA256SUMS'), 'utf8')
    expect(sums).toContain(`${frozen.headers.get('etag')!.slice(1, -1)}  site/api/projects/${songchon}.json`)
    const now = (await call('GET', `/api/projects/${songchon}`)).body
    expect(now.notes).toBe('Changed once more.')
    expect(frozen.body.notes).not.toBe(now.notes)
    expect(frozen.body.notes).toBe(JSON.parse(fs.readFileSync(path.join(dir, '2026-12-01', 'dataset.json'), 'utf8')).projects.find((p: { id: string }) => p.id === songchon).notes ?? null)
    const health = await call('GET', `${site}api/health.json`)
    expect(health.body.data_version).toBe((await call('GET', '/api/releases/2026-12-01')).body.data_version)
    // The copy's citations and config point at the copy.
    expect((await call('GET', `${site}api/config.json`)).body.public_url).toBe('https://tracker.example.org/releases/2026-12-01/site')
    expect((await call('GET', `${site}assets/nothing.js`)).status).toBe(404)
    // A page the copy does not have: its own "not found" page, with a 404.
    const missing = await call('GET', `${site}projects/no-such-project`)
    expect(missing.status).toBe(404)
    expect(missing.bytes.toString()).toContain('data-release="2026-12-01"')
    // Its embeds may be framed by any site, as the tracker's own are; its pages may not.
    const embed = await call('GET', `${site}embed/progress`)
    expect(embed.status).toBe(200)
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(embed.headers.get('x-frame-options')).toBeNull()
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    // A release without a copy of the site.
    expect((await call('GET', '/releases/2.0/site/')).status).toBe(404)
  })

  it('answers 404 to every address under /releases/{version}/site/ that tries to leave the copy', async () => {
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'not part of any release')
    const tries = [
      '/releases/2026-12-01/site/..%2F..%2Foutside.txt',
      '/releases/2026-12-01/site/..%2Frelease.json',
      '/releases/2026-12-01/site/api/..%2F..%2FSHA256SUMS',
      '/releases/2026-12-01/site/%2Fetc%2Fpasswd',
      '/releases/2026-12-01/site/..%5C..%5Coutside.txt',
      '/releases/2026-12-01/site/index.html%00.txt',
      '/releases/..%2F..%2F..%2Fetc/site/passwd',
      '/releases/9.9/site/',
    ]
    for (const url of tries) {
      const res = await call('GET', url)
      expect(res.status, url).toBe(404)
      expect(res.bytes.toString(), url).not.toContain('not part of any release')
      expect(res.bytes.toString(), url).not.toContain('root:')
      expect(res.bytes.toString(), url).not.toContain('"format": "20x10-tracker-release/1"')
    }
    // "%2E%2E" segments are folded away by URL parsing before any route sees them: what is left is outside the copy, and reads nothing of the release.
    for (const url of ['/releases/2026-12-01/site/%2E%2E/%2E%2E/outside.txt', '/releases/%2E%2E/site/outside.txt']) {
      const folded = await call('GET', url)
      expect(folded.bytes.toString(), url).not.toContain('not part of any release')
      expect(folded.bytes.toString(), url).not.toContain('data-release=')
    }
    fs.rmSync(path.join(dir, 'outside.txt'))
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body
    for (const p of ['/api/releases', '/api/releases/{version}', '/api/releases/{version}/changes', '/api/releases/{version}/{file}']) expect(doc.paths[p], p).toBeDefined()
    expect(doc.paths['/api/releases'].post).toBeDefined()
  })

  it.runIf(engine === 'postgres')('a second instance on the same database and releases directory lists the same releases', async () => {
    const other = await openTracker(loadConfig({ DATABASE_URL: db.config.databaseUrl!, TRACKER_RELEASES_DIR: dir, TRACKER_LOG_LEVEL: 'silent' }))
    try {
      const otherApp = createApp({ tracker: other, log: createLogger('silent') })
      const list = (await (await otherApp.request('/api/releases')).json()) as { items: { version: string }[] }
      expect(list.items.map((r) => r.version)).toEqual(['2026-12-01.2', '2.0', '2026-12-01'])
    } finally {
      await other.close()
    }
  }, 60_000)
})
