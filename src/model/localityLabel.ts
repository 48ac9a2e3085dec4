/** @module The English label of a locality ("Songchon County"), without the schemas (so the web's place search can use it). */

const typeSuffix: Record<'city' | 'county' | 'district', string> = { city: 'City', county: 'County', district: 'District' }

/** "Songchon County", "Kusong City". */
export function localityLabel(l: { plain: string; type: 'city' | 'county' | 'district' }): string {
  return `${l.plain} ${typeSuffix[l.type]}`
}
