/**
 * @module Comparison keys for place names: turns any spelling (McCune–Reischauer with or without
 * diacritics, DPRK or Revised Romanization, hangul, with or without a unit suffix) into keys that
 * equal each other when the spellings name the same thing.
 *
 * Three keys per spelling, from strict to loose:
 * - the *marked* key (`latinKeys().marked`, hangul as written): the name's words without spaces,
 *   hyphens, case or unit suffix ("County", "-gun", 군), MR diacritics and apostrophes kept.
 * - the *spelled* key (`latinKeys().spelled`, `hangulKeys`): diacritics and apostrophes dropped
 *   as well. "Sŏngch'ŏn-gun", "Songchon County" and "songchon" share it.
 * - the *skeleton* (`skeleton`, `hangulSkeleton`): the spelled key with the differences between
 *   romanization systems folded away, so that MR, DPRK and RR spellings meet ("Jeongpyeong",
 *   "Jongphyong", "Chŏngp'yŏng"). It is deliberately lossy (it merges 운전 Unjŏn and 은천 Ŭnch'ŏn),
 *   which is why the resolver ranks a skeleton match below a spelled one.
 *
 * The key is only ever compared, never shown, so it need not be pronounceable.
 */

import { foldHanja, hasHan } from './hanja.ts'

const combiningMarks = /[\u0300-\u036f]/g
// Every apostrophe-like mark sources use for MR aspiration (p'), syllable breaks (Sin'gye) or as typos.
const apostrophes = /['’‘`ʼ´ʻ′]/g
const hangulSyllable = /[\uac00-\ud7a3]/

/** NFKD, diacritics off (ŏ→o, ŭ→u, é→e), apostrophes dropped, lower case. Hangul stays hangul. */
export function foldText(text: string): string {
  // NFKD splits hangul syllables into jamo too; NFC puts them back once the Latin marks are gone.
  return text.normalize('NFKD').replace(combiningMarks, '').normalize('NFC').replace(apostrophes, '').toLowerCase()
}

/** Words of a spelling: runs of letters and digits, after `foldText`. "Kim Hyŏng-jik" → kim, hyong, jik. */
export function nameTokens(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
}

export function hasHangul(text: string): boolean {
  return hangulSyllable.test(text)
}

/**
 * Words that name the kind of unit rather than the unit, as they appear written apart from the
 * name ("Songchon County", "Ryonggang-up", "Chung-guyŏk", "Unjong Dist."). "Country" is here
 * because it is a common typo of "County" ("Kimhwa Country"); "zone" and "area" are how
 * English-language outlets render chigu (지구).
 */
const unitWords = new Set([
  'county', 'country', 'gun', 'kun',
  'city', 'si', 'shi',
  'district', 'dist', 'guyok', 'kuyok', 'guyeok', 'gu', 'ku',
  'chigu', 'jigu', 'zone', 'area',
  'up', 'eup', 'ri', 'ni',
])

/**
 * The keys of a romanized name: its words up to the first unit word, joined. A unit word ends the
 * name, so whatever follows names something inside the unit ("Ryonggang County Hospital"); the
 * first word is never taken for a unit word, so a name is never cut to nothing.
 * - `spelled`: after `foldText` ("Sŏngch'ŏn-gun" → songchon).
 * - `marked`: the same words with MR diacritics and apostrophes kept (one apostrophe character for
 *   all the marks sources use), because they can be all that tells two names apart: Ŭnsan (은산)
 *   and Unsan (운산) are different counties.
 */
export function latinKeys(text: string): { marked: string; spelled: string } {
  const words = text.normalize('NFC').toLowerCase().replace(apostrophes, "'").split(/[^\p{L}\p{M}\p{N}']+/u)
  let marked = ''
  let spelled = ''
  let taken = 0
  for (const word of words) {
    const folded = foldText(word)
    if (!folded) continue
    if (taken === 0 && leadingUnitWords.has(folded)) continue
    if (taken > 0 && unitWords.has(folded)) break
    marked += word
    spelled += folded
    taken++
  }
  return { marked, spelled }
}

/**
 * Unit words some outlets write before the name, as German does (Voice of Korea's German
 * service: "Kreis Phyonggang", "Stadtbezirk Phanmun", "Stadt Kaesong"). Skipped at the start only.
 */
const leadingUnitWords = new Set(['kreis', 'landkreis', 'stadt', 'stadtbezirk', 'bezirk'])

// Unit suffixes written onto the name without a break ("Songchongun", "Ryonggangup"); longest first
// so "guyok" is not read as "gu" + "yok".
const attachedUnitSuffix = /(?:guyok|kuyok|guyeok|chigu|jigu|county|district|city|gun|kun|shi|si|gu|ku|eup|up)$/

/**
 * The spelled key without a unit suffix glued to its end, or null when there is none. Only a
 * fallback: plenty of names end in letters that look like a suffix (Hanggu, Usi, Samsu), so a
 * name that matches as written must win over one reached by cutting.
 */
export function stripAttachedSuffix(key: string): string | null {
  const m = attachedUnitSuffix.exec(key)
  if (!m || key.length - m[0].length < 3) return null
  return key.slice(0, key.length - m[0].length)
}

/**
 * The skeleton of a spelled (Latin) key. Each rule folds one way the systems differ; both sides of
 * every comparison go through the same rules, so over-folding can merge two names (the resolver
 * ranks that below a spelled match) but never loses a match.
 */
export function skeleton(key: string): string {
  return (
    key
      // Aspiration: MR marks it with an apostrophe (already dropped), DPRK spelling with an h
      // (Jongphyong, Yonthan, Kaephung), RR not at all. "sh" is the MR-variant "shi" for 시.
      .replace(/([ptks])h/g, '$1')
      // RR writes ㅓ and ㅡ as eo and eu where MR writes ŏ and ŭ (o and u once the breve is gone):
      // Seongcheon/Songchon, Geumya/Kumya. ae, oe, ui and wo are spelled alike in all systems.
      .replace(/eo/g, 'o')
      .replace(/eu/g, 'u')
      // RR spells the plain stops by sound between voiced sounds and at the start (g d b j), MR and
      // DPRK by position (k t p ch), and sources mix both (Gyeongseong/Kyongsong, Daegwan/Taegwan,
      // Jongpyong/Chongpyong, Kabsan/Kapsan, Sinkye/Singye). One letter per stop; "c" for ch/j.
      .replace(/ch|j/g, 'c')
      .replace(/g/g, 'k')
      .replace(/d/g, 't')
      .replace(/b/g, 'p')
      // ㄹ is one letter, written l before a consonant and r elsewhere (Cholwon/Chorwon).
      .replace(/l/g, 'r')
      // The initial-sound rule: the South (and older DPRK usage) writes initial ㄹ as ㄴ, and drops
      // ㄴ before i/y (Ryonggang/Yonggang, Rangnim/Nangnim, Riwon/Iwon, Nyongbyon/Yongbyon).
      .replace(/^r/, 'n')
      .replace(/^n(?=[iy])/, '')
      // ㄹ after a consonant is said, and in MR written, as n (Songrim/Songnim, Kangryong/Kangnyong).
      .replace(/([^aeiouywr])r/g, '$1n')
      // Doubled letters: tense consonants (kk, ss), n'n/ng-g junctions and plain doubling in some
      // spellings (Ryonggang/Ryongang); folding them costs almost nothing in distinctness.
      .replace(/(.)\1+/g, '$1')
  )
}

// Hangul unit suffixes, longest first: 구역 (guyok) before 구 (gu).
const hangulUnitSuffix = /(?:특별시|직할시|구역|지구|군|시|구|읍|리)$/

/**
 * Hangul keys: the text without spaces (`full`) and, when it ends in a unit suffix, the same
 * without it (`stripped`): 성천군 → 성천군, 성천. Hangul names are short, so a one-syllable suffix
 * cannot be told from the name's last syllable (항구 is a name, 항구구역 its district): both keys
 * are compared and the full one counts for more.
 */
export function hangulKeys(text: string): { full: string; stripped: string | null } {
  const full = foldText(text).replace(/[^\uac00-\ud7a3]/g, '')
  const m = hangulUnitSuffix.exec(full)
  const stripped = m && full.length > m[0].length ? full.slice(0, full.length - m[0].length) : null
  return { full, stripped }
}

const ㄹ = 5
const ㄴ = 2
const ㅇ = 11
// Vowels before which the initial-sound rule drops ㄴ: ㅣ ㅑ ㅕ ㅛ ㅠ ㅖ ㅒ.
const iotatedVowels = new Set([20, 2, 6, 12, 17, 7, 3])

/**
 * The hangul skeleton: the initial-sound rule applied to the first syllable, since DPRK and South
 * Korean spelling differ exactly there (룡강/용강, 랑림/낭림, 리원/이원, 녕변/영변).
 */
export function hangulSkeleton(key: string): string {
  const code = key.charCodeAt(0)
  if (!(code >= 0xac00 && code <= 0xd7a3)) return key
  const offset = code - 0xac00
  let lead = Math.floor(offset / 588)
  const vowel = Math.floor((offset % 588) / 28)
  const tail = offset % 28
  if (lead === ㄹ) lead = ㄴ
  if (lead === ㄴ && iotatedVowels.has(vowel)) lead = ㅇ
  return String.fromCharCode(0xac00 + lead * 588 + vowel * 28 + tail) + key.slice(1)
}

/** Which half of a divided province a name says: "South …", "…-namdo", 평안남도. */
export type Direction = 'south' | 'north' | ''

// Words around a province's name that are not the name.
const provinceWords = new Set([
  'province', 'municipality', 'city', 'special', 'directly', 'governed', 'si', 'shi', 'do', 'to',
  // German, as Voice of Korea's German service writes provinces ("Bezirk Süd-Phyongan", "Stadt Nampho").
  'bezirk', 'provinz', 'stadt',
  'chikhalsi', 'jikhalsi', 'tukpyolsi', 'teukbyeolsi', 'the', 'of',
])

/**
 * A province spelling split into its direction and its spelled stem: "South Phyongan Province",
 * "P'yŏngan-namdo", "Pyeongannam-do" and 평안남도 all give { dir: 'south', stem: 'phyongan' … }.
 * The stem goes through `skeleton` (or `hangulSkeleton`) like a locality name.
 */
export function provinceParts(text: string): { dir: Direction; stem: string; hangul: boolean } {
  if (hasHan(text)) {
    let stem = foldHanja(text).replace(/(?:特別市|直轄市|道|市)$/, '')
    let dir: Direction = ''
    if (stem.length >= 2 && /[南北]$/.test(stem)) {
      dir = stem.endsWith('南') ? 'south' : 'north'
      stem = stem.slice(0, -1)
    }
    return { dir, stem, hangul: true }
  }
  if (hasHangul(text)) {
    let stem = foldText(text).replace(/[^\uac00-\ud7a3]/g, '').replace(/(?:특별시|직할시|도|시)$/, '')
    let dir: Direction = ''
    // 평안남도 and the short 평남 both end in 남/북 once 도 is off; 남포 (Nampo) does not.
    if (stem.length >= 2 && /[남북]$/.test(stem)) {
      dir = stem.endsWith('남') ? 'south' : 'north'
      stem = stem.slice(0, -1)
    }
    return { dir, stem, hangul: true }
  }
  let dir: Direction = ''
  const words: string[] = []
  for (const w of nameTokens(text)) {
    if (w === 'south' || w === 's' || w === 'sud') dir = 'south'
    else if (w === 'north' || w === 'n' || w === 'nord') dir = 'north'
    else if (!provinceWords.has(w)) words.push(w)
  }
  let stem = words.join('')
  // The direction written as part of the name: -namdo/-bukto/-pukto, with or without the -do.
  const m = /(nam|buk|puk)(?:do|to)?$/.exec(stem)
  if (!dir && m && stem.length - m[0].length >= 4) {
    dir = m[1] === 'nam' ? 'south' : 'north'
    stem = stem.slice(0, stem.length - m[0].length)
  }
  return { dir, stem, hangul: false }
}
