/**
 * @module Downloads at predictable URLs: /api/export/<table>.csv, dataset.json,
 * projects.geojson, localities.geojson, csv.zip and datapackage.zip. The project exports honour
 * the same filters as GET /api/projects, so "download this view" is the list URL with another path.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import { dataPackageFiles } from '../../export/datapackage.ts'
import { allTablesCsv, tableCsv } from '../../export/csv.ts'
import { localitiesGeoJson, projectsGeoJson } from '../../export/geojson.ts'
import { datasetJson } from '../../export/json.ts'
import { zipFiles } from '../../export/zip.ts'
import { tableByName, tables } from '../../model/tables.ts'
import type { AppEnv } from '../context.ts'
import { errorResponses } from '../openapi.ts'
import { ProjectQuery, selectProjects } from './projects.ts'

const FilterQuery = ProjectQuery.omit({ sort: true, facets: true, limit: true, offset: true })

function download(c: Context, body: string | Uint8Array, type: string, filename: string): Response {
  c.header('Content-Type', type)
  c.header('Content-Disposition', `attachment; filename="${filename}"`)
  return c.body(typeof body === 'string' ? body : new Uint8Array(body))
}

const file = (path: string, summary: string, type: string, query = FilterQuery) =>
  createRoute({
    method: 'get',
    path,
    tags: ['export'],
    summary,
    request: { query },
    responses: { 200: { description: summary, content: { [type]: { schema: z.string() } } }, ...errorResponses },
  })

const csvType = 'text/csv; charset=utf-8'
const NoQuery = z.object({})

export function registerExports(app: OpenAPIHono<AppEnv>): void {
  for (const t of tables) {
    const route = file(`/api/export/${t.name}.csv`, `${t.title} as CSV${t.name === 'projects' ? ' (honours the project filters)' : ''}`, csvType, t.name === 'projects' ? FilterQuery : (NoQuery as never))
    app.openapi(route, async (c) => {
      const s = await c.var.tracker.readModel.current()
      const table = tableByName.get(t.name)!
      if (t.name === 'projects') {
        const q = c.req.valid('query') as z.infer<typeof FilterQuery>
        const ids = new Set(selectProjects(s, q).map((i) => i.id))
        return download(c, tableCsv(table, s, s.dataset.projects.filter((p) => ids.has(p.id))), csvType, `20x10-${t.name}.csv`)
      }
      return download(c, tableCsv(table, s), csvType, `20x10-${t.name}.csv`)
    })
  }
  app.openapi(file('/api/export/dataset.json', 'The dataset in the JSON document format (honours the project filters)', 'application/json'), async (c) => {
    const s = await c.var.tracker.readModel.current()
    const q = c.req.valid('query')
    const filtered = Object.keys(c.req.queries()).length > 0
    const projectIds = filtered ? new Set(selectProjects(s, q).map((i) => i.id)) : undefined
    return download(c, datasetJson(s, projectIds ? { projectIds } : {}), 'application/json', '20x10-dataset.json')
  })
  app.openapi(file('/api/export/projects.geojson', 'Projects as GeoJSON points (honours the project filters)', 'application/geo+json'), async (c) => {
    const s = await c.var.tracker.readModel.current()
    const q = c.req.valid('query')
    const ids = new Set(selectProjects(s, q).map((i) => i.id))
    return download(c, projectsGeoJson(s, s.dataset.projects.filter((p) => ids.has(p.id)), q.as_of), 'application/geo+json', '20x10-projects.geojson')
  })
  app.openapi(file('/api/export/localities.geojson', 'The gazetteer as GeoJSON points', 'application/geo+json', NoQuery as never), async (c) => {
    const s = await c.var.tracker.readModel.current()
    return download(c, localitiesGeoJson(s), 'application/geo+json', '20x10-localities.geojson')
  })
  app.openapi(file('/api/export/csv.zip', 'Every table as CSV, in one zip', 'application/zip', NoQuery as never), async (c) => {
    const s = await c.var.tracker.readModel.current()
    return download(c, zipFiles(allTablesCsv(s), '20x10-csv/'), 'application/zip', '20x10-csv.zip')
  })
  app.openapi(file('/api/export/datapackage.zip', 'Frictionless Data Package (datapackage.json + CSV), in one zip', 'application/zip', NoQuery as never), async (c) => {
    const s = await c.var.tracker.readModel.current()
    return download(c, zipFiles(dataPackageFiles(s, { publicUrl: c.var.tracker.config.publicUrl }), '20x10-datapackage/'), 'application/zip', '20x10-datapackage.zip')
  })
}
