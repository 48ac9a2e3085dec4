/**
 * @module The interface language: one i18next instance with the English and Korean catalogues,
 * `t()` for messages, the current language, and `setLanguage()` that re-renders the app, sets
 * `<html lang>` and remembers the choice. English labels of the vocabularies (statuses, event
 * types, facility kinds…) come from model/vocab.ts; their Korean labels are in ko.ts.
 */
import i18next from 'i18next'
import { useEffect, useState } from 'preact/hooks'
import { claimFields, claimRanks, coordPrecisions, eventTypes, facilityKinds, localityTypes, provinceKinds, sourceKinds, statuses } from '../../model/vocab.ts'
import { areasEn, areasKo } from './areas.ts'
import { en } from './en.ts'
import { ko } from './ko.ts'
import { chooseLanguage, storageKey, type Language } from './language.ts'

/** The vocabularies whose labels are messages, by key prefix ("status.operational"). */
export const vocabularies: Record<string, { values: readonly string[]; labels: Record<string, string> }> = {
  kind: facilityKinds,
  event: eventTypes,
  status: statuses,
  sourceKind: sourceKinds,
  rank: claimRanks,
  localityType: localityTypes,
  provinceKind: provinceKinds,
  coordPrecision: coordPrecisions,
  field: claimFields,
}

function vocabularyMessages(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [prefix, v] of Object.entries(vocabularies)) for (const value of v.values) out[`${prefix}.${value}`] = v.labels[value]!
  return out
}

/** Every English message: the catalogue and the vocabulary labels. */
export const english: Record<string, string> = { ...en, ...areasEn, ...vocabularyMessages() }
export const korean: Record<string, string> = { ...ko, ...areasKo }

const instance = i18next.createInstance()
void instance.init({
  resources: { en: { translation: english }, ko: { translation: korean } },
  lng: 'en',
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false,
})

let current: Language = 'en'
const listeners = new Set<(l: Language) => void>()

/** Values put into a message ({{name}}); `count` picks the plural form. */
export type Values = Record<string, unknown>

const translate = instance.t.bind(instance) as unknown as (key: string, values?: Values) => string

/** A message of the current language. */
export function t(key: string, values?: Values): string {
  return translate(key, values)
}

/** True when the catalogues have the message (vocabulary values without a label fall back to the raw value). */
export function hasMessage(key: string): boolean {
  return instance.exists(key)
}

export function language(): Language {
  return current
}

/** The locale for Intl (dates, numbers). */
export function locale(): string {
  return current === 'ko' ? 'ko-KR' : 'en-GB'
}

export function setLanguage(next: Language, remember = true): void {
  current = next
  void instance.changeLanguage(next)
  if (typeof document !== 'undefined') document.documentElement.lang = next
  if (remember) {
    try {
      localStorage.setItem(storageKey, next)
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }
  for (const l of listeners) l(next)
}

/** Reads ?lang=, the remembered choice and the browser's languages once, at start. */
export function startLanguage(): Language {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(storageKey)
  } catch {
    stored = null
  }
  const chosen = chooseLanguage({ search: window.location.search, stored, browser: navigator.languages ?? [navigator.language] })
  setLanguage(chosen, false)
  return chosen
}

/** The current language as state: the component re-renders when it changes. */
export function useLanguage(): Language {
  const [l, setL] = useState<Language>(current)
  useEffect(() => {
    listeners.add(setL)
    setL(current)
    return () => void listeners.delete(setL)
  }, [])
  return l
}
