import fs from 'node:fs'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { LocalitySchema } from '../locality.ts'
import { ProvinceSchema } from '../province.ts'
import { foldHanja, hanjaKeys } from './hanja.ts'
import { createResolver } from './resolve.ts'

const gazetteerFile = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../../data/gazetteer/${name}`, import.meta.url), 'utf8'))
const localities = z.array(LocalitySchema).parse(gazetteerFile('localities.json'))
const provinces = z.array(ProvinceSchema).parse(gazetteerFile('provinces.json'))
const sourceIds = new Set((gazetteerFile('sources.json') as { id: string }[]).map((s) => s.id))
const resolver = createResolver({ localities, provinces })

describe('hanja keys', () => {
  it('folds simplified Chinese, Japanese and Korean variants to one form', () => {
    expect(foldHanja('宁边郡')).toBe(foldHanja('寧邊郡'))
    expect(foldHanja('両江道')).toBe(foldHanja('兩江道'))
    expect(foldHanja('两江道')).toBe(foldHanja('兩江道'))
    expect(foldHanja('清津市')).toBe(foldHanja('淸津市'))
    expect(foldHanja('平壌')).toBe(foldHanja('平壤'))
    // A Korean input method's compatibility ideograph (U+F914 樂) is the same character.
    expect(foldHanja('\uf914浪區域')).toBe(foldHanja('樂浪區域'))
  })

  it('cuts the unit word, but never down to one character', () => {
    expect(hanjaKeys('成川郡')).toEqual({ full: '成川郡', stripped: '成川' })
    expect(hanjaKeys('牡丹峰区域')).toEqual({ full: '牡丹峰區域', stripped: '牡丹峰' })
    expect(hanjaKeys('琴湖地区')).toEqual({ full: '琴湖地區', stripped: '琴湖' })
    expect(hanjaKeys('中区域').stripped).toBeNull()
  })
})

describe('every unit has its hanja form, with a source', () => {
  it.each([...localities, ...provinces].map((u) => [u.id, u] as const))('%s', (_id, u) => {
    expect(u.hanja).toMatch(/^[\u4e00-\u9fff]+$/)
    // One character per hangul syllable: 성천군 / 成川郡.
    expect([...u.hanja!].length).toBe([...u.hangul].length)
    expect(sourceIds.has(u.hanja_source!), `${u.hanja_source} is in sources.json`).toBe(true)
  })
})

describe('resolution of hanja forms', () => {
  it('resolves every locality by its hanja, with and without the unit word', () => {
    for (const l of localities) {
      const full = resolver.resolveLocality(l.hanja!)
      expect(full.status === 'match' && full.locality, l.hanja!).toBe(l.id)
      const bare = hanjaKeys(l.hanja!).stripped
      if (!bare) continue
      const m = resolver.resolveLocality(bare)
      expect(m.status === 'match' && m.locality, bare).toBe(l.id)
    }
  })

  it('resolves the simplified and Japanese forms the press uses', () => {
    const cases: [string, string][] = [
      ['成川郡', 'south-pyongan.songchon'],
      ['江东郡', 'pyongyang.kangdong'],
      ['宁边郡', 'north-pyongan.nyongbyon'],
      ['清津市', 'north-hamgyong.chongjin'],
      ['恵山市', 'ryanggang.hyesan'],
      ['万景台区域', 'pyongyang.mangyongdae'],
      ['乐浪区域', 'pyongyang.rangnang'],
      ['罗津区域', 'rason.rajin'],
      ['龙冈郡', 'nampo.ryonggang'],
      ['三池渊市', 'ryanggang.samjiyon'],
      ['金亨权郡', 'ryanggang.kim-hyong-gwon'],
      ['平安南道 成川郡', 'south-pyongan.songchon'],
      ['平南 成川郡', 'south-pyongan.songchon'],
    ]
    for (const [text, id] of cases) {
      const m = resolver.resolveLocality(text)
      expect(m.status === 'match' && m.locality, `${text}: ${JSON.stringify(m)}`).toBe(id)
    }
  })

  it('tells apart units whose hangul or romanization collide', () => {
    // 운산 雲山 (North Pyongan) and 은산 殷山 (South Pyongan) are both "Unsan" in plain spelling.
    expect(resolver.resolveLocality('雲山郡')).toMatchObject({ status: 'match', locality: 'north-pyongan.unsan' })
    expect(resolver.resolveLocality('殷山郡')).toMatchObject({ status: 'match', locality: 'south-pyongan.unsan' })
    expect(resolver.resolveLocality('宣川郡')).toMatchObject({ status: 'match', locality: 'north-pyongan.sonchon' })
  })

  it('resolves every province-level unit in traditional, simplified, Japanese and short forms', () => {
    const cases: [string, string][] = [
      ['平壤', 'pyongyang'], ['平壤市', 'pyongyang'], ['平壤直轄市', 'pyongyang'], ['平壤直辖市', 'pyongyang'], ['平壌', 'pyongyang'],
      ['平安南道', 'south-pyongan'], ['平南', 'south-pyongan'], ['平安北道', 'north-pyongan'], ['平北', 'north-pyongan'],
      ['慈江道', 'chagang'], ['黄海南道', 'south-hwanghae'], ['黃北', 'north-hwanghae'], ['江原道', 'kangwon'],
      ['咸镜南道', 'south-hamgyong'], ['咸鏡北道', 'north-hamgyong'], ['两江道', 'ryanggang'], ['両江道', 'ryanggang'],
      ['罗先市', 'rason'], ['羅先特別市', 'rason'], ['南浦', 'nampo'], ['南浦特别市', 'nampo'], ['开城', 'kaesong'], ['開城特別市', 'kaesong'],
    ]
    for (const [text, id] of cases) expect(resolver.resolveProvince(text)?.id, text).toBe(id)
  })
})
