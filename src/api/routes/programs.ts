/** @module GET /api/programs and /api/programs/{id}: the programs tracked, with their targets. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { NotFoundError } from '../../model/errors.ts'
import { programEndYear, programTotalTarget, ProgramSchema, type Program } from '../../model/program.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses, json, listOf, notFound } from '../openapi.ts'

export const ProgramItem = ProgramSchema.extend({ end_year: z.number().int(), total_target: z.number().int(), projects: z.number().int() }).meta({ id: 'ProgramItem' })

const list = createRoute({
  method: 'get',
  path: '/api/programs',
  tags: ['programs'],
  summary: 'Programs tracked',
  responses: { 200: json(listOf(ProgramItem, 'ProgramList'), 'Every program.'), ...errorResponses },
})
const one = createRoute({
  method: 'get',
  path: '/api/programs/{id}',
  tags: ['programs'],
  summary: 'One program',
  request: { params: z.object({ id: z.string().max(120) }) },
  responses: { 200: json(ProgramItem, 'The program.'), ...notFound, ...errorResponses },
})

export function registerPrograms(app: OpenAPIHono<AppEnv>): void {
  const item = (p: Program, projects: number) => ({ ...p, end_year: programEndYear(p), total_target: programTotalTarget(p), projects })
  app.openapi(list, async (c) => {
    const s = await c.var.tracker.readModel.current()
    const items = s.dataset.programs.map((p) => item(p, s.dataset.projects.filter((x) => x.program_id === p.id).length))
    return c.json({ items, total: items.length }, 200)
  })
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const s = await c.var.tracker.readModel.current()
    const p = s.programs.get(id)
    if (!p) throw new NotFoundError(`no program with id "${id}"`)
    return c.json(item(p, s.dataset.projects.filter((x) => x.program_id === p.id).length), 200)
  })
}
