/**
 * @module Talks to the tracker's JSON API: GETs shared and cached for a minute (the data changes
 * weekly) until a change is saved; changes sent with the session's CSRF token and If-Match; the
 * API's one error shape turned into an ApiError (with the fields it names, and for a 412 the
 * record as it is now). In a published copy (staticMode.ts) the reads come from its files
 * (staticData.ts) and nothing can be sent.
 */
import { staticAnswer, StaticQueryError } from './staticData.ts'
import { basePath, isStatic } from './staticMode.ts'

export interface ErrorDetail {
  path?: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** With 412: the record as someone else saved it. */
    readonly current?: Record<string, unknown>,
  ) {
    super(message)
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: ErrorDetail[]; current?: Record<string, unknown> }
}

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null
  const e = body?.error
  return new ApiError(response.status, e?.code ?? 'http_error', e?.message ?? `${response.status} ${response.statusText}`, Array.isArray(e?.details) ? e.details : [], e?.current ?? undefined)
}

const ttlMs = 60_000
const cache = new Map<string, { at: number; promise: Promise<unknown> }>()

/** One file of the published copy, as JSON (a missing file is the API's 404). */
async function readStaticFile(file: string): Promise<unknown> {
  const response = await fetch(basePath + file, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new ApiError(response.status, response.status === 404 ? 'not_found' : 'http_error', response.status === 404 ? `not in this published copy: ${file}` : `${response.status} ${response.statusText}`)
  return response.json()
}

export async function fetchJson<T>(path: string): Promise<T> {
  if (isStatic) {
    try {
      return (await staticAnswer(path, readStaticFile)) as T
    } catch (error) {
      if (error instanceof StaticQueryError) throw new ApiError(400, 'static_copy', error.message)
      throw error
    }
  }
  const response = await fetch(path, { headers: { accept: 'application/json' } })
  if (!response.ok) throw await toError(response)
  return (await response.json()) as T
}

/** The JSON at `path`, from the cache when it was read less than a minute ago and nothing was saved since. */
export function getJson<T>(path: string): Promise<T> {
  const hit = cache.get(path)
  if (hit && Date.now() - hit.at < ttlMs) return hit.promise as Promise<T>
  const promise = fetchJson<T>(path)
  cache.set(path, { at: Date.now(), promise })
  promise.catch(() => cache.delete(path))
  return promise
}

/** "/api/projects" + {year: "2024", q: ""} → "/api/projects?year=2024" (empty values left out). */
export function apiPath(path: string, params: Record<string, string | number | undefined | null> | URLSearchParams = {}): string {
  const search = params instanceof URLSearchParams ? new URLSearchParams(params) : new URLSearchParams()
  if (!(params instanceof URLSearchParams)) for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

/* After a change every page reads the data again: the cache is dropped and the epoch moves on. */
let epoch = 0
const epochListeners = new Set<(epoch: number) => void>()

export function currentEpoch(): number {
  return epoch
}

export function onEpoch(listener: (epoch: number) => void): () => void {
  epochListeners.add(listener)
  return () => void epochListeners.delete(listener)
}

/** Forget every cached read and make the mounted views read again (after a change was saved). */
export function dataChanged(): void {
  cache.clear()
  epoch += 1
  for (const l of epochListeners) l(epoch)
}

let csrf: string | null = null

/** The CSRF token of the signed-in session (kept in memory only, from GET/POST /api/session). */
export function setCsrfToken(token: string | null): void {
  csrf = token
}

export interface SendOptions {
  /** The version of the record being changed (PATCH/DELETE). */
  ifMatch?: number
}

/** Sends a change (POST/PATCH/DELETE with a JSON body) and returns the API's answer; throws ApiError. */
export async function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: SendOptions = {}): Promise<T> {
  if (isStatic) throw new ApiError(0, 'static_copy', 'this is a published copy: nothing can be changed here; make changes in the live tracker')
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (csrf) headers['x-csrf-token'] = csrf
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`
  let response: Response
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  } catch (error) {
    throw new ApiError(0, 'network', `the server could not be reached (${(error as Error)?.message ?? String(error)}); nothing was saved`)
  }
  if (!response.ok) throw await toError(response)
  const text = await response.text()
  return (text ? JSON.parse(text) : null) as T
}
