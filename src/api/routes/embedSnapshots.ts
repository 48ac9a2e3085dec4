/**
 * @module GET /embed/<name>.svg: the static snapshot of each embed (progress, grid, map,
 * timeline, project/<id>) — the fallback where a site cannot use an iframe. An SVG drawn by
 * export/snapshot from the current data, with the same credit line as the embed and the full
 * page's address from TRACKER_PUBLIC_URL. Under /embed/, so any site may show it (see
 * securityHeaders.ts). The map honours the project filters (?year=…), the timeline ?year=.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { progress } from '../../analysis/progress.ts'
import { gridSvg } from '../../export/snapshot/gridSvg.ts'
import { mapSvg } from '../../export/snapshot/mapSvg.ts'
import { progressSvg } from '../../export/snapshot/progressSvg.ts'
import { projectSvg } from '../../export/snapshot/projectSvg.ts'
import { timelineSvg } from '../../export/snapshot/timelineSvg.ts'
import { NotFoundError } from '../../model/errors.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import type { AppEnv } from '../context.ts'
import { ProjectQuery, selectProjects } from './projects.ts'

const programId = '20x10'

function svg(c: Context<AppEnv>, s: Snapshot, body: string): Response {
  const etag = `"embed-${s.version}-${body.length.toString(36)}"`
  const headers = { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-cache', ETag: etag, 'X-Content-Type-Options': 'nosniff' }
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
  return c.body(body, 200, headers)
}

export function registerEmbedSnapshots(app: OpenAPIHono<AppEnv>, today: () => string): void {
  const credit = (c: Context<AppEnv>, s: Snapshot, page: string) => ({ url: `${c.var.publicUrl.replace(/\/+$/, '')}${page}`, version: s.version, date: today() })
  const program = (s: Snapshot) => {
    const p = s.programs.get(programId) ?? [...s.programs.values()][0]
    if (!p) throw new NotFoundError('no program to draw')
    return p
  }

  app.get('/embed/:file{(?:progress|grid|map|timeline)\\.svg}', async (c) => {
    const s = await c.var.tracker.readModel.current()
    const p = program(s)
    const name = c.req.param('file').replace(/\.svg$/, '')
    if (name === 'progress') return svg(c, s, progressSvg(progress(s, p, undefined, today()), credit(c, s, '/')))
    if (name === 'grid') return svg(c, s, gridSvg(s, progress(s, p, undefined, today()), credit(c, s, '/')))
    if (name === 'map') {
      const q = ProjectQuery.safeParse(c.req.query())
      const search = new URL(c.req.url).search
      const ids = q.success && search ? new Set(selectProjects(s, q.data).map((i) => i.id)) : undefined
      return svg(c, s, mapSvg(s, p.id, credit(c, s, `/map${q.success ? search : ''}`), ids))
    }
    const years = [...new Set([...s.projects.values()].filter((x) => x.program_id === p.id && x.year !== null).map((x) => x.year!))].sort()
    const asked = Number(c.req.query('year'))
    const year = years.includes(asked) ? asked : years.at(-1)
    if (year === undefined) throw new NotFoundError('no policy year to draw')
    return svg(c, s, timelineSvg(s, p.id, year, today(), credit(c, s, `/timeline?year=${year}`)))
  })

  app.get('/embed/project/:file{.+\\.svg}', async (c) => {
    const s = await c.var.tracker.readModel.current()
    const id = c.req.param('file').replace(/\.svg$/, '')
    const project = s.projects.get(id)
    if (!project) throw new NotFoundError(`no such project: ${id}`)
    return svg(c, s, projectSvg(s, project, credit(c, s, `/projects/${encodeURIComponent(id)}`)))
  })
}
