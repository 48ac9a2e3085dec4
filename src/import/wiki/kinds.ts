/**
 * @module The Project Type(s) cell of the wiki list ("Hospital; Leisure complex; Factories") as
 * facility kinds, in the order of the vocabulary.
 */
import { facilityKinds, type FacilityKind } from '../../model/vocab.ts'

const factories: FacilityKind[] = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory']

/** Project types the list uses, lower case, hyphens read as spaces, straight apostrophes. */
const typeKinds: Record<string, FacilityKind[]> = {
  'regional industry factories': factories,
  factories: factories,
  hospital: ['hospital'],
  'leisure complex': ['leisure_complex'],
  'offshore farm': ['offshore_farm'],
  "fishermen's housing": ['housing'],
  'paper factory': ['paper_mill'],
  'grain management station': ['grain_management_station'],
  'seafood processing facility': ['seafood_processing'],
}
const knownTypes =
  "Regional-industry factories, Factories, Hospital, Leisure complex, Offshore farm, Fishermen's housing, Paper factory, Grain management station, Seafood processing facility"

const normalize = (s: string) => s.replace(/[’‘`]/g, "'").toLowerCase().replace(/[-\s]+/g, ' ').trim()

/**
 * A parenthesis only details a type ("Regional-industry factories (Foodstuff; Garment;
 * Daily-necessities)"), so it is dropped before the cell is split at ";".
 */
export function parseProjectTypes(cell: string): { kinds: FacilityKind[]; problems: string[] } {
  const problems: string[] = []
  const found = new Set<FacilityKind>()
  const parts = cell
    .replace(/\s*\([^()]*\)/g, '')
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) problems.push('no project type given')
  for (const part of parts) {
    const kinds = typeKinds[normalize(part)]
    if (kinds) for (const k of kinds) found.add(k)
    else problems.push(`unknown project type "${part}" (known: ${knownTypes})`)
  }
  const kinds = facilityKinds.values.filter((k) => found.has(k))
  return { kinds, problems }
}
