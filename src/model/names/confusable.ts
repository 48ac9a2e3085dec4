/**
 * @module Localities a reader may take for one another: the same spelling in Latin letters once
 * romanization differences are folded (운산군 Unsan and 은산군 Ŭnsan, both "Unsan"), or hangul
 * names one letter (jamo) apart whose common spellings are one letter apart too (성천군 Songchon
 * and 선천군 Sonchon). Pure: works on the gazetteer's name forms.
 */
import { editDistance } from './editDistance.ts'
import { hangulKeys, hasHangul, latinKeys, skeleton } from './normalize.ts'

export interface NamedPlace {
  id: string
  plain: string
  mr: string
  rr: string
  hangul: string
  aliases: readonly string[]
  former_names: readonly string[]
}

export interface Confusable {
  id: string
  /** True when a Latin spelling of one is a spelling of the other; false when they are one letter and one syllable apart. */
  same_spelling: boolean
}

function latinSkeletons(l: NamedPlace): Set<string> {
  const out = new Set<string>()
  for (const form of [l.plain, l.mr, l.rr, ...l.aliases, ...l.former_names]) {
    if (!form || hasHangul(form)) continue
    const key = skeleton(latinKeys(form).spelled)
    if (key.length >= 3) out.add(key)
  }
  return out
}

function hangulStem(l: NamedPlace): string {
  const k = hangulKeys(l.hangul)
  return k.stripped ?? k.full
}

/** Initial, vowel and final of a hangul syllable. */
function jamo(syllable: number): [number, number, number] {
  const o = syllable - 0xac00
  return [Math.floor(o / 588), Math.floor((o % 588) / 28), o % 28]
}

/**
 * True when the two hangul names differ in one syllable, and there only in its vowel or its final
 * (운/은, 성/선): the initial consonant stays, so the romanizations start alike and read alike.
 */
function oneLetterApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false
  const apart = [...a].map((_, i) => i).filter((i) => a[i] !== b[i])
  if (apart.length !== 1) return false
  const [x, y] = [jamo(a.charCodeAt(apart[0]!)), jamo(b.charCodeAt(apart[0]!))]
  return x[0] === y[0] && (x[1] === y[1]) !== (x[2] === y[2])
}

export type ConfusableIndex = (target: NamedPlace) => Confusable[]

/**
 * An index over `all` that answers, for one place, the others it may be confused with (same
 * spellings first). The name keys are worked out once, so a lookup is a map read for the same
 * spellings and one cheap comparison per place for the near ones.
 */
export function confusableIndex(all: readonly NamedPlace[]): ConfusableIndex {
  const byKey = new Map<string, Set<string>>()
  const entries = all.map((l) => {
    const keys = latinSkeletons(l)
    for (const k of keys) byKey.set(k, (byKey.get(k) ?? new Set()).add(l.id))
    return { id: l.id, keys, stem: hangulStem(l), plain: latinKeys(l.plain).spelled }
  })
  return (target) => {
    const same = new Set<string>()
    for (const k of latinSkeletons(target)) for (const id of byKey.get(k) ?? []) if (id !== target.id) same.add(id)
    const stem = hangulStem(target)
    const plain = latinKeys(target.plain).spelled
    const near = entries.filter((e) => e.id !== target.id && !same.has(e.id) && oneLetterApart(stem, e.stem) && editDistance(plain, e.plain, 1) <= 1).map((e) => e.id)
    return [...[...same].sort().map((id) => ({ id, same_spelling: true })), ...near.sort().map((id) => ({ id, same_spelling: false }))]
  }
}

/** The places of `all` that `target` may be confused with, same spellings first. */
export function confusableWith(target: NamedPlace, all: readonly NamedPlace[]): Confusable[] {
  return confusableIndex(all)(target)
}
