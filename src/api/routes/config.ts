/** @module GET /api/config: the settings the web app needs (an optional online tile layer for the map, the canonical address for citations, the pretended today). */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import type { AppEnv } from '../context.ts'
import { json } from '../openapi.ts'

export const PublicConfig = z
  .object({
    tile_url: z.string().nullable().describe('Map tile URL template ({z}/{x}/{y}, optional {s}) from TRACKER_TILE_URL; null: the offline map only.'),
    tile_attribution: z.string().nullable(),
    public_url: z.string().nullable().describe('The canonical address from TRACKER_PUBLIC_URL, for citations and links; null: the page address is used.'),
    today: z.string().nullable().describe("The date the figures take as today (YYYY-MM-DD) from TRACKER_TODAY; null: the reader's clock."),
  })
  .meta({ id: 'PublicConfig' })

export function registerConfig(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/config', tags: ['meta'], summary: 'Settings the web app needs', responses: { 200: json(PublicConfig, 'Public settings.') } }),
    (c) => {
      const config = c.var.tracker.config
      return c.json({ tile_url: config.tileUrl ?? null, tile_attribution: config.tileAttribution ?? null, public_url: config.publicUrl ?? null, today: config.today ?? null }, 200)
    },
  )
}
