/**
 * @module POST /api/intake (editors): a report goes into the review queue — JSON
 * `{text | html, url, published, title, language}` or a file upload (multipart field `file`, HTML
 * when it is named *.htm(l) or sent as text/html). A report taken in before (same URL or same
 * text) adds nothing: 200 with `duplicate: true` and what was queued then; a new one is 201.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { InvalidInputError } from '../../model/errors.ts'
import { PartialDate } from '../../model/partialDate.ts'
import type { ReportIn } from '../../service/intake.ts'
import type { AppEnv } from '../context.ts'
import { ErrorSchema, errorResponses, json } from '../openapi.ts'
import { booleanParam } from '../params.ts'
import { ProposalSchema } from './proposals.ts'

const known = {
  url: z.string().max(2000).optional().describe('Where the report was published (http or https).'),
  published: PartialDate.optional().describe('The date the page gives (YYYY, YYYY-MM or YYYY-MM-DD); the dateline, when there is one, wins.'),
  title: z.string().max(1000).optional(),
  language: z.string().min(2).max(3).optional().describe('ISO 639-1 (en, ko, ja, zh, ru, es, fr, de); detected when absent.'),
}
export const IntakeBody = z
  .object({ text: z.string().optional().describe('The article as plain text.'), html: z.string().optional().describe('The article page as HTML (reduced to its article).'), ...known })
  .strict()
  .meta({ id: 'IntakeReport' })
const IntakeUpload = z.object({ file: z.any().optional().describe('The article: a text or HTML file (required in an upload).'), ...known })

const IntakeResult = z
  .object({
    duplicate: z.boolean().describe('True when the report was taken in before: nothing was added.'),
    dry_run: z.boolean(),
    report: z.record(z.string(), z.unknown()),
    proposals: z.array(ProposalSchema.pick({ id: true, seq: true, state: true, event: true }).extend({ id: z.number().nullable(), match: z.record(z.string(), z.unknown()) })),
  })
  .meta({ id: 'IntakeResult' })

const route = createRoute({
  method: 'post',
  path: '/api/intake',
  tags: ['review'],
  summary: 'Take a report in: extract its facts, match them against the record, queue them for review (editors)',
  request: {
    query: z.object({ dry_run: booleanParam.describe('true: show the proposals, store nothing.') }),
    body: { required: true, content: { 'application/json': { schema: IntakeBody }, 'multipart/form-data': { schema: IntakeUpload } } },
  },
  responses: {
    200: json(IntakeResult, 'Taken in before (duplicate), or a dry run: nothing was added.'),
    201: json(IntakeResult, 'Queued.'),
    401: json(ErrorSchema, 'Not signed in.'),
    403: json(ErrorSchema, 'Not an editor.'),
    413: json(ErrorSchema, 'Body too large.'),
    ...errorResponses,
  },
})

async function fromUpload(form: Record<string, unknown>): Promise<ReportIn> {
  const file = form.file
  if (!(file instanceof File)) throw new InvalidInputError('file: send the article as the multipart field "file"', [{ path: 'body.file', message: 'required' }])
  let content: string
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
  } catch {
    throw new InvalidInputError(`file: ${file.name || 'the upload'} is not UTF-8 text`, [{ path: 'body.file', message: 'not text' }])
  }
  const isHtml = /\.x?html?$/i.test(file.name) || /html/.test(file.type) || /^\s*<(?:!doctype html|html)/i.test(content)
  const meta: ReportIn = {}
  for (const key of ['url', 'published', 'title', 'language'] as const) if (typeof form[key] === 'string' && form[key]) meta[key] = form[key] as string
  return { ...meta, ...(isHtml ? { html: content } : { text: content }) }
}

export function registerIntake(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const type = c.req.header('content-type') ?? ''
    const input: ReportIn = /multipart\/form-data/i.test(type) ? await fromUpload(c.req.valid('form') as Record<string, unknown>) : (c.req.valid('json') as ReportIn)
    const dryRun = c.req.valid('query').dry_run === true
    // Loaded on first use: the intake's libraries (dates, HTML, language) are hundreds of modules
    // a server would otherwise load at every start (bench/startup.bench.ts).
    const [{ ingestReport }, { extractWithRecord }] = await Promise.all([import('../../service/intake.ts'), import('../../service/extractor.ts')])
    const out = await ingestReport(c.var.tracker, extractWithRecord, input, { actor: c.var.auth.user!.name, via: 'api', dryRun })
    return c.json(out as never, out.duplicate || out.dry_run ? 200 : 201)
  })
}
