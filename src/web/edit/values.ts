/** @module Record fields and their values as words, for diffs and the side-by-side view of a conflict. */
import { hasMessage, t } from '../i18n/i18n.ts'
import { eventLabel, fmtDate, kindLabel, sourceKindLabel, statusLabel } from '../format.ts'

/** Record fields with a message of their own (history.field.*); others read as their name. */
export function fieldName(field: string): string {
  const key = `history.field.${field}`
  return hasMessage(key) ? t(key) : field.charAt(0).toUpperCase() + field.slice(1).replace(/_/g, ' ')
}

/** A value as the page shows it: dates with their precision, vocabulary labels, yes/no, "(empty)". */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty')
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if ((field === 'date' || field === 'published') && typeof value === 'string') return `${fmtDate(value)} (${value})`
  if (field === 'kinds' && Array.isArray(value)) return value.length ? value.map((k) => kindLabel(String(k))).join(', ') : t('history.noneValue')
  if (field === 'status' && typeof value === 'string') return statusLabel(value)
  if (field === 'type' && typeof value === 'string') return eventLabel(value)
  if (field === 'kind' && typeof value === 'string') return sourceKindLabel(value)
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return JSON.stringify(value)
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** Fields that describe the stored copy rather than the data. */
export const bookkeeping = new Set(['id', 'version', 'updated_at', 'deleted', 'program_id', 'first_seen', 'last_seen'])
