/** @module GET /api/events: dated happenings, filtered by type, date range, project, province, leader presence. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { InvalidInputError } from '../../model/errors.ts'
import { comparePartialDates, PartialDate, rangeOf } from '../../model/partialDate.ts'
import { eventTypes } from '../../model/vocab.ts'
import type { AppEnv } from '../context.ts'
import { tagged } from '../recordTag.ts'
import { NotFoundError } from '../../model/errors.ts'
import { errorResponses, json, listOf, notFound } from '../openapi.ts'
import { booleanParam, csvList, page, paging, yearList } from '../params.ts'
import { EventView, eventView, LocalityRef, localityRef } from '../views.ts'

export const EventItem = EventView.extend({ locality: LocalityRef.nullable(), project_year: z.number().nullable() }).meta({ id: 'EventItem' })

const EventQuery = z.object({
  type: csvList(eventTypes.schema),
  from: PartialDate.optional().describe('Events whose date range ends on or after this date.'),
  to: PartialDate.optional().describe('Events whose date range starts on or before this date.'),
  project: z.string().max(300).optional(),
  program: z.string().max(120).optional(),
  province: csvList(z.string().max(80)),
  year: yearList.describe('Policy year of the project.'),
  leader_present: booleanParam,
  sort: z.enum(['date', '-date']).default('date'),
  ...paging,
})

const list = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Events (groundbreakings, visits, openings…) with their claims',
  request: { query: EventQuery },
  responses: { 200: json(listOf(EventItem, 'EventList'), 'Matching events.'), ...errorResponses },
})

const one = createRoute({
  method: 'get',
  path: '/api/events/{id}',
  tags: ['events'],
  summary: 'One event with its claims',
  request: { params: z.object({ id: z.string().max(400) }) },
  responses: { 200: json(EventItem, 'The event; its ETag works as If-Match for PATCH and DELETE.'), ...notFound, ...errorResponses },
})

export function registerEvents(app: OpenAPIHono<AppEnv>): void {
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param')
    const s = await c.var.tracker.readModel.current()
    const e = s.events.get(id)
    if (!e) throw new NotFoundError(`no event with id "${id}"`)
    const project = e.project_id ? s.projects.get(e.project_id) : undefined
    return c.json(tagged(c, { ...eventView(s, e), locality: project ? localityRef(s, project.locality_id) : null, project_year: project?.year ?? null }), 200)
  })
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const s = await c.var.tracker.readModel.current()
    if (q.from && q.to && rangeOf(q.to).end < rangeOf(q.from).start) throw new InvalidInputError('query.to: is before query.from', [{ path: 'query.to', message: 'is before from' }])
    const from = q.from ? rangeOf(q.from).start : null
    const to = q.to ? rangeOf(q.to).end : null
    const items = s.dataset.events
      .filter((e) => !q.type || q.type.includes(e.type))
      .filter((e) => !q.project || e.project_id === q.project)
      .filter((e) => !q.program || e.program_id === q.program)
      .filter((e) => from === null || rangeOf(e.date).end >= from)
      .filter((e) => to === null || rangeOf(e.date).start <= to)
      .filter((e) => q.leader_present === undefined || (e.leader_present === true || e.type === 'leader_visit') === q.leader_present)
      .filter((e) => {
        const p = e.project_id ? s.projects.get(e.project_id) : undefined
        if (q.year && (!p || p.year === null || !q.year.includes(p.year))) return false
        if (q.province && (!p || !q.province.includes(s.localities.get(p.locality_id)?.province ?? ''))) return false
        return true
      })
      .sort((a, b) => (q.sort === '-date' ? -1 : 1) * (comparePartialDates(a.date, b.date) || a.id.localeCompare(b.id)))
    const p = page(items, q.limit, q.offset)
    return c.json(
      {
        items: p.items.map((e) => {
          const project = e.project_id ? s.projects.get(e.project_id) : undefined
          return { ...eventView(s, e), locality: project ? localityRef(s, project.locality_id) : null, project_year: project?.year ?? null }
        }),
        total: p.total,
      },
      200,
    )
  })
}
