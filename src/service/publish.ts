/**
 * @module `publishSite()`: a complete static copy of the tracker — every page of the web app reading
 * JSON files instead of the API (same URLs), every export, the OpenAPI document and the Atom feed —
 * for any static host, also under a sub-path. The files are the app's own answers: `request` runs a
 * GET through the HTTP app in-process (`app.request`), so the copy says exactly what the API says.
 * Where each answer goes is model/staticFiles.ts (the web client reads the same names). List files
 * hold every item (the pages filter them in the browser); the health answer keeps only what does not
 * change between runs, so the same data gives the same bytes (written by publishFiles.ts). The
 * embeds (/embed/*) are pages of the copy too, with their static snapshots (/embed/<name>.svg, the
 * route's own answers, so the Embed snippet's image fallback works from a plain file server and its
 * credit line links into the copy). `buildSite` makes the files without writing them: a
 * release keeps them as its copy of the site (release.ts), with the release named in every page.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError, InvalidInputError } from '../model/errors.ts'
import { staticFileOf } from '../model/staticFiles.ts'
import { embeddableCharts } from '../model/embeds.ts'
import { checkTarget, publishMarker, writeTree, type WriteOutcome } from './publishFiles.ts'

export interface PublishOptions {
  /** The directory to write (replaced as a whole; see publishFiles.ts). */
  out: string
  /** A GET of the tracker's HTTP app, in-process (e.g. `(p) => app.request(p)`). */
  request: (path: string) => Response | Promise<Response>
  /** The built web app (dist/web). */
  webRoot: string
  /** The address the copy will be served at (its pages, citations and feed links use it); its path is the base. */
  baseUrl?: string | null
  /** The live tracker, named in the copy's note ("the live tracker is at …"). */
  liveUrl?: string | null
  /** The release this copy freezes: its pages then say so at the top and cite it (see release.ts). */
  release?: { version: string; date: string } | null
  onProgress?: (message: string) => void
}

/** The files of a copy, not yet written: relative path → bytes. */
export interface SiteFiles {
  files: Map<string, Uint8Array>
  base_path: string
  data_version: number
  pages: number
  api_files: number
}

export interface PublishResult extends WriteOutcome {
  out: string
  base_path: string
  base_url: string | null
  data_version: number
  files: number
  pages: number
  api_files: number
  bytes: number
}

/** The error of a run that could not read something from the app: nothing was written. */
export class PublishError extends AppError {
  constructor(message: string) {
    super('publish_failed', message, 500, 1)
  }
}

interface Listed {
  id: string
}

/** The base path of a published copy: the path of its address, ending in "/". */
export function basePathOf(baseUrl: string | null | undefined): string {
  if (!baseUrl) return '/'
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new InvalidInputError(`--base-url ${baseUrl} is not an address: give e.g. https://example.org/tracker/`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidInputError(`--base-url ${baseUrl} must be an http or https address`)
  if (url.search || url.hash) throw new InvalidInputError(`--base-url ${baseUrl} must not have a query or fragment`)
  return url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The built index.html as the copy's page: the static-mode tag (with the copy's own address when it
 * is known — the Embed snippets point there —, and the release it freezes, if any), and the assets
 * under the base.
 */
export function pageHtml(html: string, base: string, liveUrl: string | null, release: PublishOptions['release'] = null, url: string | null = null): string {
  const frozen = release ? ` data-release="${escapeAttr(release.version)}" data-release-date="${escapeAttr(release.date)}"` : ''
  const own = url ? ` data-url="${escapeAttr(url)}"` : ''
  const tag = `<meta name="tracker-static" content="${escapeAttr(base)}"${own}${liveUrl ? ` data-live="${escapeAttr(liveUrl)}"` : ''}${frozen} />`
  if (!html.includes('</head>')) throw new PublishError('the built index.html has no </head>: rebuild the web app (npm run build)')
  return html
    .replace('</head>', `    ${tag}\n  </head>`)
    .replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${base}`)
}

/** Vite's preload helper puts "/" before the assets a lazy chunk needs: in the copy, the base. */
const preloadBase = 'return`/`+e}'
function assetJs(text: string, base: string): string {
  return text.includes(preloadBase) ? text.split(preloadBase).join(`return${JSON.stringify(base)}+e}`) : text
}

function webFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name
    return e.isDirectory() ? webFiles(root, rel) : [rel]
  })
}

export async function publishSite(options: PublishOptions): Promise<PublishResult> {
  const { out, onProgress = () => {} } = options
  checkTarget(path.resolve(out)) // before reading anything: a target that will be refused is refused at once
  const site = await buildSite(options)
  const { files } = site
  onProgress(`writing ${files.size} files to ${out}`)
  const outcome = writeTree(out, files)
  let bytes = 0
  for (const data of files.values()) bytes += data.length
  return { out: path.resolve(out), base_path: site.base_path, base_url: options.baseUrl ?? null, data_version: site.data_version, files: files.size, pages: site.pages, api_files: site.api_files, bytes, ...outcome }
}

/** True when `webRoot` holds a build of the web app (a copy can be made). */
export const isBuilt = (webRoot: string): boolean => fs.existsSync(path.join(webRoot, 'index.html'))

/** Every file of a copy, read from the app (nothing is written): what publishSite writes, and what a release keeps in its site/ folder. */
export async function buildSite(options: Omit<PublishOptions, 'out'>): Promise<SiteFiles> {
  const { webRoot, onProgress = () => {} } = options
  const base = basePathOf(options.baseUrl)
  const indexFile = path.join(webRoot, 'index.html')
  if (!fs.existsSync(indexFile)) throw new InvalidInputError(`the web app is not built (no ${indexFile}): run npm run build first`)
  const files = new Map<string, Uint8Array>()
  const encoder = new TextEncoder()

  const get = async (url: string): Promise<Response> => {
    const response = await options.request(url)
    if (!response.ok) throw new PublishError(`GET ${url} answered ${response.status}: nothing was written`)
    return response
  }
  const put = async (url: string) => files.set(staticFileOf(url), new Uint8Array(await (await get(url)).arrayBuffer()))
  const json = async <T>(url: string) => (await (await get(url)).json()) as T
  /** A list with every item (the API gives at most 1000 at a time). */
  const whole = async <T>(url: string): Promise<T[]> => {
    const items: T[] = []
    const sep = url.includes('?') ? '&' : '?'
    for (;;) {
      const page = await json<{ items: T[]; total: number }>(`${url}${sep}limit=1000&offset=${items.length}`)
      items.push(...page.items)
      if (page.items.length === 0 || items.length >= page.total) break
    }
    files.set(staticFileOf(url), encoder.encode(JSON.stringify({ items, total: items.length })))
    return items
  }

  onProgress('reading the lists')
  const projects = await whole<Listed>('/api/projects')
  const localities = await whole<Listed>('/api/localities')
  await whole('/api/localities?reached=false')
  await whole('/api/localities?reached=true')
  const sources = await whole<Listed>('/api/sources')
  await whole('/api/events')
  const provinces = (await json<{ items: Listed[] }>('/api/provinces')).items
  const programs = (await json<{ items: Listed[] }>('/api/programs')).items

  const health = await json<Record<string, unknown> & { data_version: number }>('/api/health')
  const changes = await json<{ items: { at?: string }[] }>('/api/changes?limit=1')
  // What changes from run to run (uptime, cache) is left out; "started" is when the data last changed.
  const stableHealth = { ...health, started_at: changes.items[0]?.at ?? '1970-01-01T00:00:00.000Z', uptime_s: 0, cache: { bytes: 0, entries: 0, max_bytes: 0 }, published: true }
  files.set(staticFileOf('/api/health'), encoder.encode(JSON.stringify(stableHealth)))

  const fixed = [
    '/api/config',
    '/api/session',
    '/api/provinces',
    '/api/programs',
    ...programs.map((p) => `/api/programs/${encodeURIComponent(p.id)}`),
    '/api/stats/progress',
    '/api/stats/coverage',
    '/api/stats/durations',
    '/api/stats/projection',
    '/api/changes',
    '/api/changes?limit=100',
    '/api/changes.atom',
    '/api/openapi.json',
  ]
  const openapi = await json<{ paths: Record<string, unknown> }>('/api/openapi.json')
  const exports = Object.keys(openapi.paths).filter((p) => p.startsWith('/api/export/') && !p.includes('{')).sort()
  if (exports.length === 0) throw new PublishError('the OpenAPI document lists no exports')
  onProgress(`reading ${fixed.length + exports.length} documents and exports`)
  for (const url of [...fixed, ...exports]) await put(url)

  const records = [
    ...projects.flatMap((p) => [`/api/projects/${encodeURIComponent(p.id)}`, `/api/projects/${encodeURIComponent(p.id)}/history`]),
    ...localities.map((l) => `/api/localities/${encodeURIComponent(l.id)}`),
    ...sources.flatMap((s) => [`/api/sources/${encodeURIComponent(s.id)}`, `/api/sources/${encodeURIComponent(s.id)}/history`]),
  ]
  onProgress(`reading ${records.length} records and histories`)
  // A few at a time: with PostgreSQL the queries of one overlap the network wait of another.
  let next = 0
  let failed = false
  const worker = async () => {
    try {
      while (next < records.length && !failed) await put(records[next++]!)
    } catch (error) {
      failed = true // the others stop too: nothing will be written
      throw error
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  const apiFiles = files.size

  // The web app: its assets (under the base), and its page at every address the app has.
  const release = options.release ?? null
  // A published copy names its address for the Embed snippets; a release's copy is read where the
  // tracker serves it (/releases/<version>/site/), which its pages find from their own address.
  const ownUrl = release ? null : (options.baseUrl ?? null)
  const html = pageHtml(fs.readFileSync(indexFile, 'utf8'), base, options.liveUrl ?? null, release, ownUrl)
  const embedFile = path.join(webRoot, 'embed', 'index.html')
  const embedHtml = fs.existsSync(embedFile) ? pageHtml(fs.readFileSync(embedFile, 'utf8'), base, options.liveUrl ?? null, release, ownUrl) : null
  let lazyChunks = false
  let preloadFound = false
  for (const rel of webFiles(webRoot)) {
    if (rel === 'index.html' || rel === 'embed/index.html') continue
    const data = fs.readFileSync(path.join(webRoot, rel))
    if (!rel.endsWith('.js')) {
      files.set(rel, new Uint8Array(data))
      continue
    }
    const text = data.toString('utf8')
    lazyChunks ||= text.includes('__vite__mapDeps')
    preloadFound ||= text.includes(preloadBase)
    files.set(rel, encoder.encode(assetJs(text, base)))
  }
  // A build whose preload helper looks different would load lazy pages from the host's root: say so.
  if (base !== '/' && lazyChunks && !preloadFound) throw new PublishError("the web build's preload helper was not found, so lazy pages could not load under a sub-path: update preloadBase in src/service/publish.ts")
  const pagePaths = [
    '',
    'map',
    'timeline',
    'projects',
    'sources',
    'provinces',
    'charts',
    'about',
    ...projects.map((p) => `projects/${p.id}`),
    ...localities.map((l) => `localities/${l.id}`),
    ...provinces.map((p) => `provinces/${p.id}`),
    ...sources.map((s) => `sources/${s.id}`),
  ]
  const page = encoder.encode(html)
  for (const p of pagePaths) {
    if (p.split('/').some((s) => s === '' && p !== '') || /[\\\0]|(^|\/)\.\.?($|\/)/.test(p)) throw new PublishError(`a record id cannot be a file name: ${p}`)
    files.set(p ? `${p}/index.html` : 'index.html', page)
  }
  // The embeds (/embed/*, src/web/embed/): their own small page at each address an iframe may point to.
  let embeds = 0
  if (embedHtml) {
    const embedPage = encoder.encode(embedHtml)
    const embedPaths = ['progress', 'grid', 'map', 'timeline', ...embeddableCharts.map((c) => `chart/${c}`), ...projects.map((p) => `project/${p.id}`)]
    for (const p of embedPaths) files.set(`embed/${p}/index.html`, embedPage)
    embeds = embedPaths.length
  }
  // The embeds' static images, as GET /embed/<name>.svg draws them (the charts have none: a reader
  // saves a chart as an image from its own page). Project ids were checked as file names above.
  const snapshots = [...['progress', 'grid', 'map', 'timeline'].map((n) => `embed/${n}.svg`), ...projects.map((p) => `embed/project/${p.id}.svg`)]
  onProgress(`drawing ${snapshots.length} embed images`)
  for (const file of snapshots) {
    const url = `/${file.split('/').map(encodeURIComponent).join('/')}`
    files.set(file, new Uint8Array(await (await get(url)).arrayBuffer()))
  }
  // GitHub Pages and many hosts answer an unknown address with 404.html: the app, which says "not found".
  files.set('404.html', page)
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops files whose names start with "_".
  files.set('.nojekyll', new Uint8Array())

  const summary = { written_by: 'tracker publish', base_path: base, base_url: options.baseUrl ?? null, data_version: health.data_version, pages: pagePaths.length, embeds, embed_images: snapshots.length, api_files: apiFiles, ...(release ? { release: release.version } : {}) }
  files.set(publishMarker, encoder.encode(`${JSON.stringify(summary, null, 2)}\n`))
  return { files, base_path: base, data_version: health.data_version, pages: pagePaths.length, api_files: apiFiles }
}
