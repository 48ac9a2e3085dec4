/**
 * @module The HTTP application: middleware (body limit, error shape), the API routes and the
 * OpenAPI document generated from the same route definitions.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { PayloadTooLargeError } from '../model/errors.ts'
import type { AppEnv } from './context.ts'
import { errorBody, toErrorResponse, validationHook } from './errors.ts'
import type { Logger } from './log.ts'
import { securityHeaders } from './securityHeaders.ts'
import { publicReadCors } from './cors.ts'
import { today as todayDate } from '../model/partialDate.ts'
import { authenticate, writeGate } from './auth/middleware.ts'
import { registerAccounts } from './routes/accounts.ts'
import { registerChanges } from './routes/changes.ts'
import { registerClaims } from './routes/claims.ts'
import { registerConfig } from './routes/config.ts'
import { registerEdit } from './routes/edit.ts'
import { registerSession } from './routes/session.ts'
import { trustedProxies } from './clientAddress.ts'
import { responseCache } from './cache.ts'
import { declaredQueries } from './queryCheck.ts'
import { previewLimit } from './previewLimit.ts'
import { registerEvents } from './routes/events.ts'
import { registerExports } from './routes/exports.ts'
import { registerImportRoute } from './routes/import.ts'
import { registerIntake } from './routes/intake.ts'
import { registerProposals } from './routes/proposals.ts'
import { registerHealth } from './routes/health.ts'
import { registerLocalities } from './routes/localities.ts'
import { registerPrograms } from './routes/programs.ts'
import { registerProjects } from './routes/projects.ts'
import { registerReconcile } from './routes/reconcile.ts'
import { registerReleases } from './routes/releases.ts'
import { registerReleaseSite } from './releaseSite.ts'
import { registerSources } from './routes/sources.ts'
import { registerStats } from './routes/stats.ts'
import { registerStatic } from './static.ts'
import { registerEmbedSnapshots } from './routes/embedSnapshots.ts'
import type { Tracker } from '../service/tracker.ts'

export interface AppOptions {
  tracker: Tracker
  log: Logger
  startedAt?: Date
  /** Set while the server shuts down: responses then close their connection. */
  lifecycle?: { closing: boolean }
  /** The address the server listens on, once known: links fall back to it when TRACKER_PUBLIC_URL is unset. */
  listenUrl?: () => string | undefined
  /** Today's date (YYYY-MM-DD); tests fix it. */
  today?: () => string
}

export const apiInfo = {
  title: '20×10 Tracker API',
  version: '1',
  description:
    "Open data on North Korea's Regional Development 20×10 Policy: programs, localities, projects, events, sources and claims. Lists return `{ items, total }`; errors return `{ error: { code, message, details? } }`.",
}

export function createApp({ tracker, log, startedAt = new Date(), lifecycle = { closing: false }, listenUrl = () => undefined, today = () => tracker.config.today ?? todayDate() }: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const { host, port } = tracker.config
  const fallback = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`
  // Never the request's Host header: a feed or link must not point wherever a client says.
  const publicUrl = () => tracker.config.publicUrl ?? listenUrl() ?? fallback

  app.use('*', async (c, next) => {
    c.set('tracker', tracker)
    c.set('log', log)
    c.set('startedAt', startedAt)
    c.set('publicUrl', publicUrl())
    await next()
    if (lifecycle.closing) c.header('Connection', 'close')
    // A request refused before its body was read (too many previews, a body over the limit):
    // the rest of the body is still on the wire, so the connection closes after the answer
    // rather than being reused by a keep-alive client whose next request would be cut.
    else if ((c.res.status === 429 || c.res.status === 413) && c.req.method !== 'GET' && c.req.method !== 'HEAD') c.header('Connection', 'close')
  })
  // Cached reads are answered first, before any other middleware: the cache entry already holds
  // the security headers of the original response (measured: building full Request/Response
  // objects in later middleware halved the throughput of cached reads).
  // Unknown query parameters are refused before the cache sees the URL.
  const queries = declaredQueries()
  app.use('/api/*', queries.middleware)
  const cache = responseCache(tracker.config.cacheMaxBytes)
  for (const path of ['/api/programs', '/api/projects', '/api/localities', '/api/provinces', '/api/events', '/api/sources', '/api/claims', '/api/stats', '/api/export']) {
    app.use(path, cache)
    app.use(`${path}/*`, cache)
  }
  const limit = bodyLimit({
    maxSize: tracker.config.maxBodyBytes,
    onError: (c) => toErrorResponse(c, new PayloadTooLargeError(`request body is larger than ${tracker.config.maxBodyBytes} bytes`)),
  })
  // GET and HEAD carry no body; reading it anyway makes the adapter build a full Request.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)))

  // Inside the cache: a cached answer keeps the header it was stored with.
  app.use('/api/*', publicReadCors())

  app.use('*', securityHeaders({ tileUrl: tracker.config.tileUrl }))
  app.use('/api/*', authenticate())
  app.use('/api/*', writeGate())
  const trusted = trustedProxies(tracker.config.trustedProxy)
  app.use('/api/import', previewLimit(tracker.config.previewsPerMinute, trusted))
  registerHealth(app, cache.stats)
  registerConfig(app)
  registerSession(app, trusted)
  registerAccounts(app)
  registerChanges(app)
  registerEdit(app)
  registerPrograms(app)
  registerProjects(app)
  registerLocalities(app)
  registerEvents(app)
  registerClaims(app)
  registerSources(app)
  registerStats(app, today)
  registerExports(app)
  // A release keeps a copy of the site: read through an app of its own whose public URL is the copy's address.
  registerReleases(app, (url) => {
    const copy = createApp({ tracker: { ...tracker, config: Object.freeze({ ...tracker.config, publicUrl: url }) }, log, startedAt, today })
    return (p) => copy.request(p)
  })
  registerImportRoute(app)
  registerReconcile(app)
  registerIntake(app)
  registerProposals(app)

  queries.load(app.openAPIRegistry.definitions)
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: apiInfo })
  registerEmbedSnapshots(app, today)
  registerReleaseSite(app)
  registerStatic(app)

  app.notFound((c) => c.json(errorBody('not_found', `no such endpoint: ${c.req.method} ${c.req.path}`), 404))
  app.onError((error, c) => toErrorResponse(c, error, log))
  // A plain GET whose answer the cache holds at the current data version is answered before
  // routing: the stored entry carries the headers the middleware set when it was made (security,
  // CORS, ETag), and its URL passed the query check then. Conditional requests, and every request
  // while shutting down (Connection: close), go through the middleware as before.
  const routed = app.fetch
  app.fetch = (request, ...rest) => {
    if (request.method === 'GET' && !lifecycle.closing && !request.headers.has('if-none-match')) {
      const snapshot = tracker.readModel.fresh()
      const answer = snapshot && cache.hit(request.url, snapshot.version)
      if (answer) return answer
    }
    return routed(request, ...rest)
  }
  return app
}

export type App = ReturnType<typeof createApp>
