/**
 * @module Limits on import previews by people who may not write (anonymous users and viewers):
 * a token bucket per client address (TRACKER_PREVIEWS_PER_MINUTE), and at most two such previews
 * running at once in the whole server, so that strangers sending large files cannot take the
 * server's time from everyone else. Editors importing their own files are not limited here.
 */
import type { MiddlewareHandler } from 'hono'
import { TooManyRequestsError } from '../model/errors.ts'
import { clientAddress, type TrustedProxies } from './clientAddress.ts'
import type { AppEnv } from './context.ts'

/** Previews by non-editors that may run at the same time, server-wide. */
export const maxConcurrentPreviews = 2
/** Addresses remembered at most; the least recently seen are forgotten first. */
const maxAddresses = 10_000

export function previewLimit(perMinute: number, trusted: TrustedProxies | null = null, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>()
  let running = 0
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const role = c.var.auth?.user?.role
    if (role === 'editor' || role === 'admin') return next()
    const address = clientAddress(c, trusted)
    const t = now()
    const bucket = buckets.get(address) ?? { tokens: perMinute, at: t }
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((t - bucket.at) / 60_000) * perMinute)
    bucket.at = t
    buckets.delete(address)
    buckets.set(address, bucket)
    if (buckets.size > maxAddresses) buckets.delete(buckets.keys().next().value!)
    if (bucket.tokens < 1) {
      const wait = Math.ceil(((1 - bucket.tokens) / perMinute) * 60)
      throw new TooManyRequestsError(`too many import previews from ${address}: at most ${perMinute} a minute without signing in; try again in ${wait} s`, wait)
    }
    if (running >= maxConcurrentPreviews) {
      throw new TooManyRequestsError(`${maxConcurrentPreviews} import previews are already running; try again in a few seconds`, 2)
    }
    bucket.tokens -= 1
    running++
    try {
      await next()
    } finally {
      running--
    }
  }
}
