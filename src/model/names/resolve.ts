/**
 * @module Resolves place names as sources write them ("Unsan County, North Pyongan",
 * "Jongphyong", 성천군, "Kimhwa Country") to gazetteer ids, and says so when it cannot tell:
 * two counties both written "Unsan" come back as ambiguous, never as a guess.
 *
 * Indexes are built once per gazetteer; a resolution is a few map lookups, plus a bounded scan
 * for typos only when no name form matches.
 *
 * Scores (see normalize.ts for the keys):
 * - 1    the spelling is a recorded name form, give or take case, spaces, hyphens and the unit
 *        suffix ("Songchon County" = plain "Songchon", "Ŭnsan-gun" = MR "Ŭnsan");
 * - 0.95 it is one once diacritics and apostrophes are set aside as well ("Songch'on");
 * - 0.9  it matches only after folding romanization systems together (the skeleton);
 * - 0.75 / 0.65  it is one / two edits from a skeleton (typos, misreadings);
 * - −0.05 when a unit suffix had to be cut off the end of the word (Songchongun, 성천시 for 성천군);
 * - −0.1  when the form is a former name: a unit that bears a name now is the likelier reading
 *         than one that bore it once (Hwasŏng District vs Myonggan, formerly Hwasŏng).
 * A candidate wins when it is at least 0.05 ahead of the next; otherwise the result is ambiguous.
 */
import type { Locality } from '../locality.ts'
import type { Province } from '../province.ts'
import { editDistance } from './editDistance.ts'
import { splitHints } from './hints.ts'
import { hanjaKeys, hasHan } from './hanja.ts'
import { hangulKeys, hangulSkeleton, hasHangul, latinKeys, provinceParts, skeleton, stripAttachedSuffix } from './normalize.ts'

export type GazetteerLocality = Pick<Locality, 'id' | 'province' | 'hangul' | 'mr' | 'plain' | 'rr' | 'aliases' | 'former_names'> & Partial<Pick<Locality, 'hanja'>>
export type GazetteerProvince = Pick<Province, 'id' | 'hangul' | 'mr' | 'plain' | 'rr' | 'aliases'> & Partial<Pick<Province, 'hanja'>>

export interface LocalityCandidate {
  id: string
  /** 0..1; 1 = exact on a recorded name form (see the module comment for the scale). */
  score: number
  /** The name form that matched, e.g. "alias: Jongphyong". */
  matched: string
}

/** Why nothing was chosen. */
export type NoMatchReason =
  | 'no-match' // no name form is close enough; candidates are near misses
  | 'province-mismatch' // names match, but not in the province the hint says (or a better one lies outside it)
  | 'conflicting-provinces' // the hints name different provinces
  | 'unknown-province' // opts.province is not a province we can read

export type LocalityMatch =
  | { status: 'match'; locality: string; score: number; candidates: LocalityCandidate[] }
  | { status: 'ambiguous'; candidates: LocalityCandidate[] }
  | { status: 'none'; candidates: LocalityCandidate[]; reason: NoMatchReason }

export interface ProvinceMatch {
  id: string
  score: number
}

export interface ResolveOptions {
  /** The province the source gives, in any form: id, "South Phyongan", "P'yŏngan-namdo", 평안남도. */
  province?: string | null
}

export interface Resolver {
  resolveLocality(text: string, opts?: ResolveOptions): LocalityMatch
  resolveProvince(text: string): ProvinceMatch | null
}

const MARKED = 1
const SPELLED = 0.95
const SKELETON = 0.9
const TYPO_BASE = 0.85
const TYPO_PER_EDIT = 0.1
const CUT_SUFFIX = 0.05
const FORMER_NAME = 0.1
/** How far ahead the best candidate must be to be chosen; one step of the scale above. */
const CLEAR_LEAD = 0.05
/** A leading hangul word is taken for a province only on a close match: it might be part of the name. */
const PREFIX_MIN_SCORE = SKELETON - CUT_SUFFIX

/** The edits tolerated for a key of this length: none below 5 letters, where one edit makes another name. */
function typoAllowance(key: string): number {
  return key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0
}

const round = (x: number) => Math.round(x * 100) / 100

interface Form {
  id: string
  label: string
  former: boolean
}

interface KeyForms {
  key: string
  forms: Form[]
}

/** key → forms, one form per id (a current name preferred to a former one). */
class FormIndex {
  readonly map = new Map<string, Form[]>()

  add(key: string, form: Form): void {
    if (!key) return
    const list = this.map.get(key)
    if (!list) {
      this.map.set(key, [form])
      return
    }
    const i = list.findIndex((f) => f.id === form.id)
    if (i < 0) list.push(form)
    else if (list[i]!.former && !form.former) list[i] = form
  }
}

/** Best score per locality, with the form that earned it. */
type Found = Map<string, LocalityCandidate>

function offer(found: Found, forms: Form[] | undefined, base: number): void {
  if (!forms) return
  for (const f of forms) {
    const score = round(base - (f.former ? FORMER_NAME : 0))
    const had = found.get(f.id)
    if (!had || had.score < score) found.set(f.id, { id: f.id, score, matched: f.label })
  }
}

function byScore(a: LocalityCandidate, b: LocalityCandidate): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function namedForms<T extends { hangul: string; mr: string; plain: string; rr: string; aliases: string[]; hanja?: string | null }>(
  record: T,
  former: string[] = [],
): { text: string; label: string; former: boolean }[] {
  return [
    { text: record.plain, label: `plain: ${record.plain}`, former: false },
    { text: record.mr, label: `mr: ${record.mr}`, former: false },
    { text: record.rr, label: `rr: ${record.rr}`, former: false },
    { text: record.hangul, label: `hangul: ${record.hangul}`, former: false },
    ...(record.hanja ? [{ text: record.hanja, label: `hanja: ${record.hanja}`, former: false }] : []),
    ...record.aliases.map((a) => ({ text: a, label: `alias: ${a}`, former: false })),
    ...former.map((a) => ({ text: a, label: `former name: ${a}`, former: true })),
  ]
}

export function createResolver(gazetteer: { localities: readonly GazetteerLocality[]; provinces: readonly GazetteerProvince[] }): Resolver {
  const provinceOf = new Map<string, string>()
  const marked = new FormIndex()
  const spelled = new FormIndex()
  const skeletons = new FormIndex()
  for (const l of gazetteer.localities) {
    provinceOf.set(l.id, l.province)
    for (const { text, label, former } of namedForms(l, l.former_names)) {
      const form = { id: l.id, label, former }
      if (hasHan(text)) {
        // Chinese characters: one script-specific key space, as with hangul; no skeleton needed,
        // since the characters do not vary with a romanization system.
        const { full, stripped } = hanjaKeys(text)
        for (const k of stripped ? [full, stripped] : [full]) marked.add(k, form)
      } else if (hasHangul(text)) {
        const { full, stripped } = hangulKeys(text)
        for (const k of stripped ? [full, stripped] : [full]) {
          marked.add(k, form)
          skeletons.add(hangulSkeleton(k), form)
        }
      } else {
        const keys = latinKeys(text)
        marked.add(keys.marked, form)
        spelled.add(keys.spelled, form)
        skeletons.add(skeleton(keys.spelled), form)
      }
    }
  }
  // Skeletons by length, so the typo scan looks only at keys that can be close enough. Hangul keys
  // stay out: one syllable off is another name.
  const localityTypoKeys: KeyForms[][] = []
  for (const [key, forms] of skeletons.map) if (!hasHangul(key)) (localityTypoKeys[key.length] ??= []).push({ key, forms })

  const provinces = buildProvinceIndex(gazetteer.provinces)

  /** Adds forms within `max` edits of `key` (and beyond `min`), scored by distance. */
  function scanTypos(found: Found, key: string, min: number, max: number, penalty: number): void {
    for (let len = Math.max(1, key.length - max); len <= key.length + max; len++) {
      for (const entry of localityTypoKeys[len] ?? []) {
        const d = editDistance(key, entry.key, max)
        if (d > min && d <= max) offer(found, entry.forms, TYPO_BASE - TYPO_PER_EDIT * d - penalty)
      }
    }
  }

  /** Every locality the name may mean, from the strictest tier that finds any. */
  function search(name: string): { found: Found; nearMisses: () => Found } {
    const found: Found = new Map()
    if (hasHan(name)) {
      const { full, stripped } = hanjaKeys(name)
      offer(found, marked.map.get(full), MARKED)
      if (found.size === 0 && stripped) offer(found, marked.map.get(stripped), MARKED - CUT_SUFFIX)
      return { found, nearMisses: () => new Map() }
    }
    if (hasHangul(name)) {
      const { full, stripped } = hangulKeys(name)
      // Hangul has no diacritics to drop: as written is marked and spelled at once.
      offer(found, marked.map.get(full), MARKED)
      offer(found, skeletons.map.get(hangulSkeleton(full)), SKELETON)
      if (found.size === 0 && stripped) {
        offer(found, marked.map.get(stripped), MARKED - CUT_SUFFIX)
        offer(found, skeletons.map.get(hangulSkeleton(stripped)), SKELETON - CUT_SUFFIX)
      }
      return { found, nearMisses: () => new Map() }
    }
    const { marked: written, spelled: key } = latinKeys(name)
    if (!key) return { found, nearMisses: () => new Map() }
    const skel = skeleton(key)
    offer(found, marked.map.get(written), MARKED)
    offer(found, spelled.map.get(key), SPELLED)
    offer(found, skeletons.map.get(skel), SKELETON)
    const cut = found.size === 0 ? stripAttachedSuffix(key) : null
    const cutSkel = cut ? skeleton(cut) : null
    if (cut && cutSkel) {
      offer(found, spelled.map.get(cut), SPELLED - CUT_SUFFIX)
      offer(found, skeletons.map.get(cutSkel), SKELETON - CUT_SUFFIX)
    }
    if (found.size === 0) {
      scanTypos(found, skel, 0, typoAllowance(skel), 0)
      if (cutSkel) scanTypos(found, cutSkel, 0, typoAllowance(cutSkel), CUT_SUFFIX)
    }
    const nearMisses = () => {
      // One edit beyond what counts as a typo, so "none" can still say what came close.
      const near: Found = new Map()
      const allowance = typoAllowance(skel)
      scanTypos(near, skel, allowance, Math.min(3, allowance + 1), 0)
      return near
    }
    return { found, nearMisses }
  }

  function resolveProvince(text: string): ProvinceMatch | null {
    return provinces.resolve(text)
  }

  function resolveLocality(text: string, opts: ResolveOptions = {}): LocalityMatch {
    const { hints, ...split } = splitHints(text)
    let name = split.name
    const hinted = new Set<string>()
    // Korean, Chinese and Japanese write the province first: "평안남도 성천군", "平安南道 成川郡".
    if (hasHangul(name) || hasHan(name)) {
      const words = name.trim().split(/\s+/)
      const lead = words.length > 1 ? resolveProvince(words[0]!) : null
      if (lead && lead.score >= PREFIX_MIN_SCORE) {
        hinted.add(lead.id)
        name = words.slice(1).join(' ')
      }
    }
    // A qualifier that is no province ("North Korea", "DPRK") says nothing about which one.
    for (const h of hints) {
      const p = resolveProvince(h)
      if (p) hinted.add(p.id)
    }
    let unknownProvince = false
    if (opts.province != null && opts.province.trim() !== '') {
      const p = resolveProvince(opts.province)
      if (p) hinted.add(p.id)
      else unknownProvince = true
    }

    const { found, nearMisses } = search(name)
    if (found.size === 0) return { status: 'none', candidates: [...nearMisses().values()].sort(byScore), reason: 'no-match' }
    const all = [...found.values()].sort(byScore)
    // The caller named a province we cannot read: choosing without it would ignore what they said.
    if (unknownProvince) return { status: 'none', candidates: all, reason: 'unknown-province' }
    if (hinted.size > 1) return { status: 'none', candidates: all, reason: 'conflicting-provinces' }

    let pool = all
    if (hinted.size === 1) {
      const [province] = hinted
      pool = all.filter((c) => provinceOf.get(c.id) === province)
      // Narrowing may pick among the candidates, never promote one that a candidate outside the
      // province beats: then the hint contradicts the name (e.g. a source placing Songchon in the
      // wrong province), and that is for a person to settle.
      if (pool.length === 0 || all[0]!.score - pool[0]!.score > 1e-9) return { status: 'none', candidates: all, reason: 'province-mismatch' }
    }
    const best = pool[0]!
    const tied = pool.filter((c) => best.score - c.score < CLEAR_LEAD - 1e-9)
    if (tied.length > 1) return { status: 'ambiguous', candidates: tied }
    return { status: 'match', locality: best.id, score: best.score, candidates: pool }
  }

  return { resolveLocality, resolveProvince }
}

/** The province side: the same folding on the stem, with the direction (south/north) kept apart. */
function buildProvinceIndex(list: readonly GazetteerProvince[]) {
  const spelled = new Map<string, Set<string>>()
  const skeletons = new Map<string, Set<string>>()
  const typoStems: { dir: string; stem: string; id: string }[] = []
  const put = (map: Map<string, Set<string>>, key: string, id: string) => {
    const set = map.get(key) ?? new Set<string>()
    set.add(id)
    map.set(key, set)
  }
  const keysOf = (text: string) => {
    const { dir, stem, hangul } = provinceParts(splitHints(text).name)
    return { dir, stem, skel: hangul ? hangulSkeleton(stem) : skeleton(stem), hangul }
  }
  for (const p of list) {
    const forms = [p.id.replace(/-/g, ' '), ...namedForms(p).map((f) => f.text)]
    for (const form of forms) {
      const k = keysOf(form)
      if (!k.stem) continue
      put(spelled, `${k.dir}:${k.stem}`, p.id)
      put(skeletons, `${k.dir}:${k.skel}`, p.id)
      // Chinese writes a divided province by its first character and the direction: 平南, 咸北.
      if (hasHan(form) && k.dir) put(spelled, `${k.dir}:${k.stem[0]}`, p.id)
      if (!k.hangul) typoStems.push({ dir: k.dir, stem: k.skel, id: p.id })
    }
  }

  /** One province, or null when nothing or more than one fits equally. */
  function pick(scored: Map<string, number>): ProvinceMatch | null {
    let best: ProvinceMatch | null = null
    let tie = false
    for (const [id, score] of scored) {
      if (!best || score > best.score + 1e-9) {
        best = { id, score }
        tie = false
      } else if (Math.abs(score - best.score) <= 1e-9) tie = true
    }
    return best && !tie ? best : null
  }

  function resolve(text: string): ProvinceMatch | null {
    const k = keysOf(text)
    if (!k.stem) return null
    const scored = new Map<string, number>()
    const offerIds = (ids: Set<string> | undefined, score: number) => {
      for (const id of ids ?? []) scored.set(id, Math.max(scored.get(id) ?? 0, round(score)))
    }
    const tryStem = (stem: string, skel: string, penalty: number) => {
      offerIds(spelled.get(`${k.dir}:${stem}`), MARKED - penalty)
      offerIds(skeletons.get(`${k.dir}:${skel}`), SKELETON - penalty)
    }
    tryStem(k.stem, k.skel, 0)
    // "-do"/"-to" glued on: Chagangdo, Ryangkangto.
    const cut = !k.hangul && scored.size === 0 ? /^(.{4,}?)(?:do|to)$/.exec(k.stem)?.[1] : undefined
    if (cut) tryStem(cut, skeleton(cut), CUT_SUFFIX)
    // A stem that names a province as written is no typo, even when the direction does not fit:
    // "South Pyongyang" is a contradiction to report (null), not a misspelt South Pyongan.
    const namesOne = (dir: string) => skeletons.has(`${dir}:${k.skel}`)
    if (scored.size === 0 && !k.hangul && !namesOne('') && !namesOne('south') && !namesOne('north')) {
      const max = typoAllowance(k.skel)
      for (const t of typoStems) {
        if (t.dir !== k.dir) continue
        const d = editDistance(k.skel, t.stem, max)
        if (d <= max) scored.set(t.id, Math.max(scored.get(t.id) ?? 0, round(TYPO_BASE - TYPO_PER_EDIT * d)))
      }
    }
    return pick(scored)
  }

  return { resolve }
}
