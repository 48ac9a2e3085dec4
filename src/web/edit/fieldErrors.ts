/**
 * @module Which form field an API error names: details[].path "body.source" or "json.kinds.0"
 * → the field "source" or "kinds"; and the message without the request part it starts with.
 */
import type { ApiError } from '../api.ts'

const prefixes = new Set(['body', 'json', 'query', 'header', 'path', 'param'])

/** The form field a detail path names: "body.source" → "source", "json.kinds.0" → "kinds". */
export function fieldOf(path: string | undefined): string | null {
  if (!path) return null
  const parts = path.split('.')
  if (parts.length > 1 && prefixes.has(parts[0]!)) parts.shift()
  return parts[0] || null
}

/** The API's messages by field name (the first message for each field). */
export function errorsByField(error: ApiError | null | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const d of error?.details ?? []) {
    const f = fieldOf(d.path)
    if (f && !out.has(f)) out.set(f, d.message)
  }
  return out
}

/** "json.url: Invalid URL" → "url: Invalid URL" (the field, not the part of the request). */
export function messageText(message: string): string {
  return message.replace(/^(?:body|json|query|header|path|param)\.(?=[\w.]+:)/, '')
}
