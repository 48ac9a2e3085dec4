import { describe, expect, it } from 'vitest'
import { SourceId } from '../../model/source.ts'
import { suggestId } from './sourceId.ts'

describe('suggestId', () => {
  it('makes a valid source id from publisher, date and title', () => {
    expect(suggestId('KCNA', '2025-02-14', 'Groundbreaking in Songchon County')).toBe('kcna-2025-02-14-groundbreaking-in-songchon-county')
    expect(suggestId('NK News', '2026-01', 'Factories open in Koksan, says state media today')).toBe('nk-news-2026-01-factories-open-in-koksan-says-state')
    expect(suggestId('Chosŏn Sinbo', '', 'Ŭnsan paper mill')).toBe('choson-sinbo-unsan-paper-mill')
  })

  it('gives ids the schema accepts, or nothing when there is nothing to go on', () => {
    for (const [p, d, t] of [
      ['38 North', '2025-02', 'Year One: 20×10'],
      ['  ', '', '조선중앙통신 [보도]'],
      ['Reuters (via Devdiscourse)', '2024', '...'],
    ] as const) {
      const id = suggestId(p, d, t)
      if (id) expect(SourceId.safeParse(id).success, id).toBe(true)
    }
    expect(suggestId('', '', '조선중앙통신')).toBe('')
  })
})
