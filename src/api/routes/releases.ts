/**
 * @module GET /api/releases (the list), /api/releases/{version} (a manifest), its changes as a
 * JSON list, and /api/releases/{version}/{file} (the frozen files, with their sha256 as a strong
 * ETag and cached for good: a release never changes); POST /api/releases makes one (editors), so a
 * release can be cut while the server holds the embedded database.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { releaseTables, type ReleaseChange } from '../../model/releaseDiff.ts'
import { checkComment } from '../../service/edit/run.ts'
import { createRelease, type ReleaseSiteOptions } from '../../service/release.ts'
import { defaultWebRoot } from '../static.ts'
import { listReleases, readRelease, readReleaseFile, releasesDir, type ReleaseManifest } from '../../service/releaseStore.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json, listOf, notFound } from '../openapi.ts'

const Counts = z.object({ add: z.number().int(), change: z.number().int(), remove: z.number().int() })
const TableCounts = z.record(z.enum(releaseTables), z.number().int())
const FileSchema = z.object({ name: z.string(), size: z.number().int(), sha256: z.string(), media_type: z.string() }).meta({ id: 'ReleaseFile' })

export const ReleaseManifestSchema = z
  .object({
    format: z.literal('20x10-tracker-release/1'),
    version: z.string(),
    sequence: z.number().int().describe('1 for the first release, then one more each.'),
    date: z.string().describe('Release date, YYYY-MM-DD.'),
    created_at: z.string(),
    previous: z.string().nullable().describe('The release the changes are counted from; null for the first.'),
    data_version: z.number().int(),
    content_version: z.string(),
    url: z.string().describe("The release's page at the canonical address."),
    counts: TableCounts.describe('Records per table in the release.'),
    changes: z.object({ total: Counts, tables: z.record(z.enum(releaseTables), Counts) }).describe('Records added, changed and removed since the previous release.'),
    comment: z.string().nullable().describe('Why the release was made.'),
    by: z.string().describe('Who made it: a user name, or cli.'),
    dataset: z.string().describe('The frozen dataset document (file name).'),
    files: z.array(FileSchema),
    site: z
      .object({
        path: z.string().describe('Its folder in the release, "site/".'),
        url: z.string().describe('Where it is served: /releases/{version}/site/ at the canonical address.'),
        data_version: z.number().int(),
        files: z.number().int(),
        bytes: z.number().int(),
        pages: z.number().int(),
        linked: z.number().int().describe('Files the same as the previous release\'s, kept as hard links to them.'),
      })
      .nullable()
      .optional()
      .describe('The copy of the site as of this release (every page with the frozen data; its files are in SHA256SUMS under site/); null when none was made.'),
  })
  .meta({ id: 'ReleaseManifest' })

const ReleaseItem = z
  .object({
    version: z.string(),
    sequence: z.number().int(),
    date: z.string(),
    previous: z.string().nullable(),
    data_version: z.number().int(),
    counts: TableCounts,
    changes: z.object({ total: Counts }),
    links: z.object({
      self: z.string().describe('The manifest.'),
      page: z.string().describe("The release's page in the web app."),
      changelog: z.string(),
      changes: z.string().describe('One JSON line per change.'),
      files: z.record(z.string(), z.string()).describe('Each file by name → its URL.'),
      site: z.string().nullable().describe('The web app as of this release (its copy of the site), or null when it keeps none.'),
    }),
  })
  .meta({ id: 'ReleaseItem' })

export const ChangeSchema = z
  .object({
    op: z.enum(['add', 'change', 'remove']),
    table: z.enum(releaseTables),
    id: z.string(),
    label: z.string(),
    field: z.string().optional(),
    old: z.unknown().optional(),
    new: z.unknown().optional(),
  })
  .meta({ id: 'ReleaseChange' })

const Version = z.object({ version: z.string().min(1).max(200) })
const ChangesQuery = z.object({
  table: z.enum(releaseTables).optional(),
  op: z.enum(['add', 'change', 'remove']).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})

const list = createRoute({
  method: 'get',
  path: '/api/releases',
  tags: ['releases'],
  summary: 'The releases, newest first: version, date, counts and links to their files',
  responses: { 200: json(listOf(ReleaseItem, 'ReleaseList'), 'Every release.'), ...errorResponses },
})
const one = createRoute({
  method: 'get',
  path: '/api/releases/{version}',
  tags: ['releases'],
  summary: "One release's manifest (release.json)",
  request: { params: Version },
  responses: { 200: json(ReleaseManifestSchema, 'The manifest; immutable.'), ...notFound, ...errorResponses },
})
const changes = createRoute({
  method: 'get',
  path: '/api/releases/{version}/changes',
  tags: ['releases'],
  summary: 'What changed since the previous release (the lines of changes.jsonl as a list)',
  request: { params: Version, query: ChangesQuery },
  responses: { 200: json(listOf(ChangeSchema, 'ReleaseChangeList'), 'The changes, in table order, then by id.'), ...notFound, ...errorResponses },
})
const file = createRoute({
  method: 'get',
  path: '/api/releases/{version}/{file}',
  tags: ['releases'],
  summary: 'A file of a release: dataset.json, csv.zip, datapackage.zip, projects.geojson, localities.geojson, changes.jsonl, CHANGELOG.md, CITATION.cff, release.json or SHA256SUMS',
  request: { params: Version.extend({ file: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'The file as frozen; ETag is its sha256, cached as immutable.', content: { 'application/octet-stream': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...notFound,
    ...errorResponses,
  },
})
const create = createRoute({
  method: 'post',
  path: '/api/releases',
  tags: ['releases'],
  summary: 'Make a release of the current record (editors); the same as `tracker release`',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string().min(1).max(64).optional().describe('Default: the date (YYYY-MM-DD), then YYYY-MM-DD.2, … when taken.'),
              comment: z.string().max(500).describe('Why this release.'),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 201: json(ReleaseManifestSchema, 'The release made.'), 409: json(ErrorSchema, 'That version exists already.'), ...errorResponses },
})

const immutable = 'public, max-age=31536000, immutable'

function item(base: string, m: ReleaseManifest) {
  const api = `${base}/api/releases/${encodeURIComponent(m.version)}`
  return {
    version: m.version,
    sequence: m.sequence,
    date: m.date,
    previous: m.previous,
    data_version: m.data_version,
    counts: m.counts,
    changes: { total: m.changes.total },
    links: {
      self: api,
      page: `${base}/releases/${encodeURIComponent(m.version)}`,
      changelog: `${api}/CHANGELOG.md`,
      changes: `${api}/changes.jsonl`,
      site: m.site ? `${base}/releases/${encodeURIComponent(m.version)}/site/` : null,
      files: Object.fromEntries([...m.files.map((f) => f.name), 'release.json', 'SHA256SUMS'].map((n) => [n, `${api}/${n}`])),
    },
  }
}

/** The changes of a release, parsed once per process (the file never changes). */
const parsed = new Map<string, ReleaseChange[]>()

export function registerReleases(app: OpenAPIHono<AppEnv>, siteRequest?: ReleaseSiteOptions['requestFor']): void {
  const dir = (c: { var: AppEnv['Variables'] }) => releasesDir(c.var.tracker.config)
  const base = (c: { var: AppEnv['Variables'] }) => c.var.publicUrl.replace(/\/+$/, '')

  app.openapi(list, (c) => {
    const items = listReleases(dir(c)).map((m) => item(base(c), m))
    return c.json({ items, total: items.length }, 200)
  })
  app.openapi(changes, (c) => {
    const { version } = c.req.valid('param')
    const q = c.req.valid('query')
    const d = dir(c)
    const m = readRelease(d, version)
    const key = path.join(d, m.version)
    let all = parsed.get(key)
    if (!all) {
      const text = fs.readFileSync(path.join(key, 'changes.jsonl'), 'utf8')
      all = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReleaseChange)
      parsed.set(key, all)
    }
    const matching = all.filter((x) => (!q.table || x.table === q.table) && (!q.op || x.op === q.op))
    c.header('Cache-Control', immutable)
    return c.json({ items: matching.slice(q.offset, q.offset + q.limit) as z.infer<typeof ChangeSchema>[], total: matching.length }, 200)
  })
  app.openapi(one, (c) => {
    const { version } = c.req.valid('param')
    const m = readRelease(dir(c), version)
    c.header('Cache-Control', immutable)
    return c.json(m as z.infer<typeof ReleaseManifestSchema>, 200)
  })
  app.openapi(file, (c) => {
    const { version, file: name } = c.req.valid('param')
    const { file: f, body } = readReleaseFile(dir(c), version, name)
    const etag = `"${f.sha256}"`
    const headers = { ETag: etag, 'Cache-Control': immutable }
    const match = c.req.header('If-None-Match')
    if (match && match.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return c.body(null, 304, headers)
    const download = f.name.endsWith('.zip') || f.name.endsWith('.geojson') || f.name.endsWith('.cff') || f.name === 'SHA256SUMS'
    return c.body(new Uint8Array(body), 200, {
      ...headers,
      'Content-Type': f.media_type,
      ...(download ? { 'Content-Disposition': `attachment; filename="20x10-${m(version)}-${f.name}"` } : {}),
    })
  })
  app.openapi(create, async (c) => {
    const body = c.req.valid('json')
    const comment = checkComment(body.comment)
    const site = siteRequest ? { site: { webRoot: defaultWebRoot, requestFor: siteRequest } } : {}
    const made = await createRelease(c.var.tracker, { ...(body.version ? { version: body.version } : {}), publicUrl: c.var.publicUrl, comment, by: c.var.auth.user?.name ?? 'editor', ...site })
    c.var.log.info(`release ${made.version} made`, { by: made.by, version: made.version })
    return c.json(made as z.infer<typeof ReleaseManifestSchema>, 201)
  })
}

/** The version as it may appear in a file name (it passed the version check, so this only guards). */
const m = (v: string) => v.replace(/[^0-9A-Za-z._-]/g, '_')
