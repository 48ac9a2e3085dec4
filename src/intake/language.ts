/**
 * @module Which language a report is written in. Scripts settle most cases at once (hangul →
 * Korean, kana → Japanese, Han alone → Chinese, Cyrillic → Russian); Latin-script text goes to
 * franc, limited to the languages state media and the press publish the policy in.
 */
import { franc } from 'franc'
import type { IntakeLanguage } from './types.ts'

const iso3to1: Record<string, IntakeLanguage> = { eng: 'en', fra: 'fr', deu: 'de', spa: 'es', rus: 'ru', kor: 'ko', jpn: 'ja', cmn: 'zh' }
const latinCandidates = ['eng', 'fra', 'deu', 'spa']
/** franc reads trigrams; more than this many characters adds time, not certainty. */
const SAMPLE = 2000

export function detectLanguage(text: string): IntakeLanguage {
  const sample = text.slice(0, SAMPLE)
  let hangul = 0
  let kana = 0
  let han = 0
  let cyrillic = 0
  let latin = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c >= 0xac00 && c <= 0xd7a3) hangul++
    else if (c >= 0x3040 && c <= 0x30ff) kana++
    else if (c >= 0x4e00 && c <= 0x9fff) han++
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++
  }
  const letters = hangul + kana + han + cyrillic + latin
  if (letters === 0) return 'und'
  if (hangul >= letters * 0.2) return 'ko'
  if (kana >= 10 && kana >= (han + kana) * 0.1) return 'ja'
  if (han >= letters * 0.2) return 'zh'
  if (cyrillic >= letters * 0.3) return 'ru'
  if (latin < 20) return latin > 0 ? 'en' : 'und'
  const code = franc(sample, { only: latinCandidates, minLength: 10 })
  return iso3to1[code] ?? 'en'
}

/** The caller's language code, normalised (e.g. "EN", "eng", "zh-CN" → en, zh), or null when not one we read. */
export function normaliseLanguage(code: string | undefined): IntakeLanguage | null {
  if (!code) return null
  const c = code.trim().toLowerCase()
  const base = c.split(/[-_]/)[0]!
  if (base.length === 3) return iso3to1[base] ?? (base === 'zho' || base === 'chi' ? 'zh' : null)
  return (['en', 'ko', 'ja', 'zh', 'ru', 'es', 'fr', 'de'] as const).find((l) => l === base) ?? null
}
