/**
 * @module How each status looks: a colour from a colour-blind-safe palette (Okabe–Ito), a pattern
 * (stripes for work in progress) and a letter, so status never rests on colour alone.
 */
import { statusLabel } from './format.ts'

export interface StatusLook {
  key: string
  letter: string
  /** The status's name in the reader's language (read each time: the language can change). */
  readonly label: string
  colour: string
}

function look(key: string, letter: string, colour: string): StatusLook {
  return {
    key,
    letter,
    colour,
    get label() {
      return statusLabel(key)
    },
  }
}

// The letters stay O/U/P/S in every language: they are the grid's marks, explained by the legend.
export const statusLooks: Record<string, StatusLook> = {
  operational: look('operational', 'O', '#00795c'),
  under_construction: look('under_construction', 'U', '#e69f00'),
  planned: look('planned', 'P', '#56b4e9'),
  suspended: look('suspended', 'S', '#cc79a7'),
  none: look('none', '?', '#9a9a9a'),
}

export const statusOrder = ['operational', 'under_construction', 'planned', 'suspended', 'none']

export function lookOf(status: string | null | undefined): StatusLook {
  return statusLooks[status ?? 'none'] ?? statusLooks.none!
}

/**
 * Policy years in one hue, dark to light purple: an order, not a category, and a hue no status
 * uses, so a year can never be read as "under construction" or "operational". The pilot is grey.
 */
const yearPalette = ['#3f007d', '#6a51a3', '#9e9ac8', '#54278f', '#807dba', '#bcbddc', '#2d0052', '#5e3c99', '#8c6bb1', '#c9b8e0']

export function yearColour(year: number | null, firstYear = 2024): string {
  if (year === null) return '#8c8c8c'
  return yearPalette[(((year - firstYear) % yearPalette.length) + yearPalette.length) % yearPalette.length]!
}
