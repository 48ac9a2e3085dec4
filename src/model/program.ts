/**
 * @module A program: a policy with a yearly target (20×10: 20 localities a year, 2024–2033).
 * A program is data, not code: another regional programme is tracked with the same software.
 */
import { z } from 'zod'
import { Slug } from './ids.ts'

export const ProgramSchema = z
  .object({
    id: Slug.describe('Stable id, e.g. "20x10".'),
    name: z.string().min(1).max(200),
    short_name: z.string().min(1).max(40),
    description: z.string().max(4000).nullable().default(null),
    start_year: z.number().int().min(1900).max(2200),
    years: z.number().int().min(1).max(100),
    target_per_year: z.number().int().min(1).max(100_000).describe('Localities a year that count toward the target.'),
    counts: z.string().min(1).max(2000).describe('What counts toward the target, in words.'),
    source_ids: z.array(z.string()).default([]).describe('Sources for the program record itself.'),
  })
  .meta({ id: 'Program' })
export type Program = z.infer<typeof ProgramSchema>

export function programYears(p: Pick<Program, 'start_year' | 'years'>): number[] {
  return Array.from({ length: p.years }, (_, i) => p.start_year + i)
}

export function programTotalTarget(p: Pick<Program, 'years' | 'target_per_year'>): number {
  return p.years * p.target_per_year
}

export function programEndYear(p: Pick<Program, 'start_year' | 'years'>): number {
  return p.start_year + p.years - 1
}
