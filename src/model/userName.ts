/**
 * @module User names: the key an account is looked up by (NFKC, lower case — "ＡＤＭＩＮ１" is
 * "admin1") and its skeleton, which maps look-alike characters to one Latin prototype so that
 * "аdmin1" (Cyrillic а), "αdmin1" (Greek α) or "admln1" cannot be added beside "admin1".
 *
 * The confusables table is a skeleton in the spirit of Unicode TS #39, covering what user names
 * here can hold: Latin, Cyrillic and Greek letters that look like Latin ones, fullwidth forms
 * (through NFKC), and the digit/letter pairs 0/o and 1/l/i. Other scripts (hangul, kana, han)
 * pass through unchanged. A name may also not mix Latin, Cyrillic and Greek letters.
 */

/** The look-up key: compatibility forms folded (fullwidth, ligatures), then lower case. */
export function userNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase()
}

// Lower-case letters (after userNameKey) that render like a Latin letter in common fonts.
const prototypes: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', д: 'd', е: 'e', ё: 'e', з: '3', и: 'u', й: 'u', к: 'k', л: 'n', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p',
  с: 'c', т: 't', у: 'y', х: 'x', ь: 'b', ѕ: 's', і: 'l', ї: 'l', ј: 'j', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y', ӏ: 'l', ɡ: 'g',
  // Greek
  α: 'a', β: 'b', γ: 'y', δ: 'd', ε: 'e', ζ: 'z', η: 'n', ι: 'l', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', σ: 'o', ς: 'c', τ: 't',
  υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
  // Latin look-alikes of other Latin letters and digits
  ı: 'l', i: 'l', '1': 'l', '|': 'l', '0': 'o', ø: 'o', ß: 'b', ſ: 'f',
}

/** Two names with the same skeleton look alike; only one of them may exist. */
export function userNameSkeleton(name: string): string {
  let out = ''
  for (const ch of userNameKey(name).normalize('NFD').replace(/\p{M}/gu, '')) out += prototypes[ch] ?? ch
  // Letter pairs that read as one letter at a glance.
  return out.replaceAll('rn', 'm').replaceAll('vv', 'w').replaceAll('cl', 'd')
}

const scripts: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
]

/** The problem with a user name, or null when it may be used. */
export function userNameProblem(name: string): string | null {
  const key = userNameKey(name)
  if (!/^[\p{L}\p{N}._@-]{1,100}$/u.test(key)) return 'letters, digits, ".", "_", "@" and "-" only (up to 100)'
  const used = scripts.filter(([, re]) => re.test(key)).map(([s]) => s)
  if (used.length > 1) return `mixes ${used.join(' and ')} letters, which lets one name pass for another`
  return null
}
