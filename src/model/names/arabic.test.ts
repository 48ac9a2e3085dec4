import { describe, expect, it } from 'vitest'
import { arabicDirection, arabicKeys, hasArabic, latinArabicKeys } from './arabic.ts'

describe('Arabic keys', () => {
  it('meet the Latin spelling of the same name', () => {
    for (const [arabic, latin] of [
      ['كانغدونغ', 'kangdong'],
      ['سونغتشون', 'songchon'],
      ['تشونغجين', 'chongjin'],
      ['بيونغ يانغ', 'pyongyang'],
      ['بيونج يانج', 'pyongyang'],
      ['هوانغجو', 'hwangju'],
      ['كايسونغ', 'kaesong'],
    ] as const) {
      expect(arabicKeys(arabic).full, arabic).toBe(latinArabicKeys(latin).full)
    }
  })

  it('drop unit words and keep a consonant key for spellings without vowels', () => {
    expect(arabicKeys('مقاطعة كانغدونغ')).toEqual(arabicKeys('كانغدونغ'))
    expect(arabicKeys('كنغدنغ').consonants).toBe(latinArabicKeys('kangdong').consonants)
  })

  it('tell the vowels apart where Arabic writes them: Pyongyang is not Pyonggang', () => {
    expect(arabicKeys('بيونغ يانغ').full).not.toBe(latinArabicKeys('pyonggang').full)
    expect(arabicKeys('تشونغجين').full).not.toBe(latinArabicKeys('changjin').full)
  })

  it('reads the direction of a divided province', () => {
    expect(arabicDirection('جنوب بيونغان')).toEqual({ dir: 'south', rest: 'بيونغان' })
    expect(arabicDirection('بيونغان الشمالية')).toEqual({ dir: 'north', rest: 'بيونغان' })
    expect(hasArabic('Kangdong')).toBe(false)
  })
})
