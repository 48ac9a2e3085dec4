/**
 * @module A plain static file server for tests (node:http, no code of the app): serves a directory
 * under a sub-path, the way GitHub Pages or any web server would — a directory address without its
 * slash is redirected to it, a directory is its index.html, anything else missing is a 404.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
}

export interface StaticServer {
  /** The address of the served directory, ending in "/" (e.g. http://127.0.0.1:PORT/tracker/). */
  url: string
  origin: string
  /** Every request path answered, with its status. */
  log: { path: string; status: number }[]
  close(): Promise<void>
}

export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const log: StaticServer['log'] = []
  const server = http.createServer((req, res) => {
    const answer = (status: number, headers: Record<string, string> = {}, body?: Buffer | string) => {
      log.push({ path: req.url ?? '', status })
      res.writeHead(status, headers)
      res.end(body)
    }
    const url = new URL(req.url ?? '/', 'http://x')
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return answer(400)
    }
    if (!pathname.startsWith(prefix) && pathname !== prefix.replace(/\/$/, '')) return answer(404, { 'content-type': 'text/plain' }, 'not found')
    const rel = pathname.slice(prefix.length)
    const file = path.resolve(root, rel)
    if (file !== root && !file.startsWith(root + path.sep)) return answer(404)
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      return answer(404, { 'content-type': 'text/plain' }, 'not found')
    }
    if (stat.isDirectory()) {
      if (!url.pathname.endsWith('/')) return answer(301, { location: `${url.pathname}/${url.search}` })
      const index = path.join(file, 'index.html')
      if (!fs.existsSync(index)) return answer(404)
      return answer(200, { 'content-type': types['.html']! }, fs.readFileSync(index))
    }
    answer(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }, fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}${prefix}`,
    origin,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
