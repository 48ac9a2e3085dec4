/**
 * @module POST /api/import: preview what importing a file would change (`dry_run=true`), the
 * same preview as `tracker import --dry-run`. The body is the file: a wiki list or JSON document
 * as text, a CSV table as text, or several CSV tables as a zip.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { InvalidInputError } from '../../model/errors.ts'
import type { AppEnv } from '../context.ts'
import { applyImport, defaultWikiSource, importFormats, prepareImport, previewOf } from '../../service/importService.ts'
import { checkComment } from '../../service/edit/run.ts'
import { importFilesFromBytes, looksLikeZip, zipLimits } from '../../service/importFiles.ts'
import { ErrorSchema, errorResponses, json } from '../openapi.ts'
import { booleanParam } from '../params.ts'

const ImportQuery = z.object({
  format: z.enum(importFormats),
  dry_run: booleanParam.describe('true (default): only preview. false: apply, as an editor, in one transaction with a revision per change.'),
  comment: z.string().max(500).optional().describe('Why (required when applying).'),
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
    applied: z.object({ added: z.number(), changed: z.number(), seen: z.number().describe('claims seen again whose last_seen moved (no revision)'), batch: z.string(), version: z.number().nullable() }).optional(),
  })
  .meta({ id: 'ImportPreview' })

const route = createRoute({
  method: 'post',
  path: '/api/import',
  tags: ['import'],
  summary: 'Import a file: preview (dry run, anyone) or apply (editor)',
  request: {
    query: ImportQuery,
    body: { required: true, content: { 'text/plain': { schema: z.string() }, 'application/json': { schema: z.unknown() }, 'application/zip': { schema: z.string() } } },
  },
  responses: { 200: json(Preview, 'What the import would do.'), 413: json(ErrorSchema, 'Body too large.'), ...errorResponses },
})

export function registerImportRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query')
    const raw = new Uint8Array(await c.req.arrayBuffer())
    if (raw.length === 0) throw new InvalidInputError('the request body is empty: send the file to import as the body')
    const name = q.name ?? (looksLikeZip(raw) ? 'upload.zip' : `upload.${q.format === 'wiki' ? 'txt' : q.format}`)
    const files = await importFilesFromBytes(raw, { format: q.format, name, limits: zipLimits(c.var.tracker.config) })
    const prepared = await prepareImport(c.var.tracker, { format: q.format, files, ...(q.source ? { sourceId: q.source } : {}) })
    if (q.dry_run === false) {
      // The gate in app.ts has already required an editor for a non-dry-run import.
      const user = c.var.auth.user!
      const comment = checkComment(q.comment)
      const applied = await applyImport(c.var.tracker, prepared, { actor: user.name, comment, sourceId: q.format === 'wiki' ? (q.source ?? defaultWikiSource) : null })
      return c.json({ dry_run: false, ...previewOf(prepared), applied } as z.infer<typeof Preview>, 200)
    }
    return c.json({ dry_run: true, ...previewOf(prepared) } as z.infer<typeof Preview>, 200)
  })
}
