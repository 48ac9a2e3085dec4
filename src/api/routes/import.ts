/**
 * @module POST /api/import: preview what importing a file would change (`dry_run=true`), the
 * same preview as `tracker import --dry-run`. The body is the file: a wiki list or JSON document
 * as text, a CSV table as text, or several CSV tables as a zip.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { strFromU8, unzipSync } from 'fflate'
import { z } from 'zod'
import { InvalidInputError } from '../../model/errors.ts'
import type { AppEnv } from '../context.ts'
import { importFormats, prepareImport, previewOf } from '../importService.ts'
import { ErrorSchema, errorResponses, json } from '../openapi.ts'
import { booleanParam } from '../params.ts'

const ImportQuery = z.object({
  format: z.enum(importFormats),
  dry_run: booleanParam.describe('Must be true: applying an import needs an editor account (see the editing API).'),
  source: z.string().max(160).optional().describe('Wiki format: id of the source every claim cites (default wikipedia-20x10-policy).'),
  name: z.string().max(200).optional().describe('File name shown in messages and used to tell CSV tables apart.'),
})

const Preview = z
  .object({
    dry_run: z.boolean(),
    format: z.string(),
    rows: z.number(),
    counts: z.record(z.string(), z.object({ add: z.number(), change: z.number(), unchanged: z.number() })),
    add: z.array(z.object({ entity: z.string(), id: z.string() })),
    change: z.array(z.object({ entity: z.string(), id: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
    kept_conflicts: z.array(z.object({ entity: z.string(), id: z.string(), field: z.string(), current: z.unknown(), incoming: z.unknown(), why: z.string() })),
    warnings: z.array(z.object({ path: z.string().optional(), message: z.string() })),
  })
  .meta({ id: 'ImportPreview' })

const route = createRoute({
  method: 'post',
  path: '/api/import',
  tags: ['import'],
  summary: 'Preview an import (dry run): what would be added, changed and left alone',
  request: {
    query: ImportQuery,
    body: { required: true, content: { 'text/plain': { schema: z.string() }, 'application/json': { schema: z.unknown() }, 'application/zip': { schema: z.string() } } },
  },
  responses: { 200: json(Preview, 'What the import would do.'), 413: json(ErrorSchema, 'Body too large.'), ...errorResponses },
})

export function registerImportRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query')
    if (q.dry_run !== true) throw new InvalidInputError('query.dry_run: only previews (dry_run=true) are available here; apply imports with `tracker import` or as a signed-in editor', [{ path: 'query.dry_run', message: 'must be true' }])
    const raw = new Uint8Array(await c.req.arrayBuffer())
    if (raw.length === 0) throw new InvalidInputError('the request body is empty: send the file to import as the body')
    let files: Map<string, string>
    const isZip = raw[0] === 0x50 && raw[1] === 0x4b
    if (isZip) {
      if (q.format !== 'csv') throw new InvalidInputError('a zip body is only read for format=csv')
      let entries: Record<string, Uint8Array>
      try {
        entries = unzipSync(raw)
      } catch (error) {
        throw new InvalidInputError(`the body is not a readable zip archive (${(error as Error).message})`)
      }
      files = new Map(Object.entries(entries).filter(([n]) => n.endsWith('.csv')).map(([n, d]) => [n.split('/').pop()!, strFromU8(d)]))
    } else {
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
      } catch {
        throw new InvalidInputError('the body is not valid UTF-8 text')
      }
      files = new Map([[q.name ?? `upload.${q.format === 'wiki' ? 'txt' : q.format}`, text]])
    }
    const prepared = await prepareImport(c.var.tracker, { format: q.format, files, ...(q.source ? { sourceId: q.source } : {}) })
    return c.json({ dry_run: true, ...previewOf(prepared) } as z.infer<typeof Preview>, 200)
  })
}
