/** @module GET /api/stats/progress|coverage|durations|projection: the analysis, each as of an optional date. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { coverage } from '../../analysis/coverage.ts'
import { durations } from '../../analysis/durations.ts'
import { progress } from '../../analysis/progress.ts'
import { projection } from '../../analysis/projection.ts'
import { InvalidInputError } from '../../model/errors.ts'
import type { Program } from '../../model/program.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json } from '../openapi.ts'
import { asOfParam } from '../params.ts'

const StatsQuery = z.object({ program: z.string().min(1).max(120).default('20x10'), as_of: asOfParam })

const StatusCounts = z.object({ planned: z.number(), under_construction: z.number(), operational: z.number(), suspended: z.number() })
export const Progress = z
  .object({
    program_id: z.string(),
    as_of: z.string().nullable(),
    target_per_year: z.number(),
    total_target: z.number(),
    years: z.array(
      z.object({
        year: z.number(),
        target: z.number(),
        counted: z.number(),
        by_status: StatusCounts,
        extra: z.array(z.object({ project_id: z.string(), locality_id: z.string(), reason: z.string().nullable(), status: z.string().nullable() })),
      }),
    ),
    cumulative: z.object({ counted: z.number(), total_target: z.number(), target_to_date: z.number(), share_of_total: z.number(), by_status: StatusCounts }),
    localities_reached: z.number(),
    provinces_reached: z.number(),
  })
  .meta({ id: 'Progress' })
export const Coverage = z
  .object({
    program_id: z.string(),
    as_of: z.string().nullable(),
    localities: z.number(),
    reached: z.number(),
    provinces: z.array(z.object({ province_id: z.string(), name: z.string(), localities: z.number(), reached: z.number(), share: z.number(), waiting: z.array(z.string()) })),
    never_reached: z.array(z.object({ id: z.string(), province_id: z.string(), name: z.string() })),
    balance: z.object({ measure: z.literal('dissimilarity_index'), value: z.number(), explanation: z.string() }),
  })
  .meta({ id: 'Coverage' })
const Summary = z.object({ n: z.number(), median: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() })
export const Durations = z
  .object({
    program_id: z.string(),
    as_of: z.string().nullable(),
    unit: z.literal('days'),
    projects: z.array(
      z.object({ project_id: z.string(), year: z.number().nullable(), kinds: z.array(z.string()), groundbreaking: z.string(), finished: z.string(), days: z.number().nullable(), months: z.number().nullable() }),
    ),
    overall: Summary,
    by_year: z.record(z.string(), Summary),
    by_kind: z.record(z.string(), Summary),
    month_precision: z.object({ n: z.number(), median_months: z.number().nullable(), projects: z.array(z.string()) }),
  })
  .meta({ id: 'Durations' })
const Line = z.object({
  done: z.number(),
  pace_per_year: z.number().nullable(),
  years_observed: z.number(),
  projected_year: z.number().nullable(),
  on_track: z.boolean().nullable(),
  median_days_to_open: z.number().nullable().optional(),
})
export const Projection = z
  .object({
    program_id: z.string(),
    as_of: z.string().nullable(),
    total_target: z.number(),
    end_year: z.number(),
    started: Line,
    operational: Line,
    method: z.string(),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'Projection' })

function programOf(s: Snapshot, id: string): Program {
  const p = s.programs.get(id)
  if (!p) throw new InvalidInputError(`query.program: unknown program "${id}"`, [{ path: 'query.program', message: `unknown program "${id}"` }])
  return p
}

const stat = <T extends z.ZodType>(name: string, schema: T, summary: string) =>
  createRoute({
    method: 'get',
    path: `/api/stats/${name}`,
    tags: ['stats'],
    summary,
    request: { query: StatsQuery },
    responses: { 200: json(schema, summary), ...errorResponses },
  })

export function registerStats(app: OpenAPIHono<AppEnv>, today: () => string): void {
  app.openapi(stat('progress', Progress, 'Counted localities per year against the target, by status; cumulative'), async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    return c.json(progress(s, programOf(s, q.program), q.as_of, today()), 200)
  })
  app.openapi(stat('coverage', Coverage, 'Localities reached per province, the ones never reached, and a balance measure'), async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    return c.json(coverage(s, programOf(s, q.program), q.as_of), 200)
  })
  app.openapi(stat('durations', Durations, 'Days from groundbreaking to completion or inauguration'), async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    return c.json(durations(s, programOf(s, q.program), q.as_of), 200)
  })
  app.openapi(stat('projection', Projection, 'When the total is reached at the pace so far, and whether the last year holds'), async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    return c.json(projection(s, programOf(s, q.program), q.as_of, today()), 200)
  })
}
