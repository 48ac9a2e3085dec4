/**
 * @module The one place where errors become HTTP responses, all in one shape:
 * `{ "error": { "code", "message", "details"? } }`. Bad input is a 4xx, never a 500.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, InvalidInputError, PreconditionFailedError, TooManyRequestsError, zodDetails, type ErrorDetail } from '../model/errors.ts'
import { isUnavailable } from '../service/health.ts'
import type { Logger } from './log.ts'

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[]; current?: unknown }
}

/** At most this many details go into a response; the rest are counted in a closing one. */
const maxDetails = 100

export function errorBody(code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  if (details && details.length > maxDetails + 1) {
    details = [...details.slice(0, maxDetails), { message: `… and ${details.length - maxDetails} more problem(s) not listed` }]
  }
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } }
}

/** A zod error that escaped a service: a value the request carried broke a record's schema. */
function isZodError(error: unknown): error is { issues: Array<{ path: PropertyKey[]; message: string }> } {
  return (error as { name?: unknown } | null)?.name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues)
}

const httpCodes: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  411: 'length_required',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'precondition_required',
  429: 'too_many_requests',
}

/**
 * True for a PostgreSQL "data exception" (SQLSTATE class 22): the database refused a value the
 * request carried — a NUL character (\u0000) or a lone surrogate in a string, a number out of
 * range — that passed validation. The statement (and its transaction) failed, so nothing was
 * written: it is bad input (400), not an internal error (500). Found by the hostile-input tests.
 */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)
}

export function toErrorResponse(c: Context, error: unknown, log?: Logger): Response {
  if (error instanceof AppError) {
    const body = errorBody(error.code, error.message, error.details)
    // A stale edit gets the current record, so the editor can see what changed.
    if (error instanceof PreconditionFailedError) body.error.current = error.current
    if (error instanceof TooManyRequestsError) c.header('Retry-After', String(error.retryAfterSeconds))
    return c.json(body, error.status as ContentfulStatusCode)
  }
  if (error instanceof HTTPException) {
    const status = error.status
    return c.json(errorBody(httpCodes[status] ?? 'error', error.message || 'request failed'), status as ContentfulStatusCode)
  }
  if (isUnavailable(error)) {
    c.header('Retry-After', '5')
    return c.json(errorBody('unavailable', 'the database is unavailable; try again shortly'), 503)
  }
  if (isDataException(error)) {
    return c.json(errorBody('invalid_input', `a value in the request cannot be stored: ${(error as Error).message}`), 400)
  }
  if (isZodError(error)) {
    const details = zodDetails(error.issues, 'body')
    return c.json(errorBody('invalid_input', details[0] ? `${details[0].path ?? 'body'}: ${details[0].message}` : 'invalid request', details), 400)
  }
  if (error instanceof SyntaxError) return c.json(errorBody('invalid_input', `malformed request body: ${error.message}`), 400)
  log?.error(`unexpected error on ${c.req.method} ${c.req.path}: ${(error as Error)?.stack ?? String(error)}`)
  return c.json(errorBody('internal', 'unexpected error; it has been logged'), 500)
}

/** Hook for route validation failures: a 400 naming each offending field. */
export function validationHook(
  result: { success: boolean; error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }; target: string },
  c: Context,
): Response | undefined {
  if (result.success || !result.error) return undefined
  const where = result.target === 'param' ? 'path' : result.target === 'json' ? 'body' : result.target
  // An unknown field is named in the path, so the message says which one ("body.project_idx: unknown field").
  const issues = result.error.issues.flatMap((i) => {
    const keys = (i as { code?: string; keys?: string[] }).code === 'unrecognized_keys' ? ((i as { keys?: string[] }).keys ?? []) : []
    return keys.length ? keys.map((k) => ({ path: [...i.path, k], message: 'unknown field (check its spelling against /api/openapi.json)' })) : [i]
  })
  // A bad member of a comma-separated list is reported against the parameter itself.
  const details = zodDetails(issues, where).map((d) => (where === 'query' && d.path ? { ...d, path: d.path.replace(/\.\d+$/, '') } : d))
  const first = details[0]
  return toErrorResponse(c, new InvalidInputError(first ? `${first.path ?? where}: ${first.message}` : 'invalid request', details))
}
