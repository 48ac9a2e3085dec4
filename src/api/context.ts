/** @module What every request handler can reach through `c.var`. */
import type { Auth } from './auth/middleware.ts'
import type { Logger } from './log.ts'
import type { Tracker } from '../service/tracker.ts'

export interface AppVariables {
  tracker: Tracker
  log: Logger
  startedAt: Date
  auth: Auth
  /** The public address links are built from (TRACKER_PUBLIC_URL, else the listen address), no trailing slash. */
  publicUrl: string
}

export interface AppEnv {
  Variables: AppVariables
}
