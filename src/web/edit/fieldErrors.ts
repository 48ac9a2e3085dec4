/**
 * @module Errors by form field, in words a person uses: which field an API error names
 * (details[].path "body.source", "json.kinds.0" → "source", "kinds"), the field's own message for
 * a missing or malformed value ("Enter the date of the event, e.g. 2025-06-14 or 2025-06") in
 * place of the API's technical one, and the checks a form runs before it sends anything.
 */
import type { ApiError, ErrorDetail } from '../api.ts'
import { hasMessage, t } from '../i18n/i18n.ts'
import { partialDateProblem } from '../../model/partialDate.ts'

const prefixes = new Set(['body', 'json', 'query', 'header', 'path', 'param'])

/** The form field a detail path names: "body.source" → "source", "json.kinds.0" → "kinds". */
export function fieldOf(path: string | undefined): string | null {
  if (!path) return null
  const parts = path.split('.')
  if (parts.length > 1 && prefixes.has(parts[0]!)) parts.shift()
  return parts[0] || null
}

/** What is wrong with a field's value, as far as the form can tell. */
export type Problem = 'missing' | 'date' | 'url'

/** The field's message for a problem: its own (edit.err.date.missing) or the general one naming it. */
export function problemText(field: string, problem: Problem, label?: string): string {
  const own = `edit.err.${field}.${problem}`
  if (hasMessage(own)) return t(own)
  if (problem === 'missing') return label ? t('edit.err.missingNamed', { field: label }) : t('edit.err.missing')
  return t(`edit.err.${problem}`)
}

/** Which problem an API message describes, when it is one the form can word better (else null). */
export function problemOf(field: string, message: string): Problem | null {
  const m = message.toLowerCase()
  if (/^"" is not a date/.test(m)) return 'missing'
  if (/is not a date|month \d+ does not exist|does not exist \(|year \d+ is out of range/.test(m)) return 'date'
  if (/invalid url|expected a url|not a url/.test(m)) return 'url'
  if (/^required\b|is required|received undefined|at least 1 character|>=1 character|must not be empty/.test(m)) return 'missing'
  if (field === 'comment' && /why/.test(m)) return 'missing'
  return null
}

/** The API's message for a field in a person's words where the form knows better words. */
export function humanMessage(field: string, message: string): string {
  const problem = problemOf(field, message)
  return problem ? problemText(field, problem) : message
}

/** The messages by field name (the first message for each field), in a person's words. */
export function errorsByField(error: ApiError | null | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const d of error?.details ?? []) {
    const f = fieldOf(d.path)
    if (f && !out.has(f)) out.set(f, humanMessage(f, d.message))
  }
  return out
}

/** "json.url: Invalid URL" → "url: Invalid URL" (the field, not the part of the request). */
export function messageText(message: string): string {
  return message.replace(/^(?:body|json|query|header|path|param)\.(?=[\w.]+:)/, '')
}

/** What a field checks before the form is sent. */
export interface FieldRule {
  required?: boolean
  /** The value is a date of the form YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: boolean
  /** The value is a web address. */
  url?: boolean
  /** Fewer characters than this (after trimming) count as missing (the comment needs 3). */
  minLength?: number
}

/** The problem of one value under its rule, or null. */
export function checkValue(value: string | boolean | null | undefined | readonly string[], rule: FieldRule): Problem | null {
  if (Array.isArray(value)) return rule.required && value.length === 0 ? 'missing' : null
  if (typeof value === 'boolean') return null
  const text = typeof value === 'string' ? value.trim() : ''
  if (text === '') return rule.required ? 'missing' : null
  if (rule.minLength !== undefined && text.length < rule.minLength) return 'missing'
  if (rule.date && partialDateProblem(text)) return 'date'
  if (rule.url && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(text)) return 'url'
  return null
}

/** The checks of a form's fields, in the order they appear: the details a refusal would carry. */
export function checkFields(fields: Iterable<{ name: string; value: Parameters<typeof checkValue>[0]; rule: FieldRule; label?: string }>): ErrorDetail[] {
  const out: ErrorDetail[] = []
  for (const f of fields) {
    const problem = checkValue(f.value, f.rule)
    if (problem) out.push({ path: f.name, message: problemText(f.name, problem, f.label) })
  }
  return out
}
