/** @module GET /api/health: whether the server and its database answer, and which data version it serves. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { checkHealth } from '../../service/health.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json } from '../openapi.ts'

export const Health = z
  .object({
    status: z.literal('ok'),
    engine: z.enum(['pglite', 'postgres']),
    data_version: z.number().int(),
    schema_version: z.number().int(),
    started_at: z.string(),
    uptime_s: z.number(),
    cache: z.object({ bytes: z.number().int(), entries: z.number().int(), max_bytes: z.number().int() }).describe('The read cache: bytes of response bodies held, entries, and its bound (TRACKER_CACHE_MAX_BYTES).'),
  })
  .meta({ id: 'Health' })

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['meta'],
  summary: 'Server and database health',
  responses: { 200: json(Health, 'The server and its database answer.'), 503: errorResponses[503] },
})

export function registerHealth(app: OpenAPIHono<AppEnv>, cacheStats: () => { bytes: number; entries: number }): void {
  app.openapi(route, async (c) => {
    const { tracker, startedAt } = c.var
    const health = await checkHealth(tracker)
    c.header('Cache-Control', 'no-store')
    return c.json(
      {
        status: 'ok' as const,
        engine: tracker.store.engine,
        data_version: health.data_version,
        schema_version: health.schema_version,
        started_at: startedAt.toISOString(),
        uptime_s: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
        cache: { ...cacheStats(), max_bytes: tracker.config.cacheMaxBytes },
      },
      200,
    )
  })
}
