/**
 * @module Russian spellings of Korean place names (Kontsevich, as TASS, RIA and KCNA's Russian
 * service write them: Сончхон, Кымья, Рёнган) brought to the Latin keys the gazetteer is indexed
 * by, and Russian case endings taken off ("уезда Сончхона", "Сончхонского уезда").
 *
 * Kontsevich writes a final ㅇ as н (Кандон for Kangdong), so Cyrillic forms are compared on a
 * looser key than Latin ones (`looseKey`: ng and n merged), which the place finder ranks lower.
 */
import { foldText, skeleton } from '../model/names/normalize.ts'

// Digraphs first: Kontsevich marks aspiration with х (пх, тх, кх, чх) and writes ㅈ as чж/дж.
const digraphs: [RegExp, string][] = [
  [/чх/g, 'ch'], [/чж/g, 'j'], [/дж/g, 'j'], [/пх/g, 'ph'], [/тх/g, 'th'], [/кх/g, 'kh'],
  [/ый/g, 'ui'], [/ль/g, 'l'], [/ын/g, 'un'],
]
const letters: Record<string, string> = {
  а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'p', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh',
  ъ: '', ы: 'u', ь: '', э: 'ae', ю: 'yu', я: 'ya',
}

export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text)
}

/** A Cyrillic name in Latin letters, e.g. Сончхон → sonchon, Кымья → kumya. */
export function cyrillicToLatin(text: string): string {
  let s = text.toLowerCase()
  for (const [re, to] of digraphs) s = s.replace(re, to)
  let out = ''
  for (const ch of s) out += letters[ch] ?? ch
  return out
}

/** The skeleton with ng folded into n, so Kontsevich's final н meets the Latin ng. */
export function looseKey(latinSpelled: string): string {
  return skeleton(latinSpelled).replace(/nk/g, 'n').replace(/(.)\1+/g, '$1')
}

/** The loose key of a Latin spelling ("Songchon", "Kim Jong Suk"). */
export function looseKeyOfLatin(text: string): string {
  return looseKey(foldText(text).replace(/[^a-z]/g, ''))
}

// Endings of Russian nouns and of adjectives made from names, longest first.
const endings = ['ского', 'скому', 'ским', 'ском', 'ский', 'ское', 'ская', 'ской', 'скую', 'ом', 'ой', 'ем', 'ей', 'ах', 'ям', 'а', 'е', 'у', 'ы', 'и', 'я', 'ю']

/** The word as written and with each case ending it may carry taken off (at least 3 letters left). */
export function russianStems(word: string): string[] {
  const w = word.toLowerCase()
  const out = [w]
  for (const e of endings) if (w.endsWith(e) && w.length - e.length >= 3) out.push(w.slice(0, w.length - e.length))
  return out
}
