import { describe, expect, it } from 'vitest'
import { confusableWith, type NamedPlace } from './confusable.ts'

const place = (id: string, plain: string, hangul: string, mr = plain, rr = plain, aliases: string[] = [], former: string[] = []): NamedPlace => ({ id, plain, hangul, mr, rr, aliases, former_names: former })

const unsanNorth = place('north-pyongan.unsan', 'Unsan', '운산군', 'Unsan', 'Unsan', ['Unsan-gun'])
const unsanSouth = place('south-pyongan.unsan', 'Unsan', '은산군', 'Ŭnsan', 'Eunsan', ['Ŭnsan-gun', 'Eunsan'])
const songchon = place('south-pyongan.songchon', 'Songchon', '성천군', "Sŏngch'ŏn", 'Seongcheon')
const sonchon = place('north-pyongan.sonchon', 'Sonchon', '선천군', "Sŏnch'ŏn", 'Seoncheon')
const kangdong = place('pyongyang.kangdong', 'Kangdong', '강동군')
const kangnam = place('pyongyang.kangnam', 'Kangnam', '강남군')
const kosan = place('kangwon.kosan', 'Kosan', '고산군')
const tosan = place('north-hwanghae.tosan', 'Tosan', '토산군')
const myonggan = place('north-hamgyong.myonggan', 'Myonggan', '명간군', 'Myŏnggan', 'Myeonggan', [], ['Hwasong County'])
const hwasong = place('pyongyang.hwasong', 'Hwasong', '화성구역', 'Hwasŏng', 'Hwaseong')
const all = [unsanNorth, unsanSouth, songchon, sonchon, kangdong, kangnam, kosan, tosan, myonggan, hwasong]

describe('confusableWith', () => {
  it('pairs the two Unsans both ways: the same spelling in Latin letters', () => {
    expect(confusableWith(unsanNorth, all)).toEqual([{ id: 'south-pyongan.unsan', same_spelling: true }])
    expect(confusableWith(unsanSouth, all)).toEqual([{ id: 'north-pyongan.unsan', same_spelling: true }])
  })

  it('pairs names one hangul letter and one Latin letter apart (성천 Songchon, 선천 Sonchon)', () => {
    expect(confusableWith(songchon, all)).toEqual([{ id: 'north-pyongan.sonchon', same_spelling: false }])
    expect(confusableWith(sonchon, all)).toEqual([{ id: 'south-pyongan.songchon', same_spelling: false }])
  })

  it('finds a former name that is another place’s name', () => {
    expect(confusableWith(myonggan, all)).toEqual([{ id: 'pyongyang.hwasong', same_spelling: true }])
  })

  it('leaves apart names that differ by more, or in their first sound', () => {
    // 강동/강남: a whole syllable; 고산/토산: the initial consonant (K and T read differently).
    expect(confusableWith(kangdong, all)).toEqual([])
    expect(confusableWith(kosan, all)).toEqual([])
    expect(confusableWith(tosan, all)).toEqual([])
  })
})
