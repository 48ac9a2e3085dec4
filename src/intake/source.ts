/**
 * @module The source guess: who published a report (from the dateline or the URL's host), when
 * (the dateline's date beats any page stamp: aggregators such as kcnawatch put their own date on
 * top), and what kind of source it is.
 */
import type { SourceKind } from '../model/vocab.ts'
import { isoDay, monthNumber, yearFor, type ReferenceDate } from './dates.ts'

interface Publisher {
  name: string
  kind: SourceKind
  hosts: RegExp
  /** How the publisher signs a dateline, in the languages it writes. */
  signs: RegExp
}

const publishers: Publisher[] = [
  { name: 'KCNA', kind: 'state_media', hosts: /(?:^|\.)(?:kcna\.kp|kcna\.co\.jp|kcnawatch\.org|kcnawatch\.co)$/, signs: /^(?:KCNA|조선중앙통신|中央通信|朝鮮中央通信|朝中社|ЦТАК|KCNA-?\w*|ACNC|ATCC|KZNA)$/i },
  { name: 'Rodong Sinmun', kind: 'state_media', hosts: /(?:^|\.)rodong\.rep\.kp$/, signs: /^(?:Rodong Sinmun|로동신문|劳动新闻|労働新聞)$/i },
  { name: 'Voice of Korea', kind: 'state_media', hosts: /(?:^|\.)vok\.rep\.kp$/, signs: /^(?:VOK|Voice of Korea|조선의 소리)$/i },
  { name: 'Naenara', kind: 'state_media', hosts: /(?:^|\.)naenara\.com\.kp$/, signs: /^(?:Naenara|내나라)$/i },
  { name: 'Pyongyang Times', kind: 'state_media', hosts: /(?:^|\.)pyongyangtimes\.com\.kp$/, signs: /^(?:PT|Pyongyang Times)$/i },
  { name: 'Uriminzokkiri', kind: 'state_media', hosts: /(?:^|\.)uriminzokkiri\.com$/, signs: /^(?:우리민족끼리)$/ },
  { name: 'Choson Sinbo', kind: 'news', hosts: /(?:^|\.)chosonsinbo\.com$/, signs: /^(?:조선신보|朝鮮新報)$/ },
  { name: 'Yonhap', kind: 'news', hosts: /(?:^|\.)(?:yna\.co\.kr|yonhapnews\.co\.kr)$/, signs: /^(?:Yonhap|연합뉴스|聯合ニュース|韩联社|韓聯社)$/i },
  { name: 'NK News', kind: 'news', hosts: /(?:^|\.)nknews\.org$/, signs: /^NK News$/i },
  { name: 'Daily NK', kind: 'news', hosts: /(?:^|\.)dailynk\.com$/, signs: /^(?:Daily NK|데일리NK)$/i },
  { name: '38 North', kind: 'analysis', hosts: /(?:^|\.)38north\.org$/, signs: /^38 North$/i },
  { name: 'Xinhua', kind: 'news', hosts: /(?:^|\.)(?:xinhuanet\.com|news\.cn|xinhua\.net)$/, signs: /^(?:Xinhua|新华社|新華社|Синьхуа|新華)$/i },
  { name: 'Kyodo', kind: 'news', hosts: /(?:^|\.)kyodonews\.(?:net|jp)$/, signs: /^(?:Kyodo|共同)$/i },
  { name: 'TASS', kind: 'news', hosts: /(?:^|\.)(?:tass\.ru|tass\.com)$/, signs: /^(?:TASS|ТАСС)$/i },
  { name: 'RIA Novosti', kind: 'news', hosts: /(?:^|\.)ria\.ru$/, signs: /^(?:РИА Новости|RIA Novosti)$/i },
  { name: 'NHK', kind: 'news', hosts: /(?:^|\.)nhk\.or\.jp$/, signs: /^NHK$/ },
  { name: 'Wikipedia', kind: 'encyclopedia', hosts: /(?:^|\.)wikipedia\.org$/, signs: /^$/ },
]

export function hostOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return null
  }
}

export function publisherFromHost(host: string | null): Publisher | null {
  if (!host) return null
  return publishers.find((p) => p.hosts.test(host)) ?? null
}

export function publisherFromSign(sign: string): Publisher | null {
  const s = sign.trim()
  return publishers.find((p) => p.signs.test(s)) ?? null
}

export interface Dateline {
  /** The day the dateline names, when its year could be told. */
  date: ReferenceDate | null
  month: number
  day: number
  publisher: Publisher | null
  /** The agency as written: "KCNA", 조선중앙통신, ТАСС. */
  sign: string | null
  start: number
  end: number
}

const latinMonth = '([A-Za-zÀ-ÿ]{3,10}\\.?)'
const cyrMonth = '([А-Яа-яЁё]{3,9}\\.?)'
const datelineForms: { re: RegExp; read: (m: RegExpExecArray) => { month: number | null; day: number; sign: string | null; year?: number } }[] = [
  // "Pyongyang, January 11 (KCNA) --" · "SEOUL, Jan. 21 (Yonhap) --"
  { re: new RegExp(`^[\\p{L} .'’-]{2,30},\\s*${latinMonth}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*\\(([^)]{2,25})\\)`, 'mu'), read: (m) => ({ month: monthNumber(m[1]!), day: +m[2]!, sign: m[4]!, ...(m[3] ? { year: +m[3] } : {}) }) },
  // "Pyongyang, 11 de enero (ACNC) --" · "Pjöngjang, 11. Januar (KCNA) --" · "Pyongyang, 11 janvier (KCNA) --"
  { re: new RegExp(`^[\\p{L} .'’-]{2,30},\\s*(\\d{1,2})\\.?\\s+(?:de\\s+)?${latinMonth}(?:\\s+de)?(?:\\s+(\\d{4}))?\\s*\\(([^)]{2,25})\\)`, 'mu'), read: (m) => ({ month: monthNumber(m[2]!), day: +m[1]!, sign: m[4]!, ...(m[3] ? { year: +m[3] } : {}) }) },
  // "СЕУЛ, 21 декабря. /ТАСС/." · "Пхеньян, 11 января (ЦТАК)"
  { re: new RegExp(`^[\\p{L} .-]{2,30},\\s*(\\d{1,2})\\s+${cyrMonth}\\s*[./(\\s]*\\s*/?([^/)\\s]{2,20})[/)]`, 'mu'), read: (m) => ({ month: monthNumber(m[2]!), day: +m[1]!, sign: m[3]! }) },
  // "(평양 1월 21일발 조선중앙통신)"
  { re: /\(\s*[가-힣]{2,6}\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일\s*발\s*([가-힣 ]{2,12})\)/u, read: (m) => ({ month: +m[1]!, day: +m[2]!, sign: m[3]!.trim() }) },
  // "新华社平壤1月20日电" · "【平壌1月20日共同】"
  { re: /(新华社|新華社|韩联社|韓聯社)\s*[\p{Script=Han}]{1,6}?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[电電]/u, read: (m) => ({ month: +m[2]!, day: +m[3]!, sign: m[1]! }) },
  { re: /【\s*[\p{Script=Han}\p{Script=Katakana}]{1,6}?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(共同|時事|新華社|聯合)?\s*】/u, read: (m) => ({ month: +m[1]!, day: +m[2]!, sign: m[3] ?? null }) },
]

/** Signs that carry no date: "(서울=연합뉴스)", "SEOUL (Yonhap) --", "/ТАСС/". */
const undatedSigns = [/\(\s*[가-힣]{2,6}\s*=\s*([가-힣A-Za-z0-9 ]{2,12})\s*\)/u, /^[A-Z][A-Za-z .-]{1,20}\s*\(([A-Za-z ]{2,20})\)\s*[-–—]/m, /\/(ТАСС|TASS)\//u]

/** Where to look for a dateline: it opens the report, after at most a title and a stamp or two. */
const DATELINE_WINDOW = 600

/**
 * The dateline of a report, if it has one. `hint` is the date the caller gave (or a URL's), used
 * only for the year the dateline leaves out.
 */
export function findDateline(text: string, hint: ReferenceDate | null): Dateline | null {
  const head = text.slice(0, DATELINE_WINDOW)
  for (const form of datelineForms) {
    const m = form.re.exec(head)
    if (!m) continue
    const r = form.read(m)
    if (!r.month || r.day < 1 || r.day > 31) continue
    const publisher = r.sign ? publisherFromSign(r.sign) : null
    // A bracket that is no agency ("(update)") makes this no dateline.
    if (r.sign && !publisher && form.re.source.startsWith('^')) continue
    // A year the dateline writes beats any guess from the page or the caller.
    const date = r.year ? isoDay(r.year, r.month, r.day) : hint ? isoDay(yearFor(r.month, r.day, hint), r.month, r.day) : null
    return { date, month: r.month, day: r.day, publisher, sign: r.sign, start: m.index, end: m.index + m[0].length }
  }
  for (const re of undatedSigns) {
    const m = re.exec(head)
    const publisher = m ? publisherFromSign(m[1]!) : null
    if (m && publisher) return { date: null, month: 0, day: 0, publisher, sign: m[1]!, start: m.index, end: m.index + m[0].length }
  }
  return null
}

/** A date a URL carries: /2025/01/11/, 20250111, or a Unix time (kcnawatch's newstream ids). */
export function dateFromUrl(url: string | undefined): ReferenceDate | null {
  if (!url) return null
  // Digits may follow (Yonhap's AKR20251205000300881, newspic's nid=2025021209513784003).
  const ymd = /(?:^|[^\d])(20[2-3]\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])/.exec(url)
  if (ymd) return isoDay(+ymd[1]!, +ymd[3]!, +ymd[4]!)
  const unix = /(?:^|[^\d])(1[6-9]\d{8})(?:[^\d]|$)/.exec(url)
  if (unix) return new Date(Number(unix[1]) * 1000).toISOString().slice(0, 10)
  return null
}
