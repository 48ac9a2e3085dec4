/**
 * @module Reads the tracker's JSON API: GETs shared and cached for a minute (the data changes
 * weekly), and the API's one error shape turned into an ApiError.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const ttlMs = 60_000
const cache = new Map<string, { at: number; promise: Promise<unknown> }>()

export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    throw new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `${response.status} ${response.statusText}`)
  }
  return (await response.json()) as T
}

/** The JSON at `path`, from the cache when it was read less than a minute ago. */
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
