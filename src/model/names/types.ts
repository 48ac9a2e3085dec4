/**
 * @module The answers of name resolution. Every answer says how it matched (`method`), at which
 * level (`level`: a county-level locality or a province-level unit), and, for a typo, how far
 * the spelling is from the name it was taken for (`distance`). Callers decide what to accept:
 * `exact` and `normalised` are safe to take, `fuzzy` is a "did you mean", `ambiguous` is for a
 * person to settle.
 */

/**
 * - `exact`: the text is a recorded name form, give or take case and spacing ("Songchon County",
 *   성천군, 成川郡, "Sŏngch'ŏn-gun");
 * - `normalised`: it is one after rules only — diacritics, unit suffixes, the differences between
 *   MR, DPRK and RR spelling, simplified or Japanese characters, Kontsevich Cyrillic;
 * - `fuzzy`: it is `distance` edits from a name form (a typo, or another name).
 */
export type MatchMethod = 'exact' | 'normalised' | 'fuzzy'
export type MatchLevel = 'locality' | 'province'

export interface LocalityCandidate {
  id: string
  /** 0..1; 1 = a recorded name form (see resolve.ts for the scale). */
  score: number
  /** The name form that matched, e.g. "alias: Jongphyong". */
  matched: string
  method: MatchMethod
  /** Edits between the spelling and the form, for `fuzzy` only. */
  distance?: number
}

export interface ProvinceMatch {
  id: string
  score: number
  method: MatchMethod
  distance?: number
  /** The name form that matched, e.g. "hanja: 平安南道". */
  matched: string
}

/** Why nothing was chosen. */
export type NoMatchReason =
  | 'no-match' // no name form is close enough; candidates are near misses
  | 'province-mismatch' // names match, but not in the province the hint says (or a better one lies outside it)
  | 'conflicting-provinces' // the hints name different provinces
  | 'unknown-province' // opts.province is not a province we can read
  | 'province-level' // the text names a province-level unit (see `province`), and no locality as closely

/**
 * A locality answer. `province` is set when the same text also names a province-level unit
 * (exactly or after normalisation): the caller asked for a locality, but should know.
 */
export type LocalityMatch =
  | { status: 'match'; level: 'locality'; method: MatchMethod; distance?: number; locality: string; score: number; candidates: LocalityCandidate[]; province?: ProvinceMatch }
  | { status: 'ambiguous'; level: 'locality'; method: 'ambiguous'; candidates: LocalityCandidate[]; province?: ProvinceMatch }
  | { status: 'none'; level: 'locality'; method: null; candidates: LocalityCandidate[]; reason: NoMatchReason; province?: ProvinceMatch }

/** A candidate of either level. */
export interface PlaceCandidate {
  level: MatchLevel
  id: string
  score: number
  matched: string
  method: MatchMethod
  distance?: number
}

/**
 * The answer of `resolve`, for callers that take a place of either level (search, the CLI,
 * reconciliation, report intake).
 * - `asked`: the level the text's own unit words ask for ("Kaesong City", 개성특별시 → province;
 *   "Kaesong District", 군, 郡, уезд → locality), or null for a bare name.
 * - `also`: units of the other level that the same text names as closely (exact or normalised).
 */
export type PlaceMatch =
  | {
      status: 'match'
      level: MatchLevel
      id: string
      method: MatchMethod
      distance?: number
      score: number
      matched: string
      asked: MatchLevel | null
      candidates: PlaceCandidate[]
      also: PlaceCandidate[]
    }
  | { status: 'ambiguous'; method: 'ambiguous'; asked: MatchLevel | null; candidates: PlaceCandidate[] }
  | { status: 'none'; method: null; asked: MatchLevel | null; reason: NoMatchReason; candidates: PlaceCandidate[] }

export interface ResolveOptions {
  /** The province the source gives, in any form: id, "South Phyongan", "P'yŏngan-namdo", 평안남도, 平安南道, Пхёнан-Намдо. */
  province?: string | null
}

export interface Resolver {
  /** A county-level unit; never a fuzzy county for a text that names a province-level unit. */
  resolveLocality(text: string, opts?: ResolveOptions): LocalityMatch
  /** A province-level unit, or null when none (or more than one equally) fits. */
  resolveProvince(text: string): ProvinceMatch | null
  /** A place of either level: the one entry point for search, CLI, reconciliation and intake. */
  resolve(text: string, opts?: ResolveOptions): PlaceMatch
}
