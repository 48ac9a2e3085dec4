/**
 * @module Which level a place name's own unit words ask for: "Kaesong City", 개성특별시, 平壤直轄市,
 * "провинция Чаган" ask for a province-level unit; "Kaesong District", 성천군, 成川郡, "уезд
 * Сончхон" for a county-level one. A bare name, or a word both levels use (a county-level city
 * is a "City" too), asks for neither.
 */
import { nameTokens } from './normalize.ts'
import type { MatchLevel } from './types.ts'

const provinceWords = new Set([
  'province', 'municipality', 'special', 'directly', 'governed', 'do', 'namdo', 'bukto', 'pukto',
  'chikhalsi', 'jikhalsi', 'tukpyolsi', 'teukbyeolsi', 'provinz', 'provincia', 'bezirk',
  'провинция', 'провинции', 'особый', 'специальный', 'подчинения',
])
const localityWords = new Set([
  'county', 'country', 'gun', 'kun', 'district', 'dist', 'guyok', 'kuyok', 'guyeok', 'chigu', 'jigu', 'kreis',
  'landkreis', 'stadtbezirk', 'comté', 'comte', 'condado', 'distrito', 'уезд', 'район', 'гун', 'кун', 'куёк', 'гуёк', 'чигу',
])

export function askedLevel(name: string): MatchLevel | null {
  const compact = name.normalize('NFKC').replace(/\s+/g, '')
  if (/(?:도|특별시|직할시|道|特別市|特别市|直轄市|直辖市)$/.test(compact)) return 'province'
  if (/(?:군|구역|지구|郡|區域|区域|地區|地区)$/.test(compact)) return 'locality'
  let level: MatchLevel | null = null
  for (const w of nameTokens(name)) {
    if (provinceWords.has(w)) return 'province'
    if (localityWords.has(w)) level = 'locality'
  }
  // -namdo/-bukto written onto the name: Pyongannamdo.
  if (!level && /(?:namdo|bukto|pukto)$/.test(compact.toLowerCase())) return 'province'
  return level
}

/** Whether the text holds a word besides unit words: "Kangdong County" does, "District" does not. */
export function hasNameWord(text: string): boolean {
  return nameTokens(text).some((w) => !localityWords.has(w) && !provinceWords.has(w) && w !== 'city' && w !== 'si' && w !== 'shi')
}
