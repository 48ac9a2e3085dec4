import { describe, expect, it } from 'vitest'
import { chooseLanguage, withLanguage } from './language.ts'

describe('chooseLanguage', () => {
  it('takes ?lang= first, then the remembered choice, then the browser, then English', () => {
    expect(chooseLanguage({ search: '?lang=ko', stored: 'en', browser: ['en-GB'] })).toBe('ko')
    expect(chooseLanguage({ search: '?lang=en', stored: 'ko', browser: ['ko-KR'] })).toBe('en')
    expect(chooseLanguage({ search: '', stored: 'ko', browser: ['en-US'] })).toBe('ko')
    expect(chooseLanguage({ search: '', stored: null, browser: ['ko-KR', 'en'] })).toBe('ko')
    expect(chooseLanguage({ search: '', stored: null, browser: ['de-DE', 'ko'] })).toBe('ko')
    expect(chooseLanguage({ search: '', stored: null, browser: ['en-US', 'ko-KR'] })).toBe('en')
    expect(chooseLanguage({ search: '', stored: null, browser: [] })).toBe('en')
  })
  it('ignores values it does not know', () => {
    expect(chooseLanguage({ search: '?lang=fr', stored: 'xx', browser: ['ja-JP'] })).toBe('en')
  })
})

describe('withLanguage', () => {
  it('adds lang=ko and drops it for English, keeping the rest of the address', () => {
    expect(withLanguage('/projects?year=2024#top', 'ko', 'http://x')).toBe('/projects?year=2024&lang=ko#top')
    expect(withLanguage('/projects?lang=ko&year=2024', 'en', 'http://x')).toBe('/projects?year=2024')
  })
})
