/** Dates as reports write them, read against a day, a month or a year (fixtures in our own words). */
import { describe, expect, it } from 'vitest'
import { findDates, findDatesCoarse } from './dates.ts'

const dates = (text: string, lang: Parameters<typeof findDates>[1], ref: string | null) => findDates(text, lang, ref).map((d) => [d.date, d.precision])

describe('findDates', () => {
  it('counts "the day before" from the day written before it in the sentence, not from the report', () => {
    expect(dates('The agency said on the 21st that the ceremony had taken place the previous day.', 'en', '2024-12-22')).toEqual([['2024-12-21', 'day'], ['2024-12-20', 'day']])
    expect(dates('통신은 20일 병원 준공식이 전날 열렸다고 전했다.', 'ko', '2025-11-21')).toEqual([['2025-11-20', 'day'], ['2025-11-19', 'day']])
    expect(dates('官媒21日称，前一天在该郡举行了竣工典礼。', 'zh', '2024-12-22')).toEqual([['2024-12-21', 'day'], ['2024-12-20', 'day']])
  })

  it('reads "the same month, the 6th" in the month written before it, not the report\'s', () => {
    expect(dates('지난해 12월 착공식이 열렸고 같은 달 6일 첫 생산을 시작했다.', 'ko', '2025-03-10')).toEqual([['2024-12', 'month'], ['2024-12-06', 'day']])
    expect(dates('去年11月举行开工典礼，同月20日开始生产。', 'zh', '2025-02-10')).toEqual([['2024-11', 'month'], ['2024-11-20', 'day']])
    expect(dates('같은 달 6일 준공식이 열렸다.', 'ko', '2025-03-10')).toEqual([['2025-03-06', 'day']])
  })

  it('keeps "the previous day" against the report when no day is written before it', () => {
    expect(dates('The ceremony took place the previous day.', 'en', '2025-12-30')).toEqual([['2025-12-29', 'day']])
  })

  it('reads "late in February" as a month', () => {
    expect(dates('Late in February he attended the ceremony.', 'en', '2024-06-01')).toEqual([['2024-02', 'month']])
  })
})

describe('findDatesCoarse', () => {
  it('places dates that name their month against a page that gives only a month', () => {
    expect(findDatesCoarse('그는 지난 10월 30일 병원을 돌아보았다.', 'ko', '2025-11').map((d) => d.date)).toEqual(['2025-10-30'])
    expect(findDatesCoarse('He toured the site late in February.', 'en', '2024').map((d) => [d.date, d.precision])).toEqual([['2024-02', 'month']])
  })

  it('leaves out days counted from the report, which a month or a year cannot place', () => {
    expect(findDatesCoarse('The ceremony took place on Monday, the previous day, on the 3rd.', 'en', '2025-11')).toEqual([])
    expect(findDatesCoarse('착공식은 6일에 열렸다.', 'ko', '2025-11')).toEqual([])
  })

  it('reads "last month" against a month but not against a year', () => {
    expect(findDatesCoarse('It opened last month.', 'en', '2025-11').map((d) => d.date)).toEqual(['2025-10'])
    expect(findDatesCoarse('It opened last month.', 'en', '2025')).toEqual([])
  })
})
