import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from './i18n/i18n.ts'
import { eventTitle, labelText } from './eventTitle.ts'

afterEach(() => setLanguage('en', false))

describe('labelText', () => {
  it('reads month ids as dates in the reader’s language', () => {
    expect(labelText('august-2024')).toBe('Aug 2024')
    expect(labelText('2024-02')).toBe('Feb 2024')
    setLanguage('ko', false)
    expect(labelText('november-2024')).toBe('2024년 11월')
  })

  it('turns the other ids into words, with a date after them', () => {
    expect(labelText('hospital-and-leisure-complex')).toBe('hospital and leisure complex')
    expect(labelText('hospital-leisure-2025-06')).toBe('hospital leisure, Jun 2025')
    expect(labelText('year-end-plenary-2024')).toBe('year end plenary, 2024')
  })
})

describe('eventTitle', () => {
  it('names the event by its type, and by its label when it has one', () => {
    expect(eventTitle({ type: 'groundbreaking', label: null })).toBe('Groundbreaking')
    expect(eventTitle({ type: 'leader_visit', label: 'august-2024' })).toMatch(/^.+ \(Aug 2024\)$/)
    expect(eventTitle({ type: 'leader_visit', label: 'august-2024' })).not.toContain('august-2024')
  })
})
