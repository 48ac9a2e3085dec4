/**
 * @module Fetches a feed or an article page for the intake, bounded: http(s) only, an overall
 * timeout (a server that accepts and never answers is given up on), and a byte cap counted while
 * reading (a page that sends more is cut off, not buffered). Every failure is a FetchError whose
 * message says what happened in words a person can act on.
 */
import { AppError } from '../model/errors.ts'

/** The fetch failed: not reachable, no answer in time, an HTTP error, too large, not text. HTTP 502, exit 1. */
export class FetchError extends AppError {
  constructor(message: string) {
    super('fetch_failed', message, 502, 1)
  }
}

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
  /** The Accept header. */
  accept?: string
  /** Aborts the fetch from outside (a poller stopping). */
  signal?: AbortSignal
}

export interface Fetched {
  /** The URL after redirects. */
  url: string
  status: number
  contentType: string
  text: string
}

const userAgent = '20x10-tracker-intake/0.1'

function describe(error: unknown, url: string, limits: FetchLimits): string {
  const e = error as Error & { cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError') return `${url}: no answer within ${limits.timeoutMs} ms`
  if (e?.name === 'AbortError') return `${url}: stopped before it answered`
  const code = e?.cause?.code
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${url}: host not found`
  if (code === 'ECONNREFUSED') return `${url}: connection refused`
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `${url}: the connection was closed before the answer was complete`
  return `${url}: ${e?.cause?.message ?? e?.message ?? String(error)}`
}

function charsetOf(contentType: string): string {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)
  const label = m?.[1]?.toLowerCase() ?? 'utf-8'
  try {
    new TextDecoder(label)
    return label
  } catch {
    return 'utf-8'
  }
}

/** GETs `url` and returns its body as text, within the limits; throws FetchError otherwise. */
export async function fetchLimited(url: string, limits: FetchLimits): Promise<Fetched> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new FetchError(`${url.slice(0, 200)}: not a URL`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(`${url.slice(0, 200)}: only http and https URLs are fetched`)
  const timeout = AbortSignal.timeout(limits.timeoutMs)
  const signal = limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout
  let res: Response
  const get = () => fetch(parsed, { signal, redirect: 'follow', headers: { accept: limits.accept ?? '*/*', 'user-agent': userAgent } })
  try {
    res = await get()
  } catch (error) {
    // A kept-alive connection the server closed just as it was reused: a GET is safe to send again, once.
    const code = (error as { cause?: { code?: string } }).cause?.code
    if (signal.aborted || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET' && code !== 'EPIPE')) throw new FetchError(describe(error, url, limits))
    try {
      res = await get()
    } catch (again) {
      throw new FetchError(describe(again, url, limits))
    }
  }
  const contentType = res.headers.get('content-type') ?? ''
  if (!res.ok) {
    await res.body?.cancel().catch(() => {})
    throw new FetchError(`${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`)
  }
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await res.body?.cancel().catch(() => {})
    throw new FetchError(`${url}: ${declared} bytes is more than the ${limits.maxBytes} bytes read from one page`)
  }
  const chunks: Uint8Array[] = []
  let bytes = 0
  try {
    const reader = res.body?.getReader()
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
      if (bytes > limits.maxBytes) {
        await reader.cancel().catch(() => {})
        throw new FetchError(`${url}: more than the ${limits.maxBytes} bytes read from one page`)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof FetchError) throw error
    throw new FetchError(describe(error, url, limits))
  }
  const body = Buffer.concat(chunks)
  if (body.includes(0)) throw new FetchError(`${url}: the answer is binary (${contentType || 'no content type'}), not text`)
  return { url: res.url || parsed.toString(), status: res.status, contentType, text: new TextDecoder(charsetOf(contentType)).decode(body) }
}
