/** @module How values read on the page: dates with their precision, labels of the vocabularies, numbers. */
import { formatPartialDate } from '../model/partialDate.ts'
import { claimFields, eventTypes, facilityKinds, localityTypes, sourceKinds, statuses } from '../model/vocab.ts'

/** "Feb 2025" for 2025-02, "14 Feb 2025" for a day, "—" when unknown. */
export function fmtDate(date: string | null | undefined): string {
  return date ? formatPartialDate(date) : '—'
}

function label(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return labels[value] ?? value.replace(/_/g, ' ')
}

export const kindLabel = (k: string) => label(facilityKinds.labels, k)
export const statusLabel = (s: string | null | undefined) => (s === null || s === undefined || s === 'null' ? 'No status yet' : label(statuses.labels, s))
export const eventLabel = (t: string) => label(eventTypes.labels, t)
export const sourceKindLabel = (k: string) => label(sourceKinds.labels, k)
export const fieldLabel = (f: string) => label(claimFields.labels, f)
export const localityTypeLabel = (t: string) => label(localityTypes.labels, t)

export const kindValues: readonly string[] = facilityKinds.values
export const statusValues: readonly string[] = statuses.values

export function pct(share: number): string {
  return `${Math.round(share * 100)}%`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/** A timestamp (ISO) as "25 Nov 2026, 10:49" in the reader's time zone. */
export function fmtTimestamp(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** A claim's value as words: dates with precision, vocabulary labels, yes/no. */
export function fmtValue(field: string, value: unknown, names: (id: string) => string = (id) => id): string {
  if (value === null || value === undefined) return '—'
  if (field === 'date' && typeof value === 'string') return fmtDate(value)
  if (field === 'status' && typeof value === 'string') return statusLabel(value)
  if (field === 'kinds' && Array.isArray(value)) return value.map((k) => kindLabel(String(k))).join(', ')
  if ((field === 'province' || field === 'locality') && typeof value === 'string') return names(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return JSON.stringify(value)
}
