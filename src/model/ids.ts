/**
 * @module Stable ids derived from key fields, so that loading the same facts twice yields the
 * same ids (see docs/data-format.md, "Ids").
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { foldText } from './names/normalize.ts'

/** Lower-case ASCII words joined by "-": "Kim Hyong Jik" → "kim-hyong-jik", "Sŏngch'ŏn" → "songchon". */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case letters, digits and "-"')

export const LocalityId = z
  .string()
  .max(160)
  .regex(/^[a-z0-9-]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a locality id of the form <province>.<name>, e.g. south-pyongan.songchon')

export function localityId(provinceId: string, plain: string): string {
  return `${provinceId}.${slugify(plain)}`
}

export function projectId(p: { program_id: string; year: number | null; locality_id: string; label?: string | null }): string {
  const base = `${p.program_id}.${p.year ?? 'pilot'}.${p.locality_id}`
  return p.label ? `${base}.${slugify(p.label)}` : base
}

export function eventId(e: { project_id: string | null; program_id: string; type: string; label?: string | null }): string {
  const base = `${e.project_id ?? e.program_id}~${e.type}`
  return e.label ? `${base}~${slugify(e.label)}` : base
}

/** Canonical JSON (sorted keys) so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function shortHash(...parts: unknown[]): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 16)
}

export function claimId(c: { subject_type: string; subject_id: string; field: string; value: unknown; source_id: string }): string {
  return `c-${shortHash(c.subject_type, c.subject_id, c.field, c.value, c.source_id)}`
}
