/** @module A first-level unit: one of the 9 provinces, Pyongyang, or the special cities Rason, Nampo and Kaesong. */
import { z } from 'zod'
import { Slug } from './ids.ts'
import { provinceKinds } from './vocab.ts'

export const ProvinceSchema = z
  .object({
    id: Slug,
    iso: z.string().max(10).nullable().default(null).describe('ISO 3166-2:KP code, where one exists.'),
    kind: provinceKinds.schema,
    hangul: z.string().min(1).max(40),
    mr: z.string().min(1).max(80).describe('McCune–Reischauer with diacritics.'),
    plain: z.string().min(1).max(80).describe('The form English-language news uses.'),
    rr: z.string().min(1).max(80).describe('Revised Romanization.'),
    hanja: z.string().min(1).max(40).nullable().default(null).describe('Chinese characters (hanja), e.g. 平安南道.'),
    hanja_source: z.string().min(1).max(200).nullable().default(null).describe('Source id of the hanja form.'),
    aliases: z.array(z.string().min(1).max(120)).default([]),
  })
  .meta({ id: 'Province' })
export type Province = z.infer<typeof ProvinceSchema>
