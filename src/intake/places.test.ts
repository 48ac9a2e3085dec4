/** Spotting place names in the forms reports write them (fixtures in our own words). */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LocalitySchema } from '../model/locality.ts'
import { ProvinceSchema } from '../model/province.ts'
import { createPlaceFinder } from './places.ts'

const data = (f: string) => JSON.parse(fs.readFileSync(new URL(`../../data/${f}`, import.meta.url), 'utf8'))
const finder = createPlaceFinder({ localities: z.array(LocalitySchema).parse(data('gazetteer/localities.json')), provinces: z.array(ProvinceSchema).parse(data('gazetteer/provinces.json')) })
const spotted = (text: string) => finder.findPlaces(text).map((p) => [p.text, p.spotted.sort()])

describe('findPlaces', () => {
  it('gives each of several hangul names joined by · the unit word written once after the last', () => {
    const found = spotted('그는 3일 신양·북창·은산군의 공장 건설장을 돌아보았다.')
    expect(found.map(([t]) => t)).toEqual(['신양', '북창', '은산군'])
    expect(found.every(([, ids]) => (ids?.length ?? 0) > 0)).toBe(true)
  })

  it('reads a hangul name with its variant spelling in brackets before the unit word', () => {
    const found = spotted('낭림(랑림)군에 새 공장이 섰다.')
    expect(found).toHaveLength(1)
    expect(found[0]![1]).toContain('chagang.rangnim')
  })

  it('reads a German hyphenated compound with the unit word last', () => {
    const found = spotted('Im Kim-Hyong-Jik-Kreis wurden neue Fabriken eingeweiht.')
    expect(found).toHaveLength(1)
    expect(found[0]![1]).toContain('ryanggang.kim-hyong-jik')
  })

  it('does not make a lone · list out of words that are no places', () => {
    expect(spotted('공장·병원·은산군')).toEqual([['은산군', expect.any(Array)]])
  })
})

describe('findPlaces in katakana', () => {
  it('reads a Korean place written in katakana before its unit word by the Latin forms it sounds like', () => {
    const found = spotted('開城市ケプン区域で工場の竣工式が行われた。')
    expect(found.find(([t]) => t === 'ケプン区域')?.[1]).toContain('kaesong.kaepung')
  })

  it('reads several katakana names joined by ・ before one unit word', () => {
    const found = spotted('ソンチョン・ウンサン郡の工場')
    expect(found.map(([t]) => t)).toEqual(['ソンチョン', 'ウンサン郡'])
    expect(found[0]![1]).toContain('south-pyongan.songchon')
    expect(found[1]![1]).toContain('south-pyongan.unsan')
  })

  it('takes katakana without a unit word for no place', () => {
    expect(spotted('ケプンという店')).toEqual([])
  })
})
