import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../i18n/i18n.ts'
import { changeName } from './releaseNames.ts'

afterEach(() => setLanguage('en', false))

const hangul = new Map([
  ['south-pyongan.songchon', '성천군'],
  ['kangwon.kimhwa', '김화군'],
])

describe('the names of a release’s changed records', () => {
  it('are the frozen labels in English', () => {
    expect(changeName({ table: 'projects', id: '20x10.2024.south-pyongan.songchon', label: 'Songchon 2024' }, hangul)).toBe('Songchon 2024')
  })

  it('are hangul first in Korean, from the gazetteer, keeping what the label adds', () => {
    setLanguage('ko', false)
    expect(changeName({ table: 'projects', id: '20x10.2024.south-pyongan.songchon', label: 'Songchon 2024' }, hangul)).toBe('성천군 2024')
    expect(changeName({ table: 'projects', id: '20x10.2025.south-pyongan.songchon', label: 'Songchon 2025 (hospital)' }, hangul)).toBe('성천군 2025 (hospital)')
    expect(changeName({ table: 'projects', id: '20x10.pilot.kangwon.kimhwa', label: 'Kimhwa pilot' }, hangul)).toBe('김화군 시범')
    expect(changeName({ table: 'localities', id: 'south-pyongan.songchon', label: 'Songchon (성천군)' }, hangul)).toBe('성천군 (Songchon)')
    expect(changeName({ table: 'events', id: '20x10.2024.south-pyongan.songchon~groundbreaking~', label: 'groundbreaking of Songchon 2024' }, hangul)).toBe('성천군 2024 · 착공')
    const claim = { subject_type: 'project', subject_id: '20x10.2024.south-pyongan.songchon', field: 'status' }
    expect(changeName({ table: 'claims', id: 'c-1', label: 'status of Songchon 2024', new: claim }, hangul)).toMatch(/^성천군 2024 · /)
    // What the gazetteer does not know keeps its label.
    expect(changeName({ table: 'projects', id: '20x10.2024.nowhere.x', label: 'X 2024' }, hangul)).toBe('X 2024')
    expect(changeName({ table: 'sources', id: 's', label: 'KCNA: A report' }, hangul)).toBe('KCNA: A report')
  })
})
