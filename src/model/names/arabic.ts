/**
 * @module Arabic place names by rule, as KCNA's Arabic service and the Arab press write Korean
 * names (كانغدونغ Kangdong, سونغتشون Songchon, بيونغ يانغ Pyongyang).
 *
 * Arabic writes Korean names by sound with letters that fold several Latin ones together (ب for
 * p and b, ك/ق/غ for k and g, ت/د for t and d, ل/ر for l and r) and often leaves short vowels
 * out. So both sides meet in lossy keys: the Arabic text through its letters (`arabicKeys`),
 * each gazetteer name through its Latin spelling (`latinArabicKeys`) — one key with the vowels
 * Arabic writes long, one of consonants only for spellings that leave them out. The consonant key
 * cannot tell names apart that differ in vowels only; the resolver then lists the candidates
 * instead of choosing.
 */

export function hasArabic(text: string): boolean {
  return /[\u0600-\u06ff]/.test(text)
}

// Unit words Arabic writes before the name: county, city, district, province, municipality.
const unitWords = new Set(['مقاطعة', 'محافظة', 'مدينة', 'منطقة', 'ولاية', 'إقليم', 'اقليم', 'بلدة', 'حي', 'قضاء', 'ناحية'])

// Letter → sound class. Long vowels are written (ا a, و o/u, ي i/e/y) and kept in three classes;
// hamza carriers and ʿayn are dropped, as are the letters that only mark length or aspiration.
const letters: Record<string, string> = {
  'ب': 'b', 'پ': 'b', 'ف': 'b',
  'ت': 't', 'ط': 't', 'د': 't', 'ض': 't', 'ث': 's',
  'س': 's', 'ص': 's', 'ش': 's', 'ز': 'j', 'ذ': 's', 'ظ': 't',
  'ج': 'j', 'چ': 'j',
  'ك': 'k', 'ق': 'k', 'غ': 'k', 'گ': 'k', 'خ': 'h',
  'ح': 'h', 'ه': 'h', 'ة': '',
  'ر': 'r', 'ل': 'r',
  'م': 'm', 'ن': 'n',
  'ا': 'a', 'آ': 'a', 'ى': 'a', 'و': 'o', 'ي': 'i',
  'أ': '', 'إ': '', 'ء': '', 'ئ': '', 'ؤ': '', 'ع': '',
}

export interface ArabicKeys {
  /** Consonants and written vowels: كانغدونغ → "kanktonk". */
  full: string
  /** Consonants only, for spellings that leave the vowels out: "knktnk". */
  consonants: string
}

const keysOf = (full: string): ArabicKeys => {
  const collapsed = collapse(full)
  return { full: collapsed, consonants: collapse(collapsed.replace(/[aio]/g, '')) }
}

/** The keys of an Arabic name (the unit words dropped). */
export function arabicKeys(text: string): ArabicKeys {
  const words = text.normalize('NFC').split(/[^\u0621-\u064a\u067e\u0686\u06af]+/u).filter((w) => w && !unitWords.has(w))
  let key = ''
  for (const word of words) {
    // تش is how Arabic writes ch (تشونغجين Chongjin): one sound, like Latin ch and j. Egyptian
    // usage writes g with ج: بيونج يانج; after ن and before no vowel it is the ng of the name.
    const w = word.replace(/تش/g, 'چ').replace(/نج(?=$|[^اويى])/g, 'نغ')
    for (const ch of w) key += letters[ch] ?? ''
  }
  return keysOf(key)
}

/**
 * The same keys of a Latin spelling as `latinKeys` folds it (lower case, no diacritics):
 * "kangdong" → "kanktonk". Aspiration marks are dropped; voiced and voiceless stops, l and r,
 * e/i/y and o/u/w fold together, as the Arabic letters do.
 */
export function latinArabicKeys(spelled: string): ArabicKeys {
  const key = spelled
    .replace(/[^a-z]/g, '')
    .replace(/tch|ch|ts|dz|j|z/g, 'J')
    .replace(/sh/g, 's')
    .replace(/([ptkbdg])h/g, '$1')
    .replace(/[gkq]/g, 'k')
    .replace(/[pbf]/g, 'b')
    .replace(/[td]/g, 't')
    .replace(/[lr]/g, 'r')
    .replace(/[eiy]/g, 'i')
    .replace(/[ouw]/g, 'o')
    .replace(/J/g, 'j')
  return keysOf(key)
}

/** Doubled letters count once (Arabic writes a shadda or nothing where Latin doubles). */
function collapse(key: string): string {
  return key.replace(/(.)\1+/g, '$1')
}

/** South/north as Arabic writes them before or after a province's name: جنوب بيونغان, بيونغان الجنوبية. */
export function arabicDirection(text: string): { dir: '' | 'south' | 'north'; rest: string } {
  let dir: '' | 'south' | 'north' = ''
  const rest = text
    .split(/\s+/)
    .filter((w) => {
      if (/^(?:جنوب|الجنوبية|جنوبي)$/.test(w)) dir = 'south'
      else if (/^(?:شمال|الشمالية|شمالي)$/.test(w)) dir = 'north'
      else return true
      return false
    })
    .join(' ')
  return { dir, rest }
}
