/**
 * @module Russian (Cyrillic) place names by rule: the Kontsevich system, which Russian media and
 * the DPRK's own Russian services use (Сончхон, Кандон, Пхеньян, Нампхо, Кэсон, Чхонджин).
 *
 * Rather than list every Cyrillic spelling, the resolver writes each gazetteer name's hangul in
 * Kontsevich (`kontsevich`) and compares both sides through one lossy key (`cyrillicKey`), in
 * Latin letters so that it can be read in tests. The key keeps what Russian spellings agree on
 * and folds what they do not: voiced and voiceless stops (Чхонджин/Чхончжин), ё/е/э (Пхеньян/
 * Пхёнъян), soft and hard signs, doubled letters. Kontsevich writes ㅓ and ㅗ both as о and final
 * ㄴ and ㅇ both as н, so the key cannot tell 성천 (Songchon) from 선천 (Sonchon): both are
 * Сончхон, and only a province can decide.
 */

export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text)
}

// Jamo indices of precomposed hangul syllables (initial × 21 vowels × 28 finals).
const initials = ['к', 'кк', 'н', 'т', 'тт', 'р', 'м', 'п', 'пп', 'с', 'сс', '', 'ч', 'чч', 'чх', 'кх', 'тх', 'пх', 'х']
// Between voiced sounds ㄱ ㄷ ㅂ ㅈ are voiced: 강동 Кандон, 청진 Чхонджин (Kontsevich чж).
const voicedInitials: Record<number, string> = { 0: 'г', 3: 'д', 7: 'б', 12: 'чж' }
const vowels = ['а', 'э', 'я', 'йя', 'о', 'е', 'ё', 'йе', 'о', 'ва', 'вэ', 'ве', 'ё', 'у', 'во', 'ве', 'ви', 'ю', 'ы', 'ый', 'и']
// Finals by their sound at the end of a syllable (clusters reduced to the consonant said).
const finals = ['', 'к', 'к', 'к', 'н', 'н', 'н', 'т', 'ль', 'к', 'м', 'ль', 'ль', 'ль', 'п', 'ль', 'м', 'п', 'п', 'т', 'т', 'н', 'т', 'т', 'к', 'т', 'п', 'т']
const F_NONE = 0
const F_L = 8
const I_R = 5
const I_N = 2
const I_NONE = 11
const I_M = 6
const F_N = 4

/**
 * A hangul name in the Kontsevich system: 성천군 → Сончхонгун, 평양 → Пхёнян, 룡강 → Рёнган.
 * Non-hangul characters pass through. It renders the sound changes the system writes where they
 * matter for matching (ㄹ after a consonant said н: 송림 Сонним; ㄴㄹ and ㄹㄹ as лл).
 */
export function kontsevich(hangul: string): string {
  const syllables = [...hangul.normalize('NFC')]
  let out = ''
  let prevFinal = -1 // -1: start of word or after a non-hangul character
  for (let i = 0; i < syllables.length; i++) {
    const code = syllables[i]!.charCodeAt(0) - 0xac00
    if (code < 0 || code > 11171) {
      out += syllables[i]
      prevFinal = -1
      continue
    }
    const ini = Math.floor(code / 588)
    const vow = Math.floor((code % 588) / 28)
    const fin = code % 28
    const afterVoiced = prevFinal === F_NONE || prevFinal === 4 || prevFinal === F_L || prevFinal === 16 || prevFinal === 21
    let onset = initials[ini]!
    if (ini === I_R) {
      if (prevFinal === F_L || prevFinal === 4) onset = 'л' // 천리마 Чхоллима
      else if (prevFinal > 0) onset = 'н' // 송림 Сонним
    } else if (prevFinal >= 0 && afterVoiced && voicedInitials[ini]) onset = voicedInitials[ini]!
    if (ini === I_N && prevFinal === F_L) onset = 'л'
    out += onset + vowels[vow]!
    let coda = finals[fin]!
    const next = syllables[i + 1]?.charCodeAt(0)
    const nextIni = next !== undefined && next >= 0xac00 && next <= 0xd7a3 ? Math.floor((next - 0xac00) / 588) : -1
    const nasalNext = nextIni === I_N || nextIni === I_M || nextIni === I_R
    if (fin === F_L && nextIni === I_NONE) coda = 'р' // ㄹ before a vowel is said р
    else if (fin === F_L && (nextIni === I_R || nextIni === I_N)) coda = 'л'
    else if (fin === F_N && nextIni === I_R) coda = 'л' // 천리마 Чхоллима
    // Stops before a nasal are said as nasals, and Kontsevich writes them so: 락랑 Раннан.
    else if (coda === 'к' && nasalNext) coda = 'н'
    else if (coda === 'п' && nasalNext) coda = 'м'
    else if (coda === 'т' && nasalNext) coda = 'н'
    out += coda
    prevFinal = fin
  }
  return out
}

/**
 * Words that name the kind of unit, in Russian and in Korean written in Cyrillic: "Сончхон уезд",
 * "уезд Сончхон", "Сончхон-гун", "город Нампхо". Grammatical cases in running text (уезда, уезде)
 * are the caller's to reduce; the nominative forms are read here.
 */
const unitWords = new Set([
  'уезд', 'район', 'город', 'г', 'округ', 'зона', 'посёлок', 'поселок', 'рабочий', 'квартал',
  'гун', 'кун', 'си', 'ку', 'гу', 'куёк', 'гуёк', 'куйок', 'гуйок', 'чигу', 'ып', 'ри',
])

// Endings of the Russian adjective made from a name: Кандонский уезд, Сончхонская земля.
const adjectiveEnding = /(?:ский|ская|ское|ские)$/

/**
 * The comparison key of a Cyrillic name (or of `kontsevich` output): unit words dropped, then
 * letters folded to a Latin skeleton. "Сончхон уезд", "Сончхон" and the Kontsevich form of 성천
 * and of 선천 all give "soncon".
 */
export function cyrillicKey(text: string): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/р-н/g, ' район ')
    .split(/[^\u0400-\u04ff]+/)
    .filter((w) => w.length > 0)
  const kept = words.filter((w, i) => !(unitWords.has(w) && (i > 0 || words.length > 1)))
  const name = kept.map((w) => w.replace(adjectiveEnding, '')).join('')
  return foldCyrillic(name)
}

const letterRules: [RegExp, string][] = [
  // Affricates first: ㅈ/ㅊ are ч, чж, чх, and дж in common press spelling.
  [/дж|чж|чх|дз|ч|ж|ц/g, 'c'],
  [/кх|к|г/g, 'k'],
  [/тх|т|д/g, 't'],
  [/пх|п|б|ф/g, 'p'],
  [/х/g, 'h'],
  [/с|з|ш|щ/g, 's'],
  [/р|л/g, 'r'],
  [/н/g, 'n'],
  [/м/g, 'm'],
  [/в/g, 'v'],
  [/[ёеэ]/g, 'e'],
  [/я/g, 'ia'],
  [/ю/g, 'iu'],
  [/й/g, 'i'],
  [/ы/g, 'w'],
  [/и/g, 'i'],
  [/а/g, 'a'],
  [/о/g, 'o'],
  [/у/g, 'u'],
  [/[ьъ]/g, ''],
]

/** Which half of a divided province a name says: "South …", "…-namdo", 평안남도, Южный. */
export type Direction = 'south' | 'north' | ''

const provinceWords = new Set([
  'провинция', 'провинции', 'пров', 'город', 'г', 'особый', 'специальный', 'значения', 'центрального', 'подчинения',
  'непосредственного', 'прямого', 'административный', 'район', 'регион', 'зона', 'до', 'си', 'тхукпёльси', 'чикхальси',
])

/**
 * A Cyrillic province name split into its direction and the key of its stem: "Пхёнан-Намдо",
 * "провинция Южный Пхёнан", "Южная Пхёнан" → { dir: 'south', stem: cyrillicKey('Пхёнан') }.
 */
export function cyrillicProvinceParts(text: string): { dir: Direction; stem: string } {
  let dir: Direction = ''
  const words: string[] = []
  for (const w of text.normalize('NFC').toLowerCase().split(/[^\u0400-\u04ff]+/)) {
    if (!w) continue
    if (/^юж/.test(w) || w === 'намдо') dir = 'south'
    else if (/^север/.test(w) || w === 'пукто' || w === 'букто') dir = 'north'
    else if (!provinceWords.has(w)) words.push(w)
  }
  let stem = words.join('')
  const m = /(намдо|пукто|букто)$/.exec(stem)
  if (m && stem.length - m[0].length >= 3) {
    if (!dir) dir = m[1] === 'намдо' ? 'south' : 'north'
    stem = stem.slice(0, stem.length - m[0].length)
  } else if (/до$/.test(stem) && stem.length >= 6) stem = stem.slice(0, -2) // Чагандо, Канвондо
  return { dir, stem: foldCyrillic(stem) }
}

/** The key of one Cyrillic word (no unit words to drop); see `cyrillicKey`. */
export function foldCyrillic(word: string): string {
  let key = word
  for (const [re, to] of letterRules) key = key.replace(re, to)
  return (
    key
      .replace(/[^a-z]/g, '')
      .replace(/(.)\1+/g, '$1')
      // The initial-sound rule, as for Latin spellings: Рёнган/Ёнган, Нёнбён/Ёнбён.
      .replace(/^r/, 'n')
      .replace(/^n(?=[ie])/, '')
  )
}
