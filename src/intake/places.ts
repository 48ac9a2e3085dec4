/**
 * @module Finds the places a report names and decides which gazetteer units they are, in two
 * steps kept apart (as Mordecai does): *spotting* — every span of the text that is a name form of
 * some unit, in any script, with its character offsets — then *ranking* with the context: the
 * resolver's reading of the span, the province written next to it, the provinces the report names
 * elsewhere, and the facility the report is about.
 *
 * Spotting is a handful of map lookups per capitalised word (Latin, Cyrillic) or per unit word
 * (군/시/구역 in hangul, 郡/市/區 in Chinese characters), over indexes built once per gazetteer.
 */
import { hanjaKeys, hasHan } from '../model/names/hanja.ts'
import { foldText, hangulKeys, latinKeys, skeleton } from '../model/names/normalize.ts'
import { editDistance } from '../model/names/editDistance.ts'
import { createResolver, type GazetteerLocality, type GazetteerProvince, type Resolver } from '../model/names/resolve.ts'
import { cyrillicToLatin, hasCyrillic, looseKey, looseKeyOfLatin, russianStems } from './cyrillic.ts'
import { hasKatakana, kanaKey, kanaKeysOfLatin } from './katakana.ts'

export interface Gazetteer {
  localities: readonly GazetteerLocality[]
  provinces: readonly GazetteerProvince[]
}

export interface PlaceMention {
  /** The span as written, with its unit word when there is one ("Unsan County", 은산군). */
  text: string
  start: number
  end: number
  /** A unit word (County, 군, 郡, уезд, Kreis…) marks the span as a place. */
  unit: boolean
  /** Plural unit word after a list ("… and Puryong counties"): the list's other names are places too. */
  plural: boolean
  /** Units the span may name, from the spotting index. */
  spotted: string[]
  script: 'latin' | 'hangul' | 'han' | 'cyrillic' | 'katakana'
}

export interface ProvinceMention {
  id: string
  text: string
  start: number
  end: number
  /** Written on its own ("Pyongyang"), not as a province ("Pyongyang City", "Kangwon Province"). */
  bare: boolean
}

export interface PlaceFinder {
  resolver: Resolver
  provinceOf(id: string): string | null
  findPlaces(text: string): PlaceMention[]
  findProvinces(text: string): ProvinceMention[]
  /** Units of `province` whose name is one edit from `name` (a near spelling the province settles). */
  nearInProvince(name: string, province: string): string[]
}

const add = (map: Map<string, Set<string>>, key: string, id: string) => {
  if (!key) return
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(id)
}

// Words after a name that make it a unit (English and the romanised unit words), singular or plural.
// German compounds put the unit word last after a hyphen: "Kim-Hyong-Jik-Kreis".
const unitAfter = /^(?:[- ]?(?:county|counties|country|city|cities|district|districts|gun|kun|guyok|kuyok|up|eup|ŭp|si|shi|town|area|zone)|-(?:kreis|kreises|bezirk|bezirks|stadt))\b/i
const pluralAfter = /^[- ]?(?:counties|cities|districts)\b/i
// Words before a name that make it a unit (German, French, Spanish).
const unitBefore = /(?:\b(?:Land)?[Kk]reis(?:es)?|\bKreisstadt|\bStadt|\bStadtbezirk|\bBezirk|\bcomt[ée]s?\s+(?:de\s+|d')|\bdistricts?\s+(?:de\s+|d')|\bville\s+(?:de\s+|d')|\barrondissements?\s+(?:de\s+|d')|\bcondados?\s+(?:de\s+)?|\bdistritos?\s+(?:de\s+)?|\bciudad(?:es)?\s+(?:de\s+)?|\bmunicipios?\s+(?:de\s+)?|\bprefecturas?\s+(?:de\s+)?)\s*$/i
const cyrUnitNear = /^\s*(?:уезд\w*|город\w*|район\w*)|(?:уезд\w*|город\w*|район\w*)\s*$/i
// Korean surnames: a span that starts with one and has no unit word is a person ("Kim Jong Suk").
const surnames = new Set(['kim', 'ri', 'pak', 'choe', 'jo', 'o', 'kang', 'han', 'jon', 'jong', 'hwang', 'yun', 'chon', 'ryu', 'so', 'son', 'ho', 'ju', 'ko', 'mun', 'an', 'sin', 'paek', 'yang', 'song', 'cha', 'ji', 'thae'])

const MAX_WORDS = 4

export function createPlaceFinder(gazetteer: Gazetteer): PlaceFinder {
  const resolver = createResolver(gazetteer)
  const provinceOfId = new Map(gazetteer.localities.map((l) => [l.id, l.province]))
  const hanjaOf = new Map(gazetteer.localities.map((l) => [l.id, l.hanja ?? '']))
  const latin = new Map<string, Set<string>>()
  // Keys a name may have without a unit word beside it: the unit's own forms, not translated
  // aliases ("Central District" would make every "Central Committee" a place).
  const bareKeys = new Set<string>()
  const loose = new Map<string, Set<string>>()
  const hangul = new Map<string, Set<string>>()
  const han = new Map<string, Set<string>>()
  const kanaIndex = new Map<string, Set<string>>()
  const provinceNames = new Set<string>()
  for (const p of gazetteer.provinces) {
    for (const f of [p.plain, p.mr, p.rr, ...p.aliases]) if (!hasHan(f) && !/[가-힣]/.test(f)) provinceNames.add(skeleton(latinKeys(f).spelled))
  }
  for (const l of gazetteer.localities) {
    const forms = [l.plain, l.mr, l.rr, l.hangul, ...(l.hanja ? [l.hanja] : []), ...l.aliases, ...l.former_names]
    for (const f of forms) {
      if (/[가-힣]/.test(f)) {
        const k = hangulKeys(f)
        add(hangul, k.stripped ?? k.full, l.id)
        add(hangul, k.full, l.id)
      } else if (hasHan(f)) {
        const k = hanjaKeys(f)
        add(han, k.stripped ?? k.full, l.id)
      } else {
        const spelled = latinKeys(f).spelled
        if (spelled.length < 3) continue
        add(latin, skeleton(spelled), l.id)
        if (f === l.plain || f === l.mr || f === l.rr || !/\s/.test(f.trim())) bareKeys.add(skeleton(spelled))
        add(loose, looseKey(spelled), l.id)
        if (spelled.length >= 4) for (const k of kanaKeysOfLatin(spelled)) add(kanaIndex, k, l.id)
      }
    }
    add(loose, looseKeyOfLatin(l.plain), l.id)
  }
  const hangulStemMax = Math.max(...[...hangul.keys()].map((k) => k.length))
  const hanStemMax = Math.max(...[...han.keys()].map((k) => k.length), 1)

  function latinPlaces(text: string, out: PlaceMention[]): void {
    const words: { w: string; start: number; end: number }[] = []
    const wordRe = /[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*/gu
    for (let m = wordRe.exec(text); m; m = wordRe.exec(text)) words.push({ w: m[0], start: m.index, end: m.index + m[0].length })
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!
      if (!/^\p{Lu}/u.test(first.w)) continue
      if (/[\u0400-\u04ff]/.test(first.w)) continue
      let hit = false
      for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
        const span = words.slice(i, i + n)
        // Words of one name are apart by a space or a hyphen only, and each is capitalised or
        // follows a hyphen ("Kim Jong-suk", "Ryonggang-up").
        let ok = true
        for (let k = 1; k < span.length; k++) {
          const gap = text.slice(span[k - 1]!.end, span[k]!.start)
          if (!/^[- ]$/.test(gap) || (gap === ' ' && !/^\p{Lu}/u.test(span[k]!.w))) ok = false
        }
        if (!ok) continue
        const spelled = foldText(span.map((s) => s.w).join('')).replace(/[^a-z]/g, '')
        if (spelled.length < 3) continue
        const key = skeleton(spelled)
        const ids = latin.get(key)
        if (!ids) continue
        const start = first.start
        let end = span[span.length - 1]!.end
        const after = text.slice(end, end + 12)
        const unitM = unitAfter.exec(after)
        const before = unitBefore.test(text.slice(Math.max(0, start - 30), start))
        const unit = Boolean(unitM) || before
        // A province's name on its own is the province (Pyongyang, Nampho), and a person's name is no place.
        if (!unit && (provinceNames.has(key) || !bareKeys.has(key))) break
        if (!unit && surnames.has(foldText(first.w)) && n > 1) break
        if (!unit && n === 1 && spelled.length < 4) break
        if (!unit && i > 0 && text.slice(words[i - 1]!.end, first.start) === ' ' && surnames.has(foldText(words[i - 1]!.w))) break
        if (unitM) end += unitM[0].length
        out.push({ text: text.slice(start, end), start, end, unit, plural: Boolean(unitM && pluralAfter.test(after)), spotted: [...ids], script: 'latin' })
        i += n - 1
        hit = true
        break
      }
      if (hit) continue
      // A word the index does not know, marked as a unit ("Kandong County", "Landkreis Kandong"):
      // the resolver's typo tolerance may still know it.
      const after = text.slice(first.end, first.end + 12)
      const unitM = unitAfter.exec(after)
      const before = unitBefore.test(text.slice(Math.max(0, first.start - 30), first.start))
      if (!unitM && !before) continue
      if (foldText(first.w).length < 4) continue
      const r = resolver.resolveLocality(first.w)
      const ids = r.status === 'match' ? [r.locality] : r.status === 'ambiguous' ? r.candidates.map((c) => c.id) : []
      if (ids.length === 0 || (r.status === 'match' && r.score < 0.65)) continue
      const end = first.end + (unitM ? unitM[0].length : 0)
      out.push({ text: text.slice(first.start, end), start: first.start, end, unit: true, plural: Boolean(unitM && pluralAfter.test(after)), spotted: ids, script: 'latin' })
    }
  }

  function cyrillicPlaces(text: string, out: PlaceMention[]): void {
    const re = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*/g
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const word = m[0]
      let found: Set<string> | undefined
      for (const stem of russianStems(word.replace(/-/g, ''))) {
        found = loose.get(looseKey(cyrillicToLatin(stem).replace(/[^a-z]/g, '')))
        if (found) break
      }
      if (!found) continue
      const start = m.index
      const end = start + word.length
      const unit = cyrUnitNear.test(text.slice(end, end + 12)) || cyrUnitNear.test(text.slice(Math.max(0, start - 12), start))
      if (!unit && word.length < 5) continue
      out.push({ text: word, start, end, unit, plural: false, spotted: [...found], script: 'cyrillic' })
    }
  }

  /** The longest known hangul stem ending at `end` that starts a word (or follows a province written onto it). */
  function hangulStemBefore(text: string, end: number): { start: number; ids: Set<string> } | null {
    for (let len = Math.min(hangulStemMax, end); len >= 1; len--) {
      const start = end - len
      const stem = text.slice(start, end)
      if (!/^[가-힣]+$/.test(stem)) continue
      const ids = hangul.get(stem)
      if (!ids) continue
      const prev = text[start - 1]
      if (prev && /[가-힣]/.test(prev) && !/[도시]$/.test(text.slice(0, start))) continue
      return { start, ids }
    }
    return null
  }

  function hangulPlaces(text: string, out: PlaceMention[]): void {
    // A unit word, then the longest known stem ending right before it.
    const re = /(구역|지구|군|시|구|읍)/g
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const unitStart = m.index
      // A variant may stand in brackets between the name and its unit: 낭림(랑림)군.
      let nameEnd = unitStart
      let inner: { start: number; ids: Set<string> } | null = null
      if (text[nameEnd - 1] === ')' || text[nameEnd - 1] === '）') {
        const open = Math.max(text.lastIndexOf('(', nameEnd), text.lastIndexOf('（', nameEnd))
        if (open >= 0 && nameEnd - open <= 8) {
          inner = hangul.has(text.slice(open + 1, nameEnd - 1)) ? { start: open + 1, ids: hangul.get(text.slice(open + 1, nameEnd - 1))! } : null
          nameEnd = open
        }
      }
      const best = hangulStemBefore(text, nameEnd) ?? inner
      // 시군 (cities and counties), 장군 (general) and the like are no place: the stem must be known.
      if (!best) continue
      const end = unitStart + m[0].length
      out.push({ text: text.slice(best.start, end), start: best.start, end, unit: true, plural: false, spotted: [...best.ids], script: 'hangul' })
      // Names joined by · or 、 share the last one's unit word: 신양·북창·은산군.
      let at = best.start
      while (at > 0 && /[·・、ㆍ]/.test(text[at - 1]!)) {
        const prev = hangulStemBefore(text, at - 1)
        if (!prev) break
        out.push({ text: text.slice(prev.start, at - 1), start: prev.start, end: at - 1, unit: true, plural: false, spotted: [...prev.ids], script: 'hangul' })
        at = prev.start
      }
    }
  }

  function hanPlaces(text: string, out: PlaceMention[]): void {
    const re = /(區域|区域|地區|地区|郡|市|區|区|县|縣)/g
    const seen = new Set<number>()
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A reading may stand between the name and its unit: 長淵(チャンヨン)郡.
      let nameEnd = m.index
      const close = text[nameEnd - 1]
      if (close === ')' || close === '）') {
        const open = Math.max(text.lastIndexOf('(', nameEnd), text.lastIndexOf('（', nameEnd))
        if (open >= 0 && nameEnd - open <= 16) nameEnd = open
      }
      for (let len = Math.min(hanStemMax, nameEnd); len >= 1; len--) {
        const start = nameEnd - len
        const raw = text.slice(start, nameEnd)
        if (!/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(raw)) continue
        let ids = han.get(hanjaKeys(raw).full)
        if (!ids) continue
        // 地区 is a unit of its own (득장지구): 妙香山地区 is a resort area, not Hyangsan County.
        if (/^地[區区]$/.test(m[1]!)) {
          ids = new Set([...ids].filter((id) => /地[區区]$/.test(hanjaOf.get(id) ?? '')))
          if (ids.size === 0) continue
        }
        const end = m.index + m[0].length
        out.push({ text: text.slice(start, end), start, end, unit: true, plural: false, spotted: [...ids], script: 'han' })
        seen.add(start)
        break
      }
    }
    // A name written straight after its province, without a unit word: 黄海南道殷栗.
    const after = /(?:南道|北道|道|[東西南北中]部の?)([\u3400-\u9fff]{2,3})/g
    for (let m = after.exec(text); m; m = after.exec(text)) {
      const start = m.index + m[0].length - m[1]!.length
      if (seen.has(start)) continue
      for (let len = m[1]!.length; len >= 2; len--) {
        const ids = han.get(hanjaKeys(text.slice(start, start + len)).full)
        if (!ids) continue
        out.push({ text: text.slice(start, start + len), start, end: start + len, unit: true, plural: false, spotted: [...ids], script: 'han' })
        break
      }
    }
  }

  function katakanaPlaces(text: string, out: PlaceMention[]): void {
    // A katakana name with a unit word after it (ケプン区域, ソンチョン郡), or several joined by ・.
    const re = /([\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,})*)(区域|地区|郡|市|区|邑|群)/g
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let at = m.index
      const names = m[1]!.split('・')
      names.forEach((name, k) => {
        const start = at
        at += name.length + 1
        const ids = kanaIndex.get(kanaKey(name))
        if (!ids || kanaKey(name).length < 4) return
        const end = k === names.length - 1 ? m!.index + m![0].length : start + name.length
        out.push({ text: text.slice(start, end), start, end, unit: true, plural: false, spotted: [...ids], script: 'katakana' })
      })
    }
  }

  function findPlaces(text: string): PlaceMention[] {
    const out: PlaceMention[] = []
    if (/[a-zA-Z]/.test(text)) latinPlaces(text, out)
    if (hasCyrillic(text)) cyrillicPlaces(text, out)
    if (/[가-힣]/.test(text)) hangulPlaces(text, out)
    if (hasHan(text)) hanPlaces(text, out)
    if (hasKatakana(text)) katakanaPlaces(text, out)
    return out.sort((a, b) => a.start - b.start)
  }

  // ---- provinces ---------------------------------------------------------------------------

  const dirWords: [RegExp, string][] = [
    [/^(?:south|süd|sud|sur|южн\w*|南)$/i, 'South'],
    [/^(?:north|nord|norte|северн\w*|北)$/i, 'North'],
  ]
  const latinProvince =
    /\b(?:(North|South|Nord|Süd|Sud)[- ])?(\p{Lu}[\p{L}'’]+(?:[- ](?:[Nn]amdo|[Pp]ukto|[Bb]ukto|[Nn]am-do|[Pp]uk-to|[Bb]uk-do))?)(?:[- ](?:du\s+|del\s+)?(Sud|Nord|Sur|Norte|Süd))?(?:\s+(Province|Provinz|Municipality|City|province|provincia))?/gu
  const provinceLead = /(?:\b(?:Province|Provinz|Bezirk|provincia|province)\s+(?:de\s+|du\s+|of\s+|d')?)$/i

  function findProvinces(text: string): ProvinceMention[] {
    const out: ProvinceMention[] = []
    if (/[a-zA-Z]/.test(text)) {
      latinProvince.lastIndex = 0
      for (let m = latinProvince.exec(text); m; m = latinProvince.exec(text)) {
        const lead = m[1] ?? m[3]
        const stem = m[2]!
        const marked = Boolean(m[4]) || Boolean(lead) || /(?:nam|puk|buk)-?(?:do|to)$/i.test(stem) || provinceLead.test(text.slice(Math.max(0, m.index - 20), m.index))
        const dir = lead ? (dirWords.find(([re]) => re.test(lead))?.[1] ?? '') : ''
        const guess = `${dir ? `${dir} ` : ''}${stem}`
        const p = resolver.resolveProvince(guess)
        if (!p || p.score < 0.9) {
          // Try again from the next word: "Provinz Süd-Hamgyong" is not "Provinz Süd" + "Hamgyong".
          latinProvince.lastIndex = m.index + 1
          continue
        }
        // "Pyongyang" alone is in every dateline: a province only when written as one.
        const bare = !marked
        if (bare && !provinceNames.has(skeleton(latinKeys(stem).spelled))) continue
        out.push({ id: p.id, text: m[0], start: m.index, end: m.index + m[0].length, bare })
      }
    }
    if (/[가-힣]/.test(text)) {
      const re = /[가-힣]{1,5}(?:남도|북도|도|직할시|특별시|시)|평남|평북|함남|함북|황남|황북|평양|남포|라선|개성/g
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const p = resolver.resolveProvince(m[0])
        if (p && p.score >= 0.9) out.push({ id: p.id, text: m[0], start: m.index, end: m.index + m[0].length, bare: !/(?:도|시)$/.test(m[0]) })
      }
    }
    if (hasHan(text)) {
      const re = /[\u3400-\u9fff]{1,4}?(?:南道|北道|道|直轄市|直辖市|市)/g
      for (let m = re.exec(text); m; m = re.exec(text)) {
        for (let s = 0; s < m[0].length - 1; s++) {
          const p = resolver.resolveProvince(m[0].slice(s))
          if (p && p.score >= 0.9) {
            out.push({ id: p.id, text: m[0].slice(s), start: m.index + s, end: m.index + m[0].length, bare: false })
            break
          }
        }
      }
    }
    if (hasCyrillic(text)) {
      const re = /(?:(Южн\w*|Северн\w*)\s+)?([А-ЯЁ][а-яё]+)(?:-(Намдо|Пукто|Пукдо))?/g
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const dir = m[1] ? (/^Ю/.test(m[1]) ? 'South' : 'North') : m[3] ? (/Нам/.test(m[3]) ? 'South' : 'North') : ''
        const stems = russianStems(m[2]!).map((s) => cyrillicToLatin(s))
        const id = cyrillicProvince(dir, stems)
        if (id) out.push({ id, text: m[0], start: m.index, end: m.index + m[0].length, bare: !dir && !/провинци/i.test(text.slice(Math.max(0, m.index - 12), m.index)) })
      }
    }
    return out.sort((a, b) => a.start - b.start)
  }

  // Kontsevich province stems (Пхёнан, Хамгён, Хванхэ, Чаган, Рянган, Канвон) on loose keys.
  const provinceLoose = new Map<string, string>()
  for (const p of gazetteer.provinces) {
    for (const f of [p.plain, p.mr, ...p.aliases]) {
      if (/[가-힣\u4e00-\u9fff]/.test(f)) continue
      const words = foldText(f).split(/[^a-z]+/).filter(Boolean)
      const dir = words.includes('south') ? 'South' : words.includes('north') ? 'North' : ''
      const stem = words.filter((w) => !['south', 'north', 'province', 'city', 'municipality', 'special', 'directly', 'governed'].includes(w)).join('')
      if (stem && !/(?:namdo|bukto|pukto)$/.test(stem)) provinceLoose.set(`${dir}:${looseKey(stem)}`, p.id)
    }
  }
  function cyrillicProvince(dir: string, stems: string[]): string | null {
    for (const s of stems) {
      const id = provinceLoose.get(`${dir}:${looseKey(s.replace(/[^a-z]/g, ''))}`)
      if (id) return id
    }
    return null
  }

  // Latin skeletons per province, for a spelling that comes close to a unit of the province the text names.
  const skeletonsByProvince = new Map<string, { id: string; key: string }[]>()
  for (const l of gazetteer.localities) {
    const list = skeletonsByProvince.get(l.province) ?? []
    for (const f of [l.plain, l.mr, l.rr, ...l.aliases]) {
      if (/[가-힣]/.test(f) || hasHan(f)) continue
      const key = skeleton(latinKeys(f).spelled)
      if (key.length >= 4) list.push({ id: l.id, key })
    }
    skeletonsByProvince.set(l.province, list)
  }
  function nearInProvince(name: string, province: string): string[] {
    const key = skeleton(latinKeys(hasCyrillic(name) ? cyrillicToLatin(name) : name).spelled)
    if (key.length < 5) return []
    const ids = new Set<string>()
    for (const e of skeletonsByProvince.get(province) ?? []) if (editDistance(key, e.key, 1) <= 1) ids.add(e.id)
    return [...ids]
  }

  return { resolver, provinceOf: (id) => provinceOfId.get(id) ?? null, findPlaces, findProvinces, nearInProvince }
}
