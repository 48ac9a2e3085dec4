/**
 * @module Korean place names as Japanese papers write them in katakana (ケプン for Kaepung, ソンチョン
 * for Songchon, キムファ for Kimhwa) brought to one key with the gazetteer's Latin forms.
 *
 * Both sides go to a rough "as a Japanese ear hears it" key: katakana by the Hepburn table; a Latin
 * spelling by rule — the vowel the kana adds after a closing consonant (kap-san → カプサン, kim-hwa →
 * キムファ), ng before a consonant or at the end as ン, ae/oe as e, eo/eu as o/u. Then voiced and
 * voiceless consonants, ch/j, sh/s, f/h, l/r are folded.
 */

const kana: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo',
  ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヲ: 'o', ン: 'n', ヴ: 'bu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa',
}

export function hasKatakana(text: string): boolean {
  return /[\u30a1-\u30fa]/.test(text)
}

/** Katakana in Hepburn letters: ソンチョン → sonchon, キムファ → kimufa, ケプン → kepun. */
export function katakanaToLatin(text: string): string {
  let out = ''
  for (const ch of text) {
    if (ch === 'ー' || ch === 'ッ' || ch === '・') continue
    const r = kana[ch]
    if (r === undefined) continue
    // A small vowel or glide rewrites the syllable before it: チョ → cho, ファ → fa, ティ → ti.
    if (/[ァィゥェォャュョヮ]/.test(ch) && out.length > 0) {
      out = /[yw]/.test(r) ? out.replace(/(?:(?<=sh|ch|j)i|i)$/, '') + (/(?:sh|ch|j)$/.test(out.replace(/i$/, '')) ? r.slice(1) : r) : out.replace(/[aiueo]$/, '') + r
      continue
    }
    out += r
  }
  return out
}

const vowel = /[aeiouy]/

/** The shared key, from Hepburn letters or a Korean Latin spelling (lower case a–z). */
function fold(s: string): string {
  return s
    .replace(/sh/g, 's').replace(/ch|j|ts/g, 'c').replace(/f/g, 'h')
    .replace(/g/g, 'k').replace(/d/g, 't').replace(/b/g, 'p').replace(/z/g, 's').replace(/l/g, 'r')
    .replace(/(.)\1+/g, '$1')
}

/** The key of a katakana name. */
export function kanaKey(katakana: string): string {
  return fold(katakanaToLatin(katakana))
}

/** The key a Latin spelling of a Korean name would have in katakana: Kaepung → kepun, Kimhwa → kimuha. */
export function kanaKeyOfLatin(spelled: string): string {
  let s = spelled.toLowerCase().replace(/[^a-z]/g, '')
  s = s.replace(/([ptk])h/g, '$1').replace(/hw|wh/g, 'h').replace(/ae|oe|ai/g, 'e').replace(/eo/g, 'o').replace(/eu/g, 'u').replace(/ui/g, 'i').replace(/wo/g, 'o')
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    const next = s[i + 1]
    if (c === 'n' && next === 'g' && (i + 2 >= s.length || !vowel.test(s[i + 2]!))) {
      out += 'n'
      i++
      continue
    }
    out += c
    // A closing consonant (not n) gets the vowel katakana writes after it.
    if (/[kpmlrtsc]/.test(c) && !(c === 'c' && next === 'h') && !(c === 's' && next === 'h') && (next === undefined || !vowel.test(next)) && !(/[ptk]/.test(c) && next === c)) {
      out += /[t]/.test(c) ? 'o' : 'u'
    }
  }
  return fold(out)
}

/** The keys of a Latin spelling: as written, and with every ng heard as ン (장연 Jangyon → チャンヨン). */
export function kanaKeysOfLatin(spelled: string): string[] {
  const a = kanaKeyOfLatin(spelled)
  const b = kanaKeyOfLatin(spelled.toLowerCase().replace(/ng/g, 'n'))
  return a === b ? [a] : [a, b]
}
