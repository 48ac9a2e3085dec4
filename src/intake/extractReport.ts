/**
 * @module The intake's one entry point: a report (text or HTML, with what the caller knows) in,
 * a source guess and proposed events out. Pure: no I/O, the same input gives the same output.
 *
 * The report passes through named stages, each its own module with its own table of cases:
 * text (htmlText) → language → sentences → dateline and reference date (source, dates) → places
 * (places) → events (here): a sentence that names a happening (lexicon) and a place becomes one
 * proposal per place, so a round-up of five counties gives five; a sentence naming a happening but
 * no place takes the place of the sentences before it ("The ceremony took place on the 3rd.").
 * A leader's tour folded into a ceremony is the ceremony's leader_present, not another event.
 */
import { InvalidInputError } from '../model/errors.ts'
import type { EventType, FacilityKind } from '../model/vocab.ts'
import { chronoDates, findDates, findDatesCoarse, type DateMention, type ReferenceDate } from './dates.ts'
import { htmlToText } from './htmlText.ts'
import { detectLanguage, normaliseLanguage } from './language.ts'
import { lexiconFor, type Lexicon } from './lexicon.ts'
import { createPlaceFinder, type Gazetteer, type PlaceFinder, type PlaceMention, type ProvinceMention } from './places.ts'
import { splitSentences, type Sentence } from './sentences.ts'
import { dateFromUrl, findDateline, hostOf, publisherFromHost } from './source.ts'
import { MAX_EVIDENCE_CHARS, MAX_HTML_CHARS, MAX_TEXT_CHARS, type Extraction, type IntakeLanguage, type ProposedEvent, type ReportInput, type SourceGuess } from './types.ts'

export type { Gazetteer } from './places.ts'

/** What the caller may know of the record, to rank look-alike places: which units have which facilities. */
export interface ExtractContext {
  projects?: readonly { locality: string; kinds: readonly string[] }[]
}

export interface Extractor {
  extract(input: ReportInput): Extraction
}

const finders = new WeakMap<object, PlaceFinder>()

/** An extractor over one gazetteer; the indexes are built once, here. */
export function createExtractor(gazetteer: Gazetteer, context: ExtractContext = {}): Extractor {
  let finder = finders.get(gazetteer)
  if (!finder) finders.set(gazetteer, (finder = createPlaceFinder(gazetteer)))
  const f = finder
  return { extract: (input) => run(input, f, context) }
}

/** One report, read against a gazetteer (cached per gazetteer object). */
export function extractReport(input: ReportInput, gazetteer: Gazetteer, context: ExtractContext = {}): Extraction {
  return createExtractor(gazetteer, context).extract(input)
}

// ---- input ------------------------------------------------------------------------------------

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) return true
    if ((c < 9 || (c > 13 && c < 32)) || c === 0xfffd) control++
  }
  return control > sample.length * 0.05
}

function readInput(input: ReportInput): { text: string; title: string | null } {
  if (input.text === undefined && input.html === undefined) throw new InvalidInputError('give the report as text or html')
  if (input.html !== undefined && input.html.length > MAX_HTML_CHARS) throw new InvalidInputError(`the HTML is longer than ${MAX_HTML_CHARS} characters`)
  if (input.text !== undefined && input.text.length > MAX_TEXT_CHARS) throw new InvalidInputError(`the text is longer than ${MAX_TEXT_CHARS} characters`)
  const raw = input.text ?? input.html!
  if (looksBinary(raw)) throw new InvalidInputError('the report is not text (it contains binary data)')
  let text: string
  let title = input.title?.trim() || null
  if (input.text !== undefined) text = input.text.replace(/\r\n?/g, '\n')
  else {
    const page = htmlToText(input.html!)
    text = page.text
    title ??= page.title
  }
  if (text.trim() === '') throw new InvalidInputError(input.html !== undefined ? 'the HTML has no text' : 'the text is empty')
  if (text.length > MAX_TEXT_CHARS) throw new InvalidInputError(`the text is longer than ${MAX_TEXT_CHARS} characters`)
  return { text, title }
}

// ---- the pipeline -------------------------------------------------------------------------------

interface Draft {
  type: EventType
  mention: PlaceMention | null
  locality: string | null
  candidates: string[]
  province: string | null
  provinceConflict: boolean
  sentence: Sentence
  cueAt: number
  ceremony: boolean
  inherited: boolean
  date: DateMention | null
  /** The date was written in the draft's own sentence (not borrowed from another naming the happening). */
  dateOwn?: boolean
  leader: boolean
  kinds: FacilityKind[]
  /** How sure the place is (0..1). */
  confidence: number
}

const dprkPublishers = new Set(['KCNA', 'Rodong Sinmun', 'Voice of Korea', 'Naenara', 'Pyongyang Times', 'Uriminzokkiri'])

function run(input: ReportInput, finder: PlaceFinder, context: ExtractContext): Extraction {
  const { text, title } = readInput(input)
  const language: IntakeLanguage = normaliseLanguage(input.language) ?? detectLanguage(`${title ?? ''}\n${text}`)
  const lex = lexiconFor(language)

  // Reference date: the dateline's day beats the page's; the page (or URL) only lends the year.
  const given = input.published && input.published.length === 10 ? input.published : null
  const yearHint: ReferenceDate | null = given ?? dateFromUrl(input.url) ?? pageStamp(text, language) ?? (input.published ? `${input.published.slice(0, 4)}-12-31` : null)
  const dateline = findDateline(text, yearHint)
  // A page stamp is the last resort: an aggregator's date is often days off the report's.
  const ref: ReferenceDate | null = dateline?.date ?? given ?? dateFromUrl(input.url) ?? pageStamp(text, language)

  const host = hostOf(input.url)
  const publisher = dateline?.publisher ?? publisherFromHost(host)
  const source: SourceGuess = {
    publisher: publisher?.name ?? null,
    url: input.url ?? null,
    title,
    published: dateline?.date ?? input.published ?? dateFromUrl(input.url),
    language,
    kind: publisher?.kind ?? (host ? 'news' : 'other'),
  }

  const whole = `${title ?? ''}\n${text}`
  const aboutDprk = lex.country.test(whole) || (publisher !== null && dprkPublishers.has(publisher.name))
  // About the policy: it is named, or a ceremony opens one of its kinds of facility.
  const ceremonial = lex.events.some((e) => e.ceremony && e.re.test(whole))
  const aboutPolicy = lex.programme.test(whole) || (ceremonial && kindsIn(whole, lex).length > 0)
  if (!aboutDprk || !aboutPolicy) return { source, events: [], text }

  const sentences = splitSentences(text)
  const places = finder.findPlaces(text)
  const provinces = finder.findProvinces(text)
  const titlePlaces = title ? finder.findPlaces(title) : []
  const titleProvinces = title ? finder.findProvinces(title) : []
  const articleProvinces = new Set([...provinces, ...titleProvinces].filter((p) => !p.bare).map((p) => p.id))
  const articleKinds = kindsIn(whole, lex)
  const titleLeader = title ? lex.leader.test(title) && lex.presence.test(title) : false

  const leaderNamed = lex.leader.test(whole)
  const reportCeremony = (() => {
    const c = firstCue(whole, lex, null)
    return c?.ceremony ? c.type : null
  })()
  const drafts: Draft[] = []
  const placeless: { type: EventType; sentence: Sentence; cueAt: number }[] = []
  let lastPlaces: PlaceMention[] = []
  let lastPlacesAt = -10
  sentences.forEach((s, index) => {
    if (dateline && s.end <= dateline.start) return
    const own = places.filter((p) => p.start >= s.start && p.end <= s.end)
    const placesHere = own
    const cue = firstCue(s.text, lex, reportCeremony)
    if (placesHere.length > 0) {
      lastPlaces = placesHere
      lastPlacesAt = index
    }
    if (!cue) return
    if (!cue.ceremony && futureNear(s.text, cue.at, lex)) return
    // Once the leader is named in full, the press calls him by his surname ("Kim visited…", 金氏).
    const leaderHere = lex.leader.test(s.text) || (leaderNamed && leaderSurname.test(s.text))
    // A visit is the leader's: he is named here, in the two sentences before ("He toured…"), or in the title.
    const leaderNear = leaderHere || sentences.slice(Math.max(0, index - 2), index).some((p) => lex.leader.test(p.text) || (leaderNamed && leaderSurname.test(p.text))) || (title !== null && lex.leader.test(title))
    if (cue.type === 'leader_visit' && !leaderNear) return
    let targets = placesHere
    let inherited = false
    if (targets.length === 0) {
      // Only a ceremony is told apart from where it was ("The ceremony took place on the 3rd."):
      // take the places of the last sentences, or the title's, or those of the next sentence that
      // names places and no happening of its own ("One in Gangdong, one in Jangyon…").
      if (!cue.ceremony && cue.type !== 'production_start' && cue.type !== 'leader_visit') return
      inherited = true
      // "Ceremonies were also held in the following places:" and a list, one place per item.
      const listed: PlaceMention[] = []
      for (const next of sentences.slice(index + 1)) {
        if (!bullet.test(next.text)) break
        listed.push(...places.filter((p) => p.start >= next.start && p.end <= next.end))
      }
      if (listed.length > 0) targets = listed
      else if (index - lastPlacesAt <= 2 && lastPlaces.length > 0) targets = lastPlaces
      else if (titlePlaces.length > 0) targets = titlePlaces.map((p) => ({ ...p, start: -1, end: -1 }))
      else {
        for (const next of sentences.slice(index + 1, index + 3)) {
          const own = places.filter((p) => p.start >= next.start && p.end <= next.end)
          if (own.length === 0) continue
          // Not from plans ("two more hospitals are to open, in Kusong and Ryonggang").
          if (!firstCue(next.text, lex, null) && !lex.future.test(next.text) && !lex.future.test(s.text)) targets = own
          break
        }
      }
    }
    if (targets.length === 0) {
      // The happening told without its place ("He inspected the sites on the 3rd. The first he visited was in Sinyang County."): its date may serve the sentences that name the places.
      placeless.push({ type: cue.type, sentence: s, cueAt: s.start + cue.at })
      return
    }
    const quotes = inherited ? [] : quoteSpans(s)
    for (const mention of targets) {
      // A place quoted from a speech ("…구성시병원과 룡강군병원까지 준공하게 되면…") is not where the ceremony outside the quote is.
      const q = quotes.find((x) => x.start <= mention.start && mention.end <= x.end)
      if (q && !(q.start <= s.start + cue.at && s.start + cue.at < q.end)) continue
      // The first place of a recap ("성천군을 시작으로 … 김형직군까지", 成川郡を皮切りに) is where a series began, not where this happened.
      if (!inherited && /^\s*(?:을|를)\s*시작으로|^\s*(?:を皮切りに|を始めとして)|^\s*为首/.test(text.slice(mention.end, mention.end + 8))) continue
      // A happening written onto the place itself (지난해 3월 착공한 은파군, 金化郡の工場を見て回る) is the
      // place's own: beside the sentence's ceremony when that is near too, instead of it when far.
      let own = inherited ? null : attachedCue(s, mention, cue, lex, leaderNear)
      // "visited Unnyul and attended the groundbreaking ceremony" (殷栗を訪れ、…着工式に出席): the only
      // place of the sentence, reached before its ceremony, is where the ceremony was; the visit folds in.
      // "spoke at the groundbreaking and, before that, toured the Kimhwa factories": the visit is the place's alone.
      if (own && own.cue.type === 'leader_visit' && cue.ceremony && cue.at < mention.start - s.start && visitBefore.test(s.text.slice(cue.at, mention.start - s.start))) own = { ...own, farFromMain: true }
      if (own && own.cue.type === 'leader_visit' && cue.ceremony && own.cue.at < cue.at && targets.length === 1 && !visitBefore.test(s.text.slice(own.cue.at, cue.at))) own = null
      const cues = own ? (own.farFromMain ? [own.cue] : [cue, own.cue]) : [cue]
      for (const c of cues) pushDraft(mention, c)
    }
    function pushDraft(mention: PlaceMention, cue: { type: EventType; at: number; ceremony: boolean }): void {
      // The province written beside the place, in the sentence that names it.
      const home = mention.start < 0 ? null : sentences.find((x) => x.start <= mention.start && mention.end <= x.end) ?? null
      const hint = home ? provinceNear(mention, provinces, home) : null
      const placed = place(mention, hint, finder, articleProvinces, articleKinds, context)
      const leader = leaderHere && lex.presence.test(s.text)
      drafts.push({
        type: cue.type,
        mention,
        ...placed,
        sentence: s,
        cueAt: s.start + cue.at,
        ceremony: cue.ceremony,
        inherited,
        date: null,
        leader: leader || (cue.type === 'leader_visit'),
        kinds: kindsIn(s.text, lex),
      })
    }
  })

  // The dateline's date is the report's; a stamp that opens the page (before any sentence with a happening) is the page's.
  const stamp = stampOf(text, language)
  // A date inside the first sentence that tells a happening ("김정은이 2025년 12월 13일 … 준공식에 참석") is that
  // happening's, not a stamp; one that opens a line ("2025年12月19日 …を報道") is the page's.
  const stampLine = stamp ? sentences.find((x) => x.start <= stamp.start && stamp.end <= x.end) : undefined
  const lineStart = stamp ? text.lastIndexOf('\n', stamp.start - 1) + 1 : 0
  const stampIsPage = stamp !== null && stamp.start < 60 && (/^\s*$/.test(text.slice(lineStart, stamp.start)) || !(stampLine && firstCue(stampLine.text, lex, null)))
  const skip = dateline ? { start: dateline.start, end: dateline.end } : stampIsPage ? { start: stamp!.start, end: stamp!.end } : null
  // A page that gives only a month or a year still places the dates that name their month.
  const coarse = !ref && input.published && input.published.length < 10 ? input.published : null
  const events = settle(drafts, { text, language, ref, coarse, lex, sentences, articleKinds, titleLeader, finder, skip, placeless })
  return { source, events, text }
}

/**
 * A plan or a call written before the happening or just after it ("will be completed", 착공할 예정)
 * makes it one still to come; one far after it is about something else ("Kim visited the site …
 * and demanded a faster pace for next year").
 */
function futureNear(sentence: string, at: number, lex: Lexicon): boolean {
  for (const m of sentence.matchAll(globalOf(lex.future))) if (m.index <= at + 40) return true
  return false
}

/** The happening a sentence names; a ceremony word outranks a plain verb, and one still to come does not count. */
function firstCue(sentence: string, lex: Lexicon, reportCeremony: EventType | null): { type: EventType; at: number; ceremony: boolean } | null {
  let best: { type: EventType; at: number; ceremony: boolean; rank: number } | null = null
  let sawGroundbreaking = false
  lex.events.forEach((e, rank) => {
    const re = globalOf(e.re)
    for (const m of sentence.matchAll(re)) {
      if (lex.notYetBefore.test(sentence.slice(Math.max(0, m.index - 30), m.index))) continue
      if (lex.notYetAfter.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue
      if (e.type === 'groundbreaking' && e.ceremony) sawGroundbreaking = true
      // A report of an opening recalls the groundbreaking ("from the groundbreaking to the inauguration"): the later stage is the news.
      const later = e.ceremony && best?.ceremony && e.type === 'inauguration' && best.type === 'groundbreaking'
      if (!best || (e.ceremony && !best.ceremony) || later) best = { type: e.type, at: m.index, ceremony: e.ceremony, rank }
      break
    }
  })
  if (reportCeremony && !(best as { ceremony: boolean } | null)?.ceremony) {
    const m = lex.ceremonyWord.exec(sentence)
    if (m) return { type: reportCeremony, at: m.index, ceremony: true }
  }
  void sawGroundbreaking
  return best
}

type Cue = { type: EventType; at: number; ceremony: boolean }

const globals = new WeakMap<RegExp, RegExp>()
/** The pattern with the g flag, compiled once (matchAll needs it). */
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re)
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)))
  return g
}

const quotePairs: [string, string][] = [['"', '"'], ['“', '”'], ['«', '»'], ['「', '」'], ['『', '』'], ['„', '“']]

/** Spans (absolute offsets) of text in quotation marks within a sentence. */
function quoteSpans(s: Sentence): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const [open, close] of quotePairs) {
    let i = s.text.indexOf(open)
    while (i >= 0) {
      const j = s.text.indexOf(close, i + 1)
      if (j < 0) break
      out.push({ start: s.start + i, end: s.start + j + 1 })
      i = s.text.indexOf(open, j + 1)
    }
  }
  return out
}

/** Characters between a place and a happening written onto it ("착공한 은파군", "金化郡の工場を見て回る"). */
const ATTACHED = 6
/** A sentence's main happening this far from the place is about something else the sentence names. */
const FAR = 25

const matchCache = new WeakMap<Sentence, { e: Lexicon['events'][number]; index: number; length: number }[]>()
/** Every happening written in a sentence that is not still to come, found once per sentence. */
function cueMatches(s: Sentence, lex: Lexicon): { e: Lexicon['events'][number]; index: number; length: number }[] {
  let out = matchCache.get(s)
  if (out) return out
  out = []
  for (const e of lex.events) {
    for (const m of s.text.matchAll(globalOf(e.re))) {
      if (lex.notYetBefore.test(s.text.slice(Math.max(0, m.index - 30), m.index))) continue
      if (lex.notYetAfter.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue
      out.push({ e, index: m.index, length: m[0].length })
    }
  }
  matchCache.set(s, out)
  return out
}

/**
 * Another happening than the sentence's main one, written right before or after the place, when
 * the main one is not: a relative clause (지난해 3월 착공한 은파군) or a verb on the place (金化郡の工場を
 * 見て回る). `farFromMain` when the main happening is far from the place (then the place has only its own).
 */
function attachedCue(s: Sentence, mention: PlaceMention, main: Cue, lex: Lexicon, leaderNear: boolean): { cue: Cue; farFromMain: boolean } | null {
  const ps = mention.start - s.start
  const pe = mention.end - s.start
  const gapTo = (at: number, len: number) => (at >= pe ? at - pe : ps >= at + len ? ps - (at + len) : 0)
  let mainLen = 0
  let own: { cue: Cue; gap: number } | null = null
  for (const { e, index, length } of cueMatches(s, lex)) {
    {
      const m = { index, 0: s.text.slice(index, index + length) }
      if (m.index === main.at) mainLen = Math.max(mainLen, m[0].length)
      if (e.type === main.type) continue
      if (e.type === 'leader_visit' && !leaderNear) continue
      const gap = gapTo(m.index, m[0].length)
      // Only what is joined to the place by particles and the facility, never across a clause.
      const between = m.index >= pe ? s.text.slice(pe, m.index) : s.text.slice(m.index + m[0].length, ps)
      if (gap > ATTACHED || /[,，、。;；]/.test(between)) continue
      if (!own || gap < own.gap) own = { cue: { type: e.type, at: m.index, ceremony: e.ceremony }, gap }
    }
  }
  if (!own) return null
  return { cue: own.cue, farFromMain: gapTo(main.at, mainLen || 1) > FAR }
}

function kindsIn(text: string, lex: Lexicon): FacilityKind[] {
  return lex.kinds.filter((k) => k.re.test(text)).map((k) => k.kind)
}

/** The province written right next to a place: after it ("Unsan County, North Pyongan") or before it (평안북도 운산군). */
function provinceNear(mention: PlaceMention, provinces: ProvinceMention[], s: Sentence): ProvinceMention | null {
  let best: ProvinceMention | null = null
  let bestGap = Infinity
  for (const p of provinces) {
    if (p.start < s.start || p.end > s.end) continue
    const gap = p.start >= mention.end ? p.start - mention.end : mention.start >= p.end ? (mention.start - p.end) * 1.5 : Infinity
    if (gap > 45) continue
    if (gap < bestGap) {
      best = p
      bestGap = gap
    }
  }
  return best
}

function place(
  mention: PlaceMention,
  hint: ProvinceMention | null,
  finder: PlaceFinder,
  articleProvinces: Set<string>,
  articleKinds: FacilityKind[],
  context: ExtractContext,
): { locality: string | null; candidates: string[]; province: string | null; provinceConflict: boolean; confidence: number } {
  const query: string | null = mention.text
  let ids: string[] = []
  let certain = 0
  if (query !== null) {
    const withHint = finder.resolver.resolveLocality(query, hint ? { province: hint.id } : {})
    if (withHint.status === 'match') return { locality: withHint.locality, candidates: [], province: hint?.id ?? finder.provinceOf(withHint.locality), provinceConflict: false, confidence: withHint.score }
    if (withHint.status === 'none' && withHint.reason === 'province-mismatch') {
      const alone = finder.resolver.resolveLocality(query)
      const inProvince = withHint.candidates.filter((c) => finder.provinceOf(c.id) === hint!.id)
      // A recorded spelling in another province: the text's province is kept as said and does not
      // move the place. A spelling that only comes close: the province says which unit is meant.
      if (alone.status === 'match' && alone.score >= 0.95) return { locality: alone.locality, candidates: [], province: hint!.id, provinceConflict: true, confidence: alone.score * 0.9 }
      if (inProvince.length === 1 || (inProvince.length > 1 && inProvince[0]!.score - inProvince[1]!.score >= 0.05)) {
        return { locality: inProvince[0]!.id, candidates: [], province: hint!.id, provinceConflict: false, confidence: inProvince[0]!.score * 0.9 }
      }
      let near = finder.nearInProvince(mention.text, hint!.id)
      if (near.length > 1 && context.projects) near = near.filter((id) => context.projects!.some((p) => p.locality === id))
      if (near.length === 1) return { locality: near[0]!, candidates: [], province: hint!.id, provinceConflict: false, confidence: 0.7 }
      if (alone.status === 'match') return { locality: alone.locality, candidates: [], province: hint!.id, provinceConflict: true, confidence: alone.score * 0.85 }
      ids = alone.candidates.map((c) => c.id)
    } else ids = withHint.candidates.map((c) => c.id)
    certain = withHint.status === 'ambiguous' ? 0.9 : 0.8
  }
  if (ids.length === 0) ids = [...mention.spotted]
  if (hint) {
    const inHint = ids.filter((id) => finder.provinceOf(id) === hint.id)
    if (inHint.length === 1) return { locality: inHint[0]!, candidates: [], province: hint.id, provinceConflict: false, confidence: 0.85 }
    if (inHint.length === 0 && ids.length === 1) return { locality: ids[0]!, candidates: [], province: hint.id, provinceConflict: true, confidence: 0.75 }
  }
  if (ids.length === 1) return { locality: ids[0]!, candidates: [], province: finder.provinceOf(ids[0]!), provinceConflict: false, confidence: certain || 0.8 }
  // Look-alikes: the provinces the report names elsewhere, then the facility the record knows there.
  const byArticle = ids.filter((id) => articleProvinces.has(finder.provinceOf(id) ?? ''))
  if (byArticle.length === 1) return { locality: byArticle[0]!, candidates: [], province: finder.provinceOf(byArticle[0]!), provinceConflict: false, confidence: 0.75 }
  if (context.projects && articleKinds.length > 0) {
    const specific = articleKinds.filter((k) => k !== 'foodstuff_factory' && k !== 'garment_factory' && k !== 'daily_necessities_factory')
    const kinds = specific.length > 0 ? specific : articleKinds
    const pool = byArticle.length > 1 ? byArticle : ids
    const known = pool.filter((id) => context.projects!.some((p) => p.locality === id && p.kinds.some((k) => kinds.includes(k as FacilityKind))))
    if (known.length === 1) return { locality: known[0]!, candidates: [], province: finder.provinceOf(known[0]!), provinceConflict: false, confidence: 0.7 }
  }
  // Last, the units the record has projects in: a report about the policy is most likely about one of them.
  if (context.projects) {
    const pool = byArticle.length > 1 ? byArticle : ids
    const tracked = pool.filter((id) => context.projects!.some((p) => p.locality === id))
    if (tracked.length === 1) return { locality: tracked[0]!, candidates: [], province: finder.provinceOf(tracked[0]!), provinceConflict: false, confidence: 0.6 }
  }
  const provincesOf = new Set(ids.map((id) => finder.provinceOf(id)))
  return { locality: null, candidates: ids, province: hint?.id ?? (provincesOf.size === 1 ? [...provincesOf][0]! : null), provinceConflict: false, confidence: 0.5 }
}

interface SettleContext {
  text: string
  language: IntakeLanguage
  ref: ReferenceDate | null
  /** The published month or year when no day is known (see `findDatesCoarse`). */
  coarse: string | null
  lex: Lexicon
  sentences: Sentence[]
  articleKinds: FacilityKind[]
  titleLeader: boolean
  finder: PlaceFinder
  /** The dateline: its date is the report's, not an event's. */
  skip: { start: number; end: number } | null
  /** Sentences naming a happening but no place, whose date the places named after may take. */
  placeless: { type: EventType; sentence: Sentence; cueAt: number }[]
}

const reportVerb = /^\s*(?:보도|발표|밝혔|전했|reported|said|announced|сообщ|informó|inform[óo]|berichtete|a\s+rapporté|rapporte|報じ|伝え|报道|報道|电|電|発|발\s)/iu
/** A report verb right before a date ("informó el jueves 20", "reported on Friday", "berichtete am Freitag"): the report's day. */
const reportVerbBefore = /(?:\binform[óo]|\breported|\bsaid|\bannounced|berichtete|meldete|a\s+rapport[ée]|rapporte|annonc[ée]|сообщил[оаи]?|сообщает|передает|보도했다|報じた|报道称?)\s*(?:el|on|am|le|ce|в|во)?\s*$/iu
const agencyBefore = /(?:통신(?:은|이)|신문(?:은|이)|KCNA|Yonhap|Sinmun|[Aa]gency|ЦТАК|ТАСС|朝中社|新华社|朝鮮中央通信は?|Nachrichtenagentur\s+\S+)\s*(?:on\s+|am\s+|el\s+|le\s+)?$/u

/** The leader's surname alone, not his sister's or his forebears' names. */
const leaderSurname = /\bKim\b(?![- ](?:Yo|Il|Jong[- ]Il|Jae|Tok|Song|Su|Ju))|Ким(?!\s+(?:Ё|Ир|Чен\s+Ир|Чжу))(?![а-яё])|金氏|김\s*(?:위원장|총비서)/u

const ceremonyTypes = new Set<EventType>(['groundbreaking', 'inauguration'])
/** An item of a list: a line that opens with a bullet or a dash. */
const bullet = /^\s*[・•·◦‣▪▫■□◆◇○●\-–—*]\s*\S/u
/** Words that put a visit before, and apart from, the ceremony named after it ("prior to this", これに先立って, 앞서). */
const visitBefore = /先立|之前|앞서|이에\s*앞|\bbefore\b|\bprior\b|\bearlier\b|перед\s+этим|ранее|auparavant|avant\s+cela|zuvor|vorher|antes/iu

/** Dates, merging and confidence: one event per place and happening. */
function settle(drafts: Draft[], c: SettleContext): ProposedEvent[] {
  const datesBySentence = new Map<Sentence, DateMention[]>()
  const datesOf = (s: Sentence) => {
    let d = datesBySentence.get(s)
    if (!d) {
      if (!c.ref && c.coarse) d = findDatesCoarse(s.text, c.language, c.coarse)
      else {
        d = findDates(s.text, c.language, c.ref)
        if (d.length === 0) d = chronoDates(s.text, c.language, c.ref)
      }
      d = d.filter((x) => !c.ref || x.date.slice(0, Math.min(x.date.length, 10)) <= c.ref.slice(0, x.date.length)).map((x) => ({ ...x, start: x.start + s.start, end: x.end + s.start }))
      if (c.skip) d = d.filter((x) => x.end <= c.skip!.start || x.start >= c.skip!.end)
      // "KCNA reported on the 12th that … on the 11th": the day of the report is not the event's.
      const event = d.filter((x) => x.precision !== 'day' || (!reportVerb.test(c.text.slice(x.end, x.end + 24).replace(/^\s*[(（][^)）]{0,10}[)）]|^\s*[)）]/, '')) && !agencyBefore.test(c.text.slice(Math.max(0, x.start - 14), x.start))))
      if (event.length > 0) d = event
      // "informó el jueves 20 la KCNA": the day a report verb names is the report's, even when it is the sentence's only date.
      d = d.filter((x) => x.precision !== 'day' || !reportVerbBefore.test(c.text.slice(Math.max(0, x.start - 18), x.start)))
      datesBySentence.set(s, d)
    }
    return d
  }
  // A date for each type from any sentence with that type's cue (the ceremony "took place on the 3rd").
  const typeDates = new Map<EventType, DateMention>()
  for (const d of drafts) {
    const ds = datesOf(d.sentence)
    const nearest = nearestDate(ds, d.cueAt)
    if (nearest && !typeDates.has(d.type)) typeDates.set(d.type, nearest)
  }
  // Else from a sentence before that names the same happening with a date but no place.
  for (const p of c.placeless) {
    if (typeDates.has(p.type) || !drafts.some((d) => d.type === p.type && d.sentence.start > p.sentence.start)) continue
    const nearest = nearestDate(datesOf(p.sentence), p.cueAt)
    if (nearest) typeDates.set(p.type, nearest)
  }
  for (const d of drafts) {
    const ds = datesOf(d.sentence)
    // A sentence of several places and several days ("on the 7th in Jaeryong, the next day in Sukchon"):
    // each place takes the day written before it.
    const days = new Set(ds.filter((x) => x.precision === 'day').map((x) => x.date))
    const siblings = drafts.filter((o) => o.sentence === d.sentence && o.mention !== d.mention).length
    let pick: DateMention | null = null
    // A round-up that dates each place in brackets: 球場郡(1月24日)、雩時郡(25日), "Kujang County (January 24)".
    if (d.mention && d.mention.start >= 0) {
      const end = d.mention.end
      pick = ds.find((x) => x.start >= end && x.start - end <= 3 && /^\s*[(（]\s*$/.test(c.text.slice(end, x.start))) ?? null
    }
    if (!pick && days.size > 1 && siblings > 0 && d.mention && d.mention.start >= 0) pick = [...ds].reverse().find((x) => x.end <= d.mention!.start) ?? null
    const own = pick ?? nearestDate(ds, d.cueAt)
    d.dateOwn = own !== null
    d.date = own ?? typeDates.get(d.type) ?? null
  }

  // One event per place and type; a ceremony absorbs the leader's visit and a plain completion.
  const keyOf = (d: Draft) => d.locality ?? `?${d.candidates.join('|') || d.mention?.text}`
  const groups = new Map<string, Draft[]>()
  for (const d of drafts) {
    const k = keyOf(d)
    const list = groups.get(k) ?? []
    list.push(d)
    groups.set(k, list)
  }
  const out: ProposedEvent[] = []
  for (const list of groups.values()) {
    const hasCeremony = list.some((d) => d.ceremony && ceremonyTypes.has(d.type))
    const leaderAnywhere = list.some((d) => d.leader) || c.titleLeader
    const byType = new Map<EventType, Draft[]>()
    for (const d of list) {
      let type = d.type
      if (hasCeremony && (type === 'leader_visit' || type === 'completion' || type === 'construction_stage' || type === 'production_start')) {
        const ceremony = list.find((x) => x.ceremony && ceremonyTypes.has(x.type))!
        // A tour of the ceremony's site the same day is part of it; a visit months before is its own event.
        // A coarser date that holds the ceremony's day ("this year" around "on the 13th") says nothing against it.
        const sameDay = !d.date || !ceremony.date || d.date.date === ceremony.date.date || (d.date.precision !== 'day' && ceremony.date.date.startsWith(d.date.date))
        if (type !== 'leader_visit' || sameDay) type = ceremony.type
      }
      const l = byType.get(type) ?? []
      l.push(d)
      byType.set(type, l)
    }
    for (const [type, ds] of byType) {
      // The evidence: the first sentence that names the place itself, with the happening.
      const lead = ds.find((d) => !d.inherited && d.type === type) ?? ds.find((d) => d.type === type) ?? ds[0]!
      // The most precise date the group's sentences give ("12월 3일" beats "올해").
      // Of equally precise dates, one written beside the place beats one borrowed from another sentence.
      const rank = (d: Draft) => (d.date ? (d.date.precision === 'day' ? 3 : d.date.precision === 'month' ? 2 : 1) + (d.type === type ? 0.5 : 0) + (d.dateOwn ? 0.25 : 0) : 0)
      const dated = ds.reduce<Draft | null>((b, d) => (rank(d) > (b ? rank(b) : 0) ? d : b), null)
      const date = dated?.date ?? null
      const kinds = unique(ds.flatMap((d) => d.kinds))
      const leaderPresent = ceremonyTypes.has(type) ? leaderAnywhere && ds.some((d) => d.leader || c.titleLeader) : type === 'leader_visit'
      const evidence = quote(c.text, lead.sentence, lead.cueAt, lead.mention)
      let confidence = 0.45
      if (lead.ceremony) confidence += 0.2
      if (lead.mention?.unit) confidence += 0.1
      if (date) confidence += 0.1
      if (!lead.inherited) confidence += 0.05
      if (c.lex.programme.test(lead.sentence.text)) confidence += 0.05
      confidence *= lead.locality ? Math.min(1, lead.confidence + 0.05) : 0.7
      out.push({
        type,
        locality: lead.locality,
        candidates: lead.locality ? [] : lead.candidates,
        place_text: lead.mention?.text ?? '',
        province: lead.province,
        province_conflict: lead.provinceConflict,
        date: date?.date ?? null,
        date_precision: date?.precision ?? null,
        date_text: date?.text ?? null,
        leader_present: leaderPresent,
        kinds: kinds.length > 0 ? kinds : list.length === drafts.length ? c.articleKinds : [],
        evidence: evidence.text,
        evidence_start: evidence.start,
        evidence_end: evidence.end,
        confidence: Math.round(Math.min(0.98, confidence) * 100) / 100,
      })
    }
  }
  return out.sort((a, b) => a.evidence_start - b.evidence_start || (a.locality ?? '').localeCompare(b.locality ?? ''))
}

function nearestDate(dates: DateMention[], at: number): DateMention | null {
  let best: DateMention | null = null
  let bestGap = Infinity
  for (const d of dates) {
    const gap = d.start >= at ? d.start - at : at - d.end
    // Precision breaks near-ties: "on February 28" beats "this year" a few words away.
    // A date written right onto the happening ("지난해 3월 착공한") is its own, however precise the others.
    const score = gap <= 2 ? gap : gap + (d.precision === 'day' ? 0 : d.precision === 'month' ? 20 : 40)
    if (score < bestGap) {
      best = d
      bestGap = score
    }
  }
  return best
}

const unique = <T>(xs: T[]) => [...new Set(xs)]

/** The sentence, verbatim; a long one is cut to a window around the happening and the place. */
function quote(text: string, s: Sentence, cueAt: number, mention: PlaceMention | null): { text: string; start: number; end: number } {
  if (s.end - s.start <= MAX_EVIDENCE_CHARS) return { text: s.text, start: s.start, end: s.end }
  const anchors = [cueAt, ...(mention && mention.start >= s.start ? [mention.start, mention.end] : [])]
  const lo = Math.min(...anchors)
  const hi = Math.max(...anchors)
  let start = Math.max(s.start, Math.min(lo - 40, hi + 40 - MAX_EVIDENCE_CHARS))
  let end = Math.min(s.end, start + MAX_EVIDENCE_CHARS)
  start = Math.max(s.start, end - MAX_EVIDENCE_CHARS)
  // Whole words, where the text has spaces.
  const sp = text.indexOf(' ', start)
  if (start > s.start && sp > 0 && sp < start + 20) start = sp + 1
  const ep = text.lastIndexOf(' ', end)
  if (end < s.end && ep > start + 200) end = ep
  return { text: text.slice(start, end), start, end }
}

/** A date printed at the top of a page (an aggregator's stamp): good for the year, never the event. */
function pageStamp(text: string, language: IntakeLanguage): ReferenceDate | null {
  return stampOf(text, language)?.date ?? null
}

function stampOf(text: string, language: IntakeLanguage): DateMention | null {
  const head = text.slice(0, 300)
  return findDates(head, language, null).find((d) => d.precision === 'day' && !d.relative) ?? null
}

