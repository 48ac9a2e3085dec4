/**
 * @module Which language the interface opens in: `?lang=` in the address, else the reader's
 * remembered choice, else the browser's languages, else English.
 */
export const languages = ['en', 'ko'] as const
export type Language = (typeof languages)[number]

export const storageKey = 'tracker.lang'

export function asLanguage(value: string | null | undefined): Language | null {
  if (!value) return null
  const base = value.trim().toLowerCase().split(/[-_]/)[0]
  return (languages as readonly string[]).includes(base ?? '') ? (base as Language) : null
}

export interface LanguageHints {
  /** The query string of the address (`?lang=ko`). */
  search: string
  /** What the reader chose with the switch before (localStorage). */
  stored: string | null
  /** navigator.languages, most preferred first. */
  browser: readonly string[]
}

export function chooseLanguage({ search, stored, browser }: LanguageHints): Language {
  const asked = asLanguage(new URLSearchParams(search).get('lang'))
  if (asked) return asked
  const remembered = asLanguage(stored)
  if (remembered) return remembered
  // The first of the browser's languages we have decides; a Korean reader whose list starts
  // with English (common on shared machines) reads English.
  for (const l of browser) {
    const known = asLanguage(l)
    if (known) return known
  }
  return 'en'
}

/** The address with `lang` set for Korean and removed for English (the default). */
export function withLanguage(href: string, lang: Language, origin: string): string {
  const url = new URL(href, origin)
  if (lang === 'en') url.searchParams.delete('lang')
  else url.searchParams.set('lang', lang)
  return url.pathname + url.search + url.hash
}
