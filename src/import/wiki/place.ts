/**
 * @module The Locality and Province/Municipality cells of a wiki row, resolved against the
 * gazetteer: the province id, the locality id, and whether the list spells the locality some
 * other way than the gazetteer's plain form with its unit suffix ("Songchon County").
 */
import { slugify } from '../../model/ids.ts'
import { localityLabel } from '../../model/locality.ts'
import type { LocalityCandidate } from '../../model/names/resolve.ts'
import type { WikiOptions } from '../wiki.ts'

export interface Place {
  province: { id: string; score: number } | null
  localityId: string | null
  /** True when the Locality cell is not the plain form + " County"/" City"/" District". */
  spelledOtherwise: boolean
  problems: string[]
  warnings: string[]
}

/** A trailing parenthesis names the municipality ("Onchon County (Nampo)"): not part of the spelling. */
const qualifier = /\s*\([^()]*\)\s*$/
const unitSuffix = /^(.*\S)\s+(County|City|District)$/

const listCandidates = (candidates: LocalityCandidate[]) => candidates.map((c) => `${c.id} (${c.matched}, score ${c.score})`).join(', ')

function spelledPlainly(cell: string, id: string, options: WikiOptions): boolean {
  const name = cell.replace(qualifier, '').replace(/\s+/g, ' ')
  const locality = options.localities?.find((l) => l.id === id)
  if (locality) return name === localityLabel(locality)
  const m = unitSuffix.exec(name)
  return m !== null && slugify(m[1]!) === id.slice(id.indexOf('.') + 1)
}

/**
 * No place name is this long. Longer cells are refused before name matching, whose patterns and
 * edit distances are not meant for, and grew quadratic on, hostile 100 kB "names" (found by the
 * hostile-input tests: one 100 kB preview request kept the server busy for 18 s).
 */
const maxNameLength = 200

export function readPlace(localityCell: string, provinceCell: string, options: WikiOptions): Place {
  const problems: string[] = []
  const warnings: string[] = []
  const tooLong = [localityCell, provinceCell].filter((c) => c.length > maxNameLength)
  if (tooLong.length > 0) {
    for (const c of tooLong) problems.push(`"${c.slice(0, 40)}…" is not a place name (${c.length} characters; at most ${maxNameLength})`)
    return { province: null, localityId: null, spelledOtherwise: false, problems, warnings }
  }
  const province = provinceCell ? options.resolveProvince(provinceCell) : null
  if (provinceCell && !province) problems.push(`unknown province "${provinceCell}"`)
  else if (province && province.score < 1) warnings.push(`province "${provinceCell}" read as ${province.id} (approximate, score ${province.score})`)

  let localityId: string | null = null
  if (!localityCell) problems.push('the Locality cell is empty')
  else {
    const match = options.resolve(localityCell, provinceCell ? { province: provinceCell } : undefined)
    const where = provinceCell ? ` in "${provinceCell}"` : ''
    if (match.status === 'match') {
      localityId = match.locality
      if (match.score < 1) warnings.push(`locality "${localityCell}" read as ${localityId} (approximate, score ${match.score})`)
    } else if (match.status === 'ambiguous') {
      problems.push(`ambiguous locality "${localityCell}"${where}: could be ${listCandidates(match.candidates)}`)
    } else if (match.reason === 'province-mismatch') {
      problems.push(`locality "${localityCell}" is not in "${provinceCell}" (the name matches ${listCandidates(match.candidates)})`)
    } else if (match.reason === 'province-level') {
      problems.push(`"${localityCell}" names a province-level unit (${match.province?.id}), not a county-level locality`)
    } else if (match.reason === 'conflicting-provinces') {
      problems.push(`locality "${localityCell}"${where}: the province and the name's qualifier disagree`)
    } else if (match.reason !== 'unknown-province' || province) {
      // An unreadable province cell is reported once, above.
      const near = match.candidates.length > 0 ? ` (nearest: ${listCandidates(match.candidates)})` : ''
      problems.push(`unknown locality "${localityCell}"${where}${near}`)
    }
  }
  if (localityId && province && !localityId.startsWith(`${province.id}.`)) {
    warnings.push(`province "${provinceCell}" (${province.id}) is not the province of ${localityId}`)
  }

  const spelledOtherwise = localityId !== null && !spelledPlainly(localityCell, localityId, options)
  return { province, localityId, spelledOtherwise, problems, warnings }
}
