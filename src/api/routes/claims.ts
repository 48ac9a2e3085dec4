/** @module GET /api/claims/{id}: one claim with its source and version, the record an editor changes with PATCH /api/claims/{id}. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { NotFoundError } from '../../model/errors.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json, notFound } from '../openapi.ts'
import { tagged } from '../recordTag.ts'
import { ClaimView, claimView } from '../views.ts'

export const ClaimDetail = ClaimView.extend({ version: z.number().int(), updated_at: z.string().nullable() }).meta({ id: 'ClaimDetail' })

const one = createRoute({
  method: 'get',
  path: '/api/claims/{id}',
  tags: ['claims'],
  summary: 'One claim with its source',
  request: { params: z.object({ id: z.string().max(400) }) },
  responses: { 200: json(ClaimDetail, 'The claim; its ETag works as If-Match for PATCH and DELETE.'), ...notFound, ...errorResponses },
})

export function registerClaims(app: OpenAPIHono<AppEnv>): void {
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const s = await c.var.tracker.readModel.current()
    const claim = s.claims.get(id)
    if (!claim) throw new NotFoundError(`no claim with id "${id}"`)
    const m = s.meta.get(`claim:${id}`)
    return c.json(tagged(c, { ...claimView(s, claim), version: m?.version ?? 1, updated_at: m?.updated_at ?? null }), 200)
  })
}
