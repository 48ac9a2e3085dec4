/**
 * @module Runs the HTTP server: opens the tracker, serves the app, and shuts down gracefully on
 * SIGTERM/SIGINT — no new connections, in-flight requests finish (up to a timeout), then the
 * database closes cleanly.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Config } from '../config/config.ts'
import { createApp } from './app.ts'
import { createLogger, type Logger } from './log.ts'
import { openTracker, type Tracker } from '../service/tracker.ts'
import { listIndexExtra } from './routes/projects.ts'

export interface RunningServer {
  url: string
  port: number
  tracker: Tracker
  server: Server
  /** Stops accepting, lets in-flight requests finish, closes the database. */
  shutdown(reason?: string): Promise<void>
}

export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const startedAt = new Date()
  const tracker = await openTracker(config, { command: 'serve', onProgress: (m) => log.info(m) })
  // TRACKER_SNAPSHOT_CACHE: start from the snapshot persisted in the data directory when it is
  // the database's current one (store/snapshotCache.ts), with the list index beside it.
  await tracker.readModel.persistIn(config.snapshotCache, config.dataDir, [listIndexExtra])
  await tracker.readModel.follow(config.pollIntervalMs)
  // The first snapshot loads while the server already listens (seconds at 100× the data): the
  // web app and /api/health answer at once, data requests wait for the load.
  const loadStart = performance.now()
  await tracker.readModel.warmUp((error) => log.error(`loading the data failed (the next request tries again): ${error.message}`))
  void tracker.readModel.current().then(
    () => log.info(`data loaded in ${Math.round(performance.now() - loadStart)} ms`),
    () => {},
  )
  const lifecycle = { closing: false }
  let listening: string | undefined
  const app = createApp({ tracker, log, startedAt, lifecycle, listenUrl: () => listening })

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        // Slow clients (slowloris): a request must send its headers, and then all of itself,
        // within these times; Node checks the open connections against them every second.
        serverOptions: { headersTimeout: Math.min(config.headersTimeoutMs, config.requestTimeoutMs), requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: 1000 },
      },
      () => resolve(s as Server),
    ) as Server
    s.once('error', reject)
  })
  server.keepAliveTimeout = 5000
  // Beyond this many open connections, new ones are closed on arrival: a flood of idle sockets
  // cannot use up the process's file descriptors.
  server.maxConnections = config.maxConnections
  const port = (server.address() as AddressInfo).port
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  listening = url
  tracker.store.lock?.update({ url })
  log.info(`serving ${url} (${tracker.store.engine}: ${tracker.store.location})`)
  // TRACKER_FEEDS: new items of each feed go into the review queue, polled in the background.
  // Loaded only then: the feed and HTML parsers are hundreds of modules a server without feeds never needs.
  const poller = config.feeds?.length ? (await import('../service/feedPoller.ts')).startFeedPoller(tracker, { feeds: config.feeds, intervalMs: config.feedIntervalMs, log }) : null

  let done: Promise<void> | null = null
  const shutdown = (reason = 'shutdown') =>
    (done ??= (async () => {
      lifecycle.closing = true
      log.info(`${reason}: finishing in-flight requests…`)
      const pollerStopped = poller?.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const timer = setTimeout(() => {
        log.warn(`requests still running after ${config.shutdownTimeoutMs} ms; closing their connections`)
        server.closeAllConnections()
      }, config.shutdownTimeoutMs)
      timer.unref()
      await closed
      clearTimeout(timer)
      await pollerStopped
      await tracker.close()
      log.info('stopped; database closed cleanly')
    })())

  return { url, port, tracker, server, shutdown }
}

/** Runs until SIGTERM or SIGINT, then shuts down and exits 0. */
export async function runServer(config: Config): Promise<void> {
  const log = createLogger(config.logLevel)
  const running = await startServer(config, log)
  const onSignal = (signal: NodeJS.Signals) => {
    running
      .shutdown(signal)
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error(`shutdown failed: ${(error as Error).message}`)
        process.exit(1)
      })
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}
