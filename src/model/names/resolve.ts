/**
 * @module Resolves place names as sources write them ("Unsan County, North Pyongan",
 * "Jongphyong", 성천군, 成川郡, Сончхон, "Kimhwa Country", "Pyongyang City") to gazetteer ids, and
 * says how: `exact`, `normalised`, `fuzzy` (with the edit distance) or `ambiguous` — two counties
 * both written "Unsan" come back as ambiguous, never as a guess, and a name that is a
 * province-level unit ("Kaesong", 평양) is never turned into a county one letter away.
 *
 * Indexes are built once per gazetteer; a resolution is a few map lookups, plus a bounded scan
 * for typos only when no name form matches. The score scale is in scale.ts; a candidate wins when
 * it is at least 0.05 ahead of the next, otherwise the result is ambiguous.
 *
 * The types are in types.ts and re-exported here: callers import from this module.
 */
import type { Locality } from '../locality.ts'
import type { Province } from '../province.ts'
import { cyrillicKey, hasCyrillic, kontsevich } from './cyrillic.ts'
import { editDistance } from './editDistance.ts'
import { hanjaKeys, hasHan } from './hanja.ts'
import { splitHints } from './hints.ts'
import { hangulKeys, hangulSkeleton, hasHangul, latinKeys, skeleton, stripAttachedSuffix } from './normalize.ts'
import { arabicKeys, hasArabic, latinArabicKeys } from './arabic.ts'
import { askedLevel, hasNameWord } from './level.ts'
import { buildProvinceIndex } from './provinceIndex.ts'
import { literalKey, round, scores, typoAllowance } from './scale.ts'
import type { LocalityCandidate, LocalityMatch, MatchMethod, NoMatchReason, PlaceCandidate, PlaceMatch, ProvinceMatch, ResolveOptions, Resolver } from './types.ts'

export type { LocalityCandidate, LocalityMatch, MatchLevel, MatchMethod, NoMatchReason, PlaceCandidate, PlaceMatch, ProvinceMatch, ResolveOptions, Resolver } from './types.ts'

export type GazetteerLocality = Pick<Locality, 'id' | 'province' | 'hangul' | 'mr' | 'plain' | 'rr' | 'aliases' | 'former_names'> & Partial<Pick<Locality, 'hanja'>>
export type GazetteerProvince = Pick<Province, 'id' | 'hangul' | 'mr' | 'plain' | 'rr' | 'aliases'> & Partial<Pick<Province, 'hanja'>>

const { MARKED, SPELLED, SKELETON, TYPO_BASE, TYPO_PER_EDIT, CUT_SUFFIX, FORMER_NAME, CLEAR_LEAD } = scores
/** A leading word is taken for a province only on a close match: it might be part of the name. */
const PREFIX_MIN_SCORE = SKELETON - CUT_SUFFIX

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

  /** Keys by length, so a typo scan looks only at keys that can be close enough. */
  byLength(accept: (key: string) => boolean): KeyForms[][] {
    const out: KeyForms[][] = []
    for (const [key, forms] of this.map) if (accept(key)) (out[key.length] ??= []).push({ key, forms })
    return out
  }
}

/** Best score per locality, with the form that earned it. */
type Found = Map<string, LocalityCandidate>

function offer(found: Found, forms: Form[] | undefined, base: number, method: MatchMethod, distance?: number): void {
  if (!forms) return
  for (const f of forms) {
    const score = round(base - (f.former ? FORMER_NAME : 0))
    const had = found.get(f.id)
    if (had && had.score >= score) continue
    const c: LocalityCandidate = { id: f.id, score, matched: f.label, method }
    if (distance !== undefined) c.distance = distance
    found.set(f.id, c)
  }
}

function byScore(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function namedForms(l: GazetteerLocality): { text: string; label: string; former: boolean }[] {
  return [
    { text: l.plain, label: `plain: ${l.plain}`, former: false },
    { text: l.mr, label: `mr: ${l.mr}`, former: false },
    { text: l.rr, label: `rr: ${l.rr}`, former: false },
    { text: l.hangul, label: `hangul: ${l.hangul}`, former: false },
    ...(l.hanja ? [{ text: l.hanja, label: `hanja: ${l.hanja}`, former: false }] : []),
    ...l.aliases.map((a) => ({ text: a, label: `alias: ${a}`, former: false })),
    ...l.former_names.map((a) => ({ text: a, label: `former name: ${a}`, former: true })),
  ]
}

const asPlace = (c: LocalityCandidate): PlaceCandidate => ({ level: 'locality', ...c })
const provinceAsPlace = (p: ProvinceMatch): PlaceCandidate => ({ level: 'province', ...p })

export function createResolver(gazetteer: { localities: readonly GazetteerLocality[]; provinces: readonly GazetteerProvince[] }): Resolver {
  const provinceOf = new Map<string, string>()
  const literal = new Map<string, Set<string>>()
  const marked = new FormIndex()
  const spelled = new FormIndex()
  const skeletons = new FormIndex()
  const cyrillic = new FormIndex()
  const arabic = new FormIndex()
  const arabicConsonants = new FormIndex()
  for (const l of gazetteer.localities) {
    provinceOf.set(l.id, l.province)
    for (const { text, label, former } of namedForms(l)) {
      const form = { id: l.id, label, former }
      const lit = literalKey(text)
      literal.set(lit, (literal.get(lit) ?? new Set()).add(l.id))
      if (hasHan(text)) {
        // Chinese characters do not vary with a romanization system: no skeleton needed.
        const { full, stripped } = hanjaKeys(text)
        for (const k of stripped ? [full, stripped] : [full]) marked.add(k, form)
      } else if (hasHangul(text)) {
        const { full, stripped } = hangulKeys(text)
        for (const k of stripped ? [full, stripped] : [full]) {
          marked.add(k, form)
          skeletons.add(hangulSkeleton(k), form)
          // Russian by rule: every hangul form in Kontsevich, so Сончхон needs no listing.
          cyrillic.add(cyrillicKey(kontsevich(k)), { ...form, label: `${label} (Kontsevich ${kontsevich(k)})` })
        }
      } else {
        const keys = latinKeys(text)
        marked.add(keys.marked, form)
        spelled.add(keys.spelled, form)
        skeletons.add(skeleton(keys.spelled), form)
        // Arabic by rule: every Latin form as the consonants Arabic letters keep.
        const ar = latinArabicKeys(keys.spelled)
        if (ar.consonants.length >= 2) {
          arabic.add(ar.full, { ...form, label: `${label} (Arabic ${ar.full})` })
          arabicConsonants.add(ar.consonants, { ...form, label: `${label} (Arabic consonants ${ar.consonants})` })
        }
      }
    }
  }
  // Hangul keys stay out of the typo scan: one syllable off is another name.
  const latinTypoKeys = skeletons.byLength((key) => !hasHangul(key))
  const cyrillicTypoKeys = cyrillic.byLength(() => true)

  const provinces = buildProvinceIndex(gazetteer.provinces)
  // Localities with a name form that is also a province-level unit's name ("Kaesong" for a
  // district of that name): only for these can a non-fuzzy locality match hide a province.
  const provinceTwins = new Set<string>()
  for (const l of gazetteer.localities) {
    for (const { text } of namedForms(l)) {
      const bare = hasHan(text) ? hanjaKeys(text).stripped : hasHangul(text) ? hangulKeys(text).stripped : latinKeys(text).marked
      if (provinces.resolveStrict(text) || (bare && provinces.resolveStrict(bare))) provinceTwins.add(l.id)
    }
  }

  /** Adds forms within `max` edits of `key` (and beyond `min`), scored by distance. */
  function scanTypos(found: Found, index: KeyForms[][], key: string, min: number, max: number, penalty: number): void {
    for (let len = Math.max(1, key.length - max); len <= key.length + max; len++) {
      for (const entry of index[len] ?? []) {
        const d = editDistance(key, entry.key, max)
        if (d > min && d <= max) offer(found, entry.forms, TYPO_BASE - TYPO_PER_EDIT * d - penalty, 'fuzzy', d)
      }
    }
  }

  const noNearMisses = () => new Map() as Found

  /** Every locality the name may mean, from the strictest tier that finds any. */
  function search(name: string): { found: Found; nearMisses: () => Found } {
    const found: Found = new Map()
    if (hasHan(name)) {
      const { full, stripped } = hanjaKeys(name)
      offer(found, marked.map.get(full), MARKED, 'normalised')
      if (found.size === 0 && stripped) offer(found, marked.map.get(stripped), MARKED - CUT_SUFFIX, 'normalised')
      return { found, nearMisses: noNearMisses }
    }
    if (hasHangul(name)) {
      const { full, stripped } = hangulKeys(name)
      // Hangul has no diacritics to drop: as written is marked and spelled at once.
      offer(found, marked.map.get(full), MARKED, 'normalised')
      offer(found, skeletons.map.get(hangulSkeleton(full)), SKELETON, 'normalised')
      if (found.size === 0 && stripped) {
        offer(found, marked.map.get(stripped), MARKED - CUT_SUFFIX, 'normalised')
        offer(found, skeletons.map.get(hangulSkeleton(stripped)), SKELETON - CUT_SUFFIX, 'normalised')
      }
      return { found, nearMisses: noNearMisses }
    }
    if (hasCyrillic(name)) {
      const key = cyrillicKey(name)
      offer(found, cyrillic.map.get(key), SKELETON, 'normalised')
      const allowance = typoAllowance(key)
      if (found.size === 0) scanTypos(found, cyrillicTypoKeys, key, 0, allowance, 0)
      return {
        found,
        nearMisses: () => {
          const near: Found = new Map()
          scanTypos(near, cyrillicTypoKeys, key, allowance, Math.min(3, allowance + 1), 0)
          return near
        },
      }
    }
    if (hasArabic(name)) {
      // The keys are lossy already: a typo scan over them would find anything.
      const keys = arabicKeys(name)
      offer(found, arabic.map.get(keys.full), SKELETON, 'normalised')
      if (found.size === 0) offer(found, arabicConsonants.map.get(keys.consonants), SKELETON - CUT_SUFFIX, 'normalised')
      return { found, nearMisses: noNearMisses }
    }
    const { marked: written, spelled: key } = latinKeys(name)
    if (!key) return { found, nearMisses: noNearMisses }
    const skel = skeleton(key)
    offer(found, marked.map.get(written), MARKED, 'normalised')
    offer(found, spelled.map.get(key), SPELLED, 'normalised')
    offer(found, skeletons.map.get(skel), SKELETON, 'normalised')
    const cut = found.size === 0 ? stripAttachedSuffix(key) : null
    const cutSkel = cut ? skeleton(cut) : null
    if (cut && cutSkel) {
      offer(found, spelled.map.get(cut), SPELLED - CUT_SUFFIX, 'normalised')
      offer(found, skeletons.map.get(cutSkel), SKELETON - CUT_SUFFIX, 'normalised')
    }
    if (found.size === 0) {
      scanTypos(found, latinTypoKeys, skel, 0, typoAllowance(skel), 0)
      if (cutSkel) scanTypos(found, latinTypoKeys, cutSkel, 0, typoAllowance(cutSkel), CUT_SUFFIX)
    }
    const nearMisses = () => {
      // One edit beyond what counts as a typo, so "none" can still say what came close.
      const near: Found = new Map()
      const allowance = typoAllowance(skel)
      scanTypos(near, latinTypoKeys, skel, allowance, Math.min(3, allowance + 1), 0)
      return near
    }
    return { found, nearMisses }
  }

  function resolveProvince(text: string): ProvinceMatch | null {
    return provinces.resolve(text)
  }

  /** The name without its qualifiers, and the provinces the qualifiers and options say. */
  function readHints(text: string, opts: ResolveOptions) {
    const { hints, ...split } = splitHints(text)
    let name = split.name
    const hinted = new Set<string>()
    // Korean, Chinese and Japanese write the province first: "평안남도 성천군", "平安南道 成川郡".
    if (hasHangul(name) || hasHan(name)) {
      const words = name.trim().split(/\s+/)
      const lead = words.length > 1 ? provinces.resolveStrict(words[0]!) : null
      if (lead && lead.score >= PREFIX_MIN_SCORE) {
        hinted.add(lead.id)
        name = words.slice(1).join(' ')
      }
    }
    // The province written before or after the name without a comma, as lists and captions do:
    // "South Pyongan Songchon County", "은산군 평안남도", "Unsan County South Pyongan Province".
    // Only when the whole text is no province-level name itself ("South Pyongan" stays one) and
    // what is left is a name, not a unit word ("Kaesong District" stays whole).
    if (hints.length === 0 && hinted.size === 0) {
      const words = name.trim().split(/\s+/)
      if (words.length > 1 && !provinces.resolveStrict(name)) {
        const take = (part: string[], rest: string[]): boolean => {
          const p = provinces.resolveStrict(part.join(' '))
          if (!p || p.score < PREFIX_MIN_SCORE || !hasNameWord(rest.join(' '))) return false
          hinted.add(p.id)
          name = rest.join(' ')
          return true
        }
        for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
          if (take(words.slice(0, k), words.slice(k)) || take(words.slice(-k), words.slice(0, -k))) break
        }
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
    return { name, hinted, unknownProvince }
  }

  /** "Kaesong District", 개성구역: the province-level unit the name would be without its locality unit word. */
  function provinceUnderUnitWord(name: string): ProvinceMatch | null {
    if (askedLevel(name) !== 'locality') return null
    const bare = hasHan(name) ? hanjaKeys(name).stripped : hasHangul(name) ? hangulKeys(name).stripped : hasCyrillic(name) ? null : latinKeys(name).marked
    const p = bare ? provinces.resolveStrict(bare) : null
    // The unit word was cut to find it: a rule, not a recorded form.
    return p && { ...p, method: 'normalised' }
  }

  function resolveLocality(text: string, opts: ResolveOptions = {}): LocalityMatch {
    const { name, hinted, unknownProvince } = readHints(text, opts)
    // Does the name itself name a province-level unit? Exact and normalised only: cheap, and a
    // typo of a province is no reason to refuse a county.
    const { found, nearMisses } = search(name)
    const exactIds = literal.get(literalKey(name))
    if (exactIds) for (const c of found.values()) if (exactIds.has(c.id) && c.method === 'normalised') c.method = 'exact'
    const all = [...found.values()].sort(byScore)
    // The province check costs as much as the search, so it runs only where it can change the
    // answer: nothing or only typos found, a candidate that shares a name with a province-level
    // unit, or an Arabic name (whose lossy key may meet a county's: بيونغ يانغ and Pyonggang).
    const mayBeProvince = all.length === 0 || all[0]!.method === 'fuzzy' || all.some((c) => provinceTwins.has(c.id)) || hasArabic(name)
    const named = (mayBeProvince && (provinces.resolveStrict(name) ?? provinceUnderUnitWord(name))) || undefined
    // An Arabic key is lossy: a province met through fewer letters than a locality is no answer.
    const province = named && hasArabic(name) && all.length > 0 && named.score < all[0]!.score ? undefined : named
    const withProvince = <T extends LocalityMatch>(m: T): T => (province ? { ...m, province } : m)
    const none = (reason: NoMatchReason, candidates: LocalityCandidate[]): LocalityMatch =>
      withProvince({ status: 'none', level: 'locality', method: null, candidates, reason })

    // "Kaesong" is the special city, not Taesong District one letter away.
    if (province && (all.length === 0 || all[0]!.method === 'fuzzy')) return none('province-level', all)
    if (found.size === 0) return none('no-match', [...nearMisses().values()].sort(byScore))
    // The caller named a province we cannot read: choosing without it would ignore what they said.
    if (unknownProvince) return none('unknown-province', all)
    if (hinted.size > 1) return none('conflicting-provinces', all)

    let pool = all
    if (hinted.size === 1) {
      const [hint] = hinted
      pool = all.filter((c) => provinceOf.get(c.id) === hint)
      // Narrowing may pick among the candidates, never promote one that a candidate outside the
      // province beats: then the hint contradicts the name (e.g. a source placing Songchon in the
      // wrong province), and that is for a person to settle.
      if (pool.length === 0 || all[0]!.score - pool[0]!.score > 1e-9) return none('province-mismatch', all)
    }
    const best = pool[0]!
    const tied = pool.filter((c) => best.score - c.score < CLEAR_LEAD - 1e-9)
    if (tied.length > 1) return withProvince({ status: 'ambiguous', level: 'locality', method: 'ambiguous', candidates: tied })
    const m: LocalityMatch = { status: 'match', level: 'locality', method: best.method, locality: best.id, score: best.score, candidates: pool }
    if (best.distance !== undefined) m.distance = best.distance
    return withProvince(m)
  }

  function resolve(text: string, opts: ResolveOptions = {}): PlaceMatch {
    const read = readHints(text, opts)
    const name = read.name
    const asked = askedLevel(name)
    const loc = resolveLocality(text, opts)
    const hintedProvince = () => read
    const locality = (m: LocalityMatch & { status: 'match' }, also: PlaceCandidate[]): PlaceMatch => {
      const best = m.candidates.find((c) => c.id === m.locality)!
      const out: PlaceMatch = { status: 'match', level: 'locality', id: m.locality, method: m.method, score: m.score, matched: best.matched, asked, candidates: m.candidates.map(asPlace), also }
      if (m.distance !== undefined) out.distance = m.distance
      return out
    }
    const provinceMatch = (p: ProvinceMatch, also: PlaceCandidate[]): PlaceMatch => {
      const { hinted, unknownProvince } = hintedProvince()
      const candidates = [provinceAsPlace(p), ...also]
      if (unknownProvince) return { status: 'none', method: null, asked, reason: 'unknown-province', candidates }
      // "Pyongyang, South Pyongan": the name and its qualifier disagree.
      if (hinted.size > 0 && (hinted.size > 1 || !hinted.has(p.id))) return { status: 'none', method: null, asked, reason: 'province-mismatch', candidates }
      const out: PlaceMatch = { status: 'match', level: 'province', id: p.id, method: p.method, score: p.score, matched: p.matched, asked, candidates: [provinceAsPlace(p)], also }
      if (p.distance !== undefined) out.distance = p.distance
      return out
    }

    if (loc.province) {
      // The text names a province-level unit. A county-level unit of the same name wins only when
      // the text asks for that level ("Kaesong District"); either way the answer names both.
      const p = loc.province
      const closeLocalities = loc.status === 'none' ? [] : loc.candidates.filter((c) => c.method !== 'fuzzy').map(asPlace)
      if (asked === 'locality' && loc.status === 'match' && loc.method !== 'fuzzy') return locality(loc, [provinceAsPlace(p)])
      if (asked === 'locality' && loc.status === 'ambiguous') return { status: 'ambiguous', method: 'ambiguous', asked, candidates: loc.candidates.map(asPlace) }
      return provinceMatch(p, closeLocalities)
    }
    if (loc.status === 'match' && loc.method !== 'fuzzy') return locality(loc, [])
    if (loc.status === 'ambiguous') return { status: 'ambiguous', method: 'ambiguous', asked, candidates: loc.candidates.map(asPlace) }

    // Nothing exact or normalised. A misspelt province competes with a misspelt locality: the
    // closer one wins, and equally close is for a person to settle.
    const pf = resolveProvince(name)
    const { hinted } = hintedProvince()
    const fuzzyProvince = pf && (hinted.size === 0 || hinted.has(pf.id)) ? pf : null
    if (loc.status === 'match') {
      if (!fuzzyProvince || loc.score - fuzzyProvince.score >= CLEAR_LEAD - 1e-9) return locality(loc, [])
      if (fuzzyProvince.score - loc.score >= CLEAR_LEAD - 1e-9) return provinceMatch(fuzzyProvince, [])
      return { status: 'ambiguous', method: 'ambiguous', asked, candidates: [provinceAsPlace(fuzzyProvince), ...loc.candidates.map(asPlace)].sort(byScore) }
    }
    if (fuzzyProvince && loc.reason === 'no-match') return provinceMatch(fuzzyProvince, [])
    return { status: 'none', method: null, asked, reason: loc.reason, candidates: loc.candidates.map(asPlace) }
  }

  return { resolveLocality, resolveProvince, resolve }
}
