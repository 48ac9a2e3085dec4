/**
 * @module A locality: a county-level unit (city, county or district) of one province, with every
 * name form the sources use and a coordinate.
 */
import { z } from 'zod'
import { LocalityId, Slug } from './ids.ts'
import { coordPrecisions, localityTypes } from './vocab.ts'

export const CoordSchema = z
  .object({
    lat: z.number().min(37).max(43.5),
    lon: z.number().min(124).max(131),
    precision: coordPrecisions.schema,
    source: z.string().min(1).max(200).describe('Source id of the coordinate.'),
    note: z.string().max(500).nullable().optional(),
  })
  .meta({ id: 'Coordinate' })
export type Coord = z.infer<typeof CoordSchema>

export const LocalitySchema = z
  .object({
    id: LocalityId,
    province: Slug.describe('Province id.'),
    type: localityTypes.schema,
    hangul: z.string().min(1).max(40).describe('Hangul with the unit suffix, e.g. 성천군.'),
    mr: z.string().min(1).max(80).describe('McCune–Reischauer with diacritics, without the unit suffix.'),
    plain: z.string().min(1).max(80).describe('The form English-language news uses, without the suffix.'),
    rr: z.string().min(1).max(80).describe('Revised Romanization, without the suffix.'),
    hanja: z.string().min(1).max(40).nullable().default(null).describe('Chinese characters (hanja) with the unit suffix, as Korean writes them, e.g. 成川郡.'),
    hanja_source: z.string().min(1).max(200).nullable().default(null).describe('Source id of the hanja form.'),
    aliases: z.array(z.string().min(1).max(120)).default([]),
    former_names: z.array(z.string().min(1).max(120)).default([]),
    coord: CoordSchema.nullable().default(null),
    uncertain: z.string().max(1000).nullable().default(null).describe('What is not settled about the unit, if anything.'),
    sources: z.array(z.string()).default([]).describe('Source ids the entry was compiled from.'),
  })
  .meta({ id: 'Locality' })
export type Locality = z.infer<typeof LocalitySchema>

export { localityLabel } from './localityLabel.ts'
