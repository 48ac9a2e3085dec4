/**
 * @module Comparison keys for names written in Chinese characters (hanja, hanzi, kanji): 成川郡,
 * 成川, 平壤直轄市, 平壌市 (Japanese), 开城市 (simplified Chinese) all reduce to the same key as the
 * gazetteer's Korean form.
 *
 * Korean writes place names in traditional characters, and in some of their older variants (淸,
 * 靑, 郞); Chinese sources use simplified characters (宁边郡, 两江道), Japanese sources their own
 * reformed ones (両江道, 恵山市, 平壌). Each variant maps to one character here. The table covers
 * every character in the gazetteer's names and unit words: a character outside it cannot be part
 * of a name we know, so leaving it as it is loses no match.
 */

/** variant → the form the gazetteer uses. Each line: the gazetteer's character, then its variants. */
const variantGroups = [
  '倉仓', '兎兔', '內内', '兩两両', '剛刚', '勝胜', '區区', '園园', '場场', '壤壌', '寧宁寕', '岡冈',
  '峴岘', '島岛嶋', '德徳', '惠恵', '慶庆', '戰战戦', '時时', '會会', '東东', '榮荣栄', '樂乐楽',
  '橋桥', '檜桧', '權权権', '淵渊', '淸清', '溪渓', '溫温', '滿满満', '漁渔', '澗涧', '灘滩', '熙煕',
  '甕瓮', '穩稳穏', '紅红', '羅罗', '義义', '肅肃粛', '臥卧', '臺台', '興兴', '萬万', '虛虚',
  '豊丰豐', '載载', '遠远', '邊边辺', '郞郎', '銀银', '鋒锋', '鏡镜', '鐵铁鉄', '長长', '門门',
  '開开', '陽阳', '雲云', '靑青', '順顺', '館馆舘', '馬马', '鳳凤', '鹽盐塩', '黃黄', '龍龙竜',
  '龜龟亀', '岳嶽', '峰峯', '轄辖', '別别', '關关', '劃划', '廣广', '經经', '濟济', '鮮鲜', '國国',
  '見见', '灣湾', '縣县県', '鄉乡郷', '勞劳労',
]

const canonical = new Map<string, string>()
for (const group of variantGroups) {
  const [head, ...rest] = [...group]
  for (const v of rest) canonical.set(v, head!)
}

// CJK unified ideographs and extension A; compatibility ideographs are folded by NFKC first.
const hanChar = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/
const nonHan = /[^\u3400-\u4dbf\u4e00-\u9fff]/g

export function hasHan(text: string): boolean {
  return hanChar.test(text)
}

/** The text's Chinese characters, each in the gazetteer's form; everything else dropped. */
export function foldHanja(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFKC').replace(nonHan, '')) out += canonical.get(ch) ?? ch
  return out
}

// Unit words after the name, longest first so 區域 is not read as 區 + 域. 特別市/直轄市 are the
// special and directly governed cities, 地區 the chigu, 勞動者區 the workers' district.
const unitSuffix = /(?:特別市|直轄市|勞動者區|區域|地區|郡|市|區|邑|里|道|縣)$/

/**
 * Keys of a name in Chinese characters: the folded text (`full`) and, when it ends in a unit word,
 * the same without it (`stripped`; only when two characters or more remain, since one character —
 * 中 of 中區域 — says nothing on its own). Both are compared, like the hangul keys.
 */
export function hanjaKeys(text: string): { full: string; stripped: string | null } {
  const full = foldHanja(text)
  const m = unitSuffix.exec(full)
  const stripped = m && full.length - m[0].length >= 2 ? full.slice(0, full.length - m[0].length) : null
  return { full, stripped }
}
