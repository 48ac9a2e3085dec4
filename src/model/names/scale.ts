/**
 * @module The score scale shared by the locality and province sides of name resolution, and the
 * literal key that tells an `exact` match (a recorded form) from a `normalised` one.
 *
 * - 1    the spelling's marked key is a recorded form's ("Songchon County" = plain "Songchon",
 *        "Ŭnsan-gun" = MR "Ŭnsan", 成川 = 成川郡);
 * - 0.95 it is one once diacritics and apostrophes are set aside as well ("Songch'on");
 * - 0.9  it matches only after folding romanization systems together (the skeleton, Kontsevich);
 * - 0.75 / 0.65  it is one / two edits from a skeleton (typos, misreadings);
 * - −0.05 when a unit suffix had to be cut off the end of the word (Songchongun, 성천시 for 성천군);
 * - −0.1  when the form is a former name.
 */

export const scores = {
  MARKED: 1,
  SPELLED: 0.95,
  SKELETON: 0.9,
  TYPO_BASE: 0.85,
  TYPO_PER_EDIT: 0.1,
  CUT_SUFFIX: 0.05,
  FORMER_NAME: 0.1,
  /** How far ahead the best candidate must be to be chosen; one step of the scale above. */
  CLEAR_LEAD: 0.05,
} as const

export const round = (x: number) => Math.round(x * 100) / 100

/** The edits tolerated for a key of this length: none below 5 letters, where one edit makes another name. */
export function typoAllowance(key: string): number {
  return key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0
}

const apostrophes = /['’‘`ʼ´ʻ′]/g

/**
 * The text as written, give or take case, spacing and which apostrophe was typed: two texts with
 * the same literal key are the same name form ("songchon  county" = "Songchon County",
 * "Sŏngch’ŏn" = "Sŏngch'ŏn"), and no rule has been applied.
 */
export function literalKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(apostrophes, "'").replace(/\s+/g, ' ').trim()
}
