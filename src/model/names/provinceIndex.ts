/**
 * @module The province side of name resolution: the 13 province-level units (nine provinces,
 * Pyongyang, Rason, Nampo, Kaesong) in every script the sources use. The same folding as for
 * localities runs on the stem, with the direction (south/north) kept apart, so "South Phyongan
 * Province", "P'yŏngan-namdo", 평남, 平安南道, 平南 and "Пхёнан-Намдо" meet.
 */
import { arabicDirection, arabicKeys, hasArabic, latinArabicKeys } from './arabic.ts'
import { cyrillicKey, kontsevich } from './cyrillic.ts'
import { editDistance } from './editDistance.ts'
import { splitHints } from './hints.ts'
import { hangulSkeleton, provinceParts, skeleton } from './normalize.ts'
import { literalKey, round, scores, typoAllowance } from './scale.ts'
import type { MatchMethod, ProvinceMatch } from './types.ts'

export interface ProvinceRecord {
  id: string
  hangul: string
  mr: string
  plain: string
  rr: string
  aliases: string[]
  hanja?: string | null
}

export interface ProvinceIndex {
  /** Any tier, typos included. */
  resolve(text: string): ProvinceMatch | null
  /** Exact and normalised only: cheap, for checking whether a locality query names a province. */
  resolveStrict(text: string): ProvinceMatch | null
}

function formsOf(p: ProvinceRecord): { text: string; label: string }[] {
  return [
    { text: p.plain, label: `plain: ${p.plain}` },
    { text: p.mr, label: `mr: ${p.mr}` },
    { text: p.rr, label: `rr: ${p.rr}` },
    { text: p.hangul, label: `hangul: ${p.hangul}` },
    ...(p.hanja ? [{ text: p.hanja, label: `hanja: ${p.hanja}` }] : []),
    ...p.aliases.map((a) => ({ text: a, label: `alias: ${a}` })),
    { text: p.id.replace(/-/g, ' '), label: `id: ${p.id}` },
  ]
}

type KeyMap = Map<string, Map<string, string>> // key → id → label of the first form with that key

function put(map: KeyMap, key: string, id: string, label: string): void {
  let ids = map.get(key)
  if (!ids) map.set(key, (ids = new Map()))
  if (!ids.has(id)) ids.set(id, label)
}

export function buildProvinceIndex(list: readonly ProvinceRecord[]): ProvinceIndex {
  const literal: KeyMap = new Map()
  const spelled: KeyMap = new Map()
  const skeletons: KeyMap = new Map()
  const typoStems: { dir: string; stem: string; id: string; label: string }[] = []

  const keysOf = (text: string) => {
    const { dir, stem, script } = provinceParts(splitHints(text).name)
    const skel = script === 'latin' ? skeleton(stem) : script === 'hangul' ? hangulSkeleton(stem) : stem
    // Keys of the other scripts live apart, so that a Cyrillic key never meets a Latin one.
    const tag = script === 'cyrillic' ? 'cyr:' : ''
    return { dir, stem: tag + stem, skel: tag + skel, script }
  }

  for (const p of list) {
    put(literal, literalKey(p.id), p.id, `id: ${p.id}`)
    for (const { text, label } of formsOf(p)) {
      put(literal, literalKey(text), p.id, label)
      const k = keysOf(text)
      if (!k.stem) continue
      put(spelled, `${k.dir}:${k.stem}`, p.id, label)
      put(skeletons, `${k.dir}:${k.skel}`, p.id, label)
      if (k.script === 'latin') typoStems.push({ dir: k.dir, stem: k.skel, id: p.id, label })
      // Arabic by rule: the consonants of the Latin stem (Pyongyang → bnknk, بيونغ يانغ).
      if (k.script === 'latin') {
        const ar = latinArabicKeys(k.stem)
        put(spelled, `${k.dir}:ar:${ar.full}`, p.id, `${label} (Arabic ${ar.full})`)
        put(spelled, `${k.dir}:arc:${ar.consonants}`, p.id, `${label} (Arabic consonants ${ar.consonants})`)
      }
      // Chinese writes a divided province by its first character and the direction: 平南, 咸北.
      if (k.script === 'han' && k.dir) put(spelled, `${k.dir}:${k.stem[0]}`, p.id, label)
      // Russian by rule: the hangul stem in Kontsevich (평양 → Пхёнян, 자강 → Чаган).
      if (k.script === 'hangul') put(spelled, `${k.dir}:cyr:${cyrillicKey(kontsevich(k.stem))}`, p.id, `${label} (Kontsevich ${kontsevich(k.stem)})`)
    }
  }

  /** One province, or null when nothing or more than one fits equally. */
  function pick(scored: Map<string, ProvinceMatch>): ProvinceMatch | null {
    let best: ProvinceMatch | null = null
    let tie = false
    for (const m of scored.values()) {
      if (!best || m.score > best.score + 1e-9) {
        best = m
        tie = false
      } else if (Math.abs(m.score - best.score) <= 1e-9) tie = true
    }
    return best && !tie ? best : null
  }

  function lookupArabic(text: string): ProvinceMatch | null {
    const recorded = literal.get(literalKey(text))
    if (recorded?.size === 1) {
      const [id, label] = [...recorded][0]!
      return { id, score: round(scores.MARKED), method: 'exact', matched: label }
    }
    const { dir, rest } = arabicDirection(splitHints(text).name)
    const keys = arabicKeys(rest)
    if (keys.consonants.length < 2) return null
    const scored = new Map<string, ProvinceMatch>()
    const offer = (key: string, score: number) => {
      for (const [id, label] of spelled.get(key) ?? []) scored.set(id, { id, score: round(score), method: 'normalised', matched: label })
    }
    offer(`${dir}:ar:${keys.full}`, scores.SKELETON)
    if (scored.size === 0) offer(`${dir}:arc:${keys.consonants}`, scores.SKELETON - scores.CUT_SUFFIX)
    return pick(scored)
  }

  function lookup(text: string, fuzzy: boolean): ProvinceMatch | null {
    if (hasArabic(text)) return lookupArabic(text)
    const k = keysOf(text)
    if (!k.stem) return null
    const exactIds = literal.get(literalKey(text))
    const scored = new Map<string, ProvinceMatch>()
    const offer = (ids: Map<string, string> | undefined, score: number, method: MatchMethod, distance?: number) => {
      for (const [id, label] of ids ?? []) {
        const m: ProvinceMatch = { id, score: round(score), method: exactIds?.has(id) ? 'exact' : method, matched: label }
        if (method === 'fuzzy') m.distance = distance
        const had = scored.get(id)
        if (!had || had.score < m.score) scored.set(id, m)
      }
    }
    const tryStem = (stem: string, skel: string, penalty: number) => {
      offer(spelled.get(`${k.dir}:${stem}`), scores.MARKED - penalty, 'normalised')
      offer(skeletons.get(`${k.dir}:${skel}`), scores.SKELETON - penalty, 'normalised')
    }
    tryStem(k.stem, k.skel, 0)
    // "-do"/"-to" glued on: Chagangdo, Ryangkangto.
    const cut = k.script === 'latin' && scored.size === 0 ? /^(.{4,}?)(?:do|to)$/.exec(k.stem)?.[1] : undefined
    if (cut) tryStem(cut, skeleton(cut), scores.CUT_SUFFIX)
    if (!fuzzy || scored.size > 0 || k.script !== 'latin') return pick(scored)
    // A stem that names a province as written is no typo, even when the direction does not fit:
    // "South Pyongyang" is a contradiction to report (null), not a misspelt South Pyongan.
    const namesOne = (dir: string) => skeletons.has(`${dir}:${k.skel}`)
    if (namesOne('') || namesOne('south') || namesOne('north')) return null
    const max = typoAllowance(k.skel)
    for (const t of typoStems) {
      if (t.dir !== k.dir) continue
      const d = editDistance(k.skel, t.stem, max)
      if (d <= max) offer(new Map([[t.id, t.label]]), scores.TYPO_BASE - scores.TYPO_PER_EDIT * d, 'fuzzy', d)
    }
    return pick(scored)
  }

  return { resolve: (text) => lookup(text, true), resolveStrict: (text) => lookup(text, false) }
}
