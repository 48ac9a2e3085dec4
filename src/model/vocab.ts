/**
 * @module The controlled vocabularies of the tracker: facility kinds, event types, statuses,
 * source kinds, claim ranks and unit types, each with the label people read.
 */
import { z } from 'zod'

function vocabulary<const T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>) {
  return { values, schema: z.enum(values), labels }
}

export const facilityKinds = vocabulary(
  [
    'foodstuff_factory',
    'garment_factory',
    'daily_necessities_factory',
    'paper_mill',
    'hospital',
    'leisure_complex',
    'offshore_farm',
    'grain_management_station',
    'seafood_processing',
    'housing',
    'other',
  ],
  {
    foodstuff_factory: 'Foodstuff factory',
    garment_factory: 'Garment factory',
    daily_necessities_factory: 'Daily-necessities factory',
    paper_mill: 'Paper mill',
    hospital: 'Hospital',
    leisure_complex: 'Leisure complex',
    offshore_farm: 'Offshore farm',
    grain_management_station: 'Grain management station',
    seafood_processing: 'Seafood processing',
    housing: 'Housing',
    other: 'Other',
  },
)
export type FacilityKind = (typeof facilityKinds.values)[number]

export const eventTypes = vocabulary(
  ['announced', 'groundbreaking', 'construction_stage', 'leader_visit', 'completion', 'inauguration', 'production_start', 'other'],
  {
    announced: 'Announced',
    groundbreaking: 'Groundbreaking',
    construction_stage: 'Construction stage',
    leader_visit: 'Leader visit',
    completion: 'Completion',
    inauguration: 'Inauguration',
    production_start: 'Production start',
    other: 'Other',
  },
)
export type EventType = (typeof eventTypes.values)[number]

export const statuses = vocabulary(['planned', 'under_construction', 'operational', 'suspended'], {
  planned: 'Planned',
  under_construction: 'Under construction',
  operational: 'Operational',
  suspended: 'Suspended',
})
export type Status = (typeof statuses.values)[number]

export const sourceKinds = vocabulary(['state_media', 'analysis', 'news', 'encyclopedia', 'imagery', 'other'], {
  state_media: 'State media',
  analysis: 'Analysis',
  news: 'News',
  encyclopedia: 'Encyclopedia',
  imagery: 'Satellite imagery',
  other: 'Other',
})
export type SourceKind = (typeof sourceKinds.values)[number]

export const claimRanks = vocabulary(['preferred', 'normal', 'deprecated'], {
  preferred: 'Preferred',
  normal: 'Normal',
  deprecated: 'Deprecated',
})
export type ClaimRank = (typeof claimRanks.values)[number]

export const localityTypes = vocabulary(['city', 'county', 'district'], {
  city: 'City',
  county: 'County',
  district: 'District',
})
export type LocalityType = (typeof localityTypes.values)[number]

export const provinceKinds = vocabulary(['province', 'directly_governed_city', 'special_city'], {
  province: 'Province',
  directly_governed_city: 'Directly governed city',
  special_city: 'Special city',
})
export type ProvinceKind = (typeof provinceKinds.values)[number]

export const coordPrecisions = vocabulary(['seat', 'centroid', 'approximate'], {
  seat: 'County seat',
  centroid: 'Centre of the area',
  approximate: 'Approximate',
})
export type CoordPrecision = (typeof coordPrecisions.values)[number]

export const claimFields = vocabulary(
  ['date', 'status', 'province', 'locality', 'kinds', 'counted', 'site_area', 'leader_present', 'other'],
  {
    date: 'Date',
    status: 'Status',
    province: 'Province',
    locality: 'Locality',
    kinds: 'Facility kinds',
    counted: 'Counted toward the target',
    site_area: 'Site area',
    leader_present: 'Leader present',
    other: 'Other',
  },
)
export type ClaimField = (typeof claimFields.values)[number]
