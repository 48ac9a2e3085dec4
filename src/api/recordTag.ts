/**
 * @module The ETag of one record's representation (RFC 9110, strong): "v<version>-<hash>". The
 * version is what If-Match is checked against when the record is changed; the hash of the body
 * makes the tag change whenever the response does (a project's events or claims), so that
 * If-None-Match gets 304 only for the very same bytes. List endpoints keep the weak data-version
 * tag of the response cache.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'

export function recordTag(version: number, body: unknown): string {
  return `"v${version}-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)}"`
}

/** Sets the record's ETag on the response and gives the body back, for `c.json(tagged(c, body))`. */
export function tagged<T extends { version: number }>(c: Context, body: T): T {
  c.header('ETag', recordTag(body.version, body))
  return body
}
