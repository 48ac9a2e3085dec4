/**
 * @module How each status looks: a colour from a colour-blind-safe palette (Okabe–Ito), a pattern
 * (stripes for work in progress) and a letter, so status never rests on colour alone.
 */
export interface StatusLook {
  key: string
  letter: string
  label: string
  colour: string
}

export const statusLooks: Record<string, StatusLook> = {
  operational: { key: 'operational', letter: 'O', label: 'Operational', colour: '#00795c' },
  under_construction: { key: 'under_construction', letter: 'U', label: 'Under construction', colour: '#e69f00' },
  planned: { key: 'planned', letter: 'P', label: 'Planned', colour: '#56b4e9' },
  suspended: { key: 'suspended', letter: 'S', label: 'Suspended', colour: '#cc79a7' },
  none: { key: 'none', letter: '?', label: 'No status yet', colour: '#9a9a9a' },
}

export const statusOrder = ['operational', 'under_construction', 'planned', 'suspended', 'none']

export function lookOf(status: string | null | undefined): StatusLook {
  return statusLooks[status ?? 'none'] ?? statusLooks.none!
}

/** Okabe–Ito colours for policy years, in order; the pilot is grey. */
const yearPalette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#7f7f7f', '#b39ddb']

export function yearColour(year: number | null, firstYear = 2024): string {
  if (year === null) return '#8c8c8c'
  return yearPalette[(((year - firstYear) % yearPalette.length) + yearPalette.length) % yearPalette.length]!
}
