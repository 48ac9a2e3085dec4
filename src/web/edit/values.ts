/** @module Record fields and their values as words, for diffs and the side-by-side view of a conflict. */
import { eventLabel, fmtDate, kindLabel, sourceKindLabel, statusLabel } from '../format.ts'

const fieldNames: Record<string, string> = {
  notes: 'Notes',
  kinds: 'Facilities',
  counted: 'Counted toward the target',
  counted_reason: 'Why not counted',
  status: 'Status',
  date: 'Date',
  leader_present: 'Kim Jong Un present',
  type: 'Type',
  label: 'Label',
  kind: 'Kind',
  publisher: 'Publisher',
  title: 'Title',
  url: 'Address (URL)',
  published: 'Published',
  language: 'Language',
  archived_url: 'Archived copy',
  rank: 'Rank',
  reason: 'Reason',
  quote: 'Quote',
  said: 'The source wrote',
  value: 'Value',
  source_id: 'Source',
  locality_id: 'Locality',
  deleted: 'Deleted',
}

export function fieldName(field: string): string {
  return fieldNames[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replace(/_/g, ' ')
}

/** A value as the page shows it: dates with their precision, vocabulary labels, yes/no, "(empty)". */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if ((field === 'date' || field === 'published') && typeof value === 'string') return `${fmtDate(value)} (${value})`
  if (field === 'kinds' && Array.isArray(value)) return value.length ? value.map((k) => kindLabel(String(k))).join(', ') : '(none)'
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
