/**
 * @module Splits a text into sentences with their character offsets, so every piece of evidence
 * can be shown where it stands. Line breaks always end a sentence (reports put datelines, titles
 * and paragraphs on lines of their own); within a line, . ! ? and their CJK forms end one unless
 * they close an abbreviation ("Jan.", "Mr.", "No.") or a number, or a lower-case word follows.
 */

export interface Sentence {
  text: string
  start: number
  end: number
}

const abbreviations = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'nos', 'vs', 'etc', 'gen', 'col', 'lt', 'prof', 'sr', 'jr', 'dist', 'co',
  // Spanish, French, German, Russian month and title abbreviations.
  'ene', 'abr', 'ago', 'dic', 'janv', 'févr', 'fevr', 'avr', 'juil', 'sept', 'déc', 'sr', 'sra', 'mme', 'bzw', 'nr', 'z', 'b',
  'янв', 'фев', 'февр', 'мар', 'апр', 'авг', 'сент', 'окт', 'нояб', 'дек', 'г', 'гг', 'т', 'д',
])

const terminators = /[.!?。！？]/
const germanMonth = /^\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  const push = (end: number) => {
    // Trim without losing the offsets.
    let s = start
    let e = end
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e })
    start = end
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\n') {
      push(i)
      continue
    }
    if (!terminators.test(ch)) continue
    // CJK full stops end the sentence outright.
    if (ch === '。' || ch === '！' || ch === '？') {
      let j = i + 1
      while (j < text.length && /[」』”"’)）]/.test(text[j]!)) j++
      push(j)
      i = j - 1
      continue
    }
    let j = i + 1
    while (j < text.length && /["'”’»)\]]/.test(text[j]!)) j++
    if (j < text.length && !/\s/.test(text[j]!)) {
      // Pages that drop the space after a full stop ("…teilgenommen.Wie", "방문했다.당"): a word
      // ending in a small letter or hangul, then a capital or hangul, is a new sentence.
      const prevWord = /[\p{L}]+$/u.exec(text.slice(Math.max(0, i - 20), i))?.[0] ?? ''
      const glued = (/\p{Ll}$/u.test(prevWord) && prevWord.length > 3 && /\p{Lu}/u.test(text[j]!)) || (/[가-힣]$/.test(prevWord) && /[가-힣]/.test(text[j]!))
      if (!glued) continue
    }
    if (ch === '.') {
      const before = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? ''
      if (before && (abbreviations.has(before.toLowerCase()) || (before.length === 1 && /\p{Lu}/u.test(before)))) continue
      if (/\d$/.test(text.slice(0, i)) && /^\s+\p{Ll}/u.test(text.slice(j, j + 3))) continue
      // "Am 20. Dezember gab es …": a German day with its month, not the end of a sentence.
      if (/(?:^|\D)\d{1,2}$/.test(text.slice(Math.max(0, i - 3), i)) && germanMonth.test(text.slice(j, j + 12))) continue
    }
    // A lower-case word after the mark continues the sentence ("… said Mr. Ri", quotes).
    let k = j
    while (k < text.length && text[k] === ' ') k++
    if (k < text.length && /\p{Ll}/u.test(text[k]!) && !/[가-힣]/.test(text[k]!)) continue
    push(j)
    i = j - 1
  }
  push(text.length)
  return out
}
