/**
 * @module The one family of errors the tracker raises on purpose. Each carries a stable code,
 * the HTTP status the API answers with and the exit code the CLI ends with; api/ and cli/ each
 * have one place that turns them into a response or a line on stderr.
 */

export interface ErrorDetail {
  /** Where the problem is: a field path ("query.limit"), a file position ("list.txt:12"), a record id. */
  path?: string
  message: string
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly exitCode: 1 | 2,
    readonly details?: ErrorDetail[],
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** The input is wrong: bad parameters, malformed file, unknown value. HTTP 400, exit 2. */
export class InvalidInputError extends AppError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('invalid_input', message, 400, 2, details)
  }
}

/** A setting is missing or wrong, or the environment cannot be used. Exit 2. */
export class ConfigError extends AppError {
  constructor(message: string) {
    super('config', message, 500, 2)
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message, 404, 1)
  }
}

/** The request cannot be carried out as the data stands (e.g. a duplicate id). HTTP 409. */
export class ConflictError extends AppError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('conflict', message, 409, 1, details)
  }
}

/** The store cannot be reached (server down, directory in use). HTTP 503, exit 1. */
export class UnavailableError extends AppError {
  constructor(message: string) {
    super('unavailable', message, 503, 1)
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super('payload_too_large', message, 413, 2)
  }
}

/** Describes a zod error as details naming each offending field. */
export function zodDetails(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix = ''): ErrorDetail[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.')
    return path ? { path, message: issue.message } : { message: issue.message }
  })
}

/** No credentials, or credentials that do not check out. HTTP 401. */
export class UnauthorizedError extends AppError {
  constructor(message = 'sign in, or send an API token (Authorization: Bearer …), to change data') {
    super('unauthorized', message, 401, 1)
  }
}

/** Signed in, but the role does not allow this (or the CSRF token is missing). HTTP 403. */
export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden') {
    super(code, message, 403, 1)
  }
}

/** An update without If-Match. HTTP 428. */
export class PreconditionRequiredError extends AppError {
  constructor(message = 'send If-Match with the version of the record you are changing (its "version" field)') {
    super('precondition_required', message, 428, 1)
  }
}

/** The record changed since the editor loaded it. HTTP 412, with the current record. */
export class PreconditionFailedError extends AppError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super('precondition_failed', message, 412, 1)
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', message, 429, 1)
  }
}

/**
 * Validates a record built from a request: its schema's refusal (a claim value outside the
 * vocabulary, a label too long) is the caller's bad input, a 400 naming the fields — not a 500.
 */
export function validRecord<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } } },
  value: unknown,
  prefix = 'body',
): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const details = zodDetails(result.error.issues, prefix)
  throw new InvalidInputError(details[0] ? `${details[0].path ?? prefix}: ${details[0].message}` : 'invalid record', details)
}
