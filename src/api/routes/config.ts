/** @module GET /api/config: the settings the web app needs (an optional online tile layer for the map). */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import type { AppEnv } from '../context.ts'
import { json } from '../openapi.ts'

export const PublicConfig = z
  .object({
    tile_url: z.string().nullable().describe('Map tile URL template ({z}/{x}/{y}, optional {s}) from TRACKER_TILE_URL; null: the offline map only.'),
    tile_attribution: z.string().nullable(),
  })
  .meta({ id: 'PublicConfig' })

export function registerConfig(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/config', tags: ['meta'], summary: 'Settings the web app needs', responses: { 200: json(PublicConfig, 'Public settings.') } }),
    (c) => {
      const config = c.var.tracker.config
      return c.json({ tile_url: config.tileUrl ?? null, tile_attribution: config.tileAttribution ?? null }, 200)
    },
  )
}
