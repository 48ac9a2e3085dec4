import { describe, expect, it } from 'vitest'
import { claimId, eventId, projectId, slugify } from './ids.ts'

describe('stable ids', () => {
  it('slugs names without diacritics or apostrophes', () => {
    expect(slugify("Sŏngch'ŏn")).toBe('songchon')
    expect(slugify('Kim Hyong Jik')).toBe('kim-hyong-jik')
    expect(slugify('Ŭnsan')).toBe('unsan')
  })

  it('derives project and event ids from key fields', () => {
    const project = projectId({ program_id: '20x10', year: 2025, locality_id: 'pyongyang.kangdong' })
    expect(project).toBe('20x10.2025.pyongyang.kangdong')
    expect(eventId({ project_id: project, program_id: '20x10', type: 'groundbreaking', label: 'Factories' })).toBe('20x10.2025.pyongyang.kangdong~groundbreaking~factories')
    expect(projectId({ program_id: '20x10', year: null, locality_id: 'kangwon.kimhwa' })).toBe('20x10.pilot.kangwon.kimhwa')
  })

  it('gives the same claim the same id, and a different value a different one', () => {
    const base = { subject_type: 'event', subject_id: 'e', field: 'date', value: '2024-02-28', source_id: 's' }
    expect(claimId(base)).toBe(claimId({ ...base }))
    expect(claimId(base)).not.toBe(claimId({ ...base, value: '2024-02-29' }))
    expect(claimId({ ...base, value: ['a', 'b'] })).toBe(claimId({ ...base, value: ['a', 'b'] }))
  })
})
