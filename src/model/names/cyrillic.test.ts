import fs from 'node:fs'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { LocalitySchema } from '../locality.ts'
import { ProvinceSchema } from '../province.ts'
import { cyrillicKey, cyrillicProvinceParts, kontsevich } from './cyrillic.ts'
import { createResolver } from './resolve.ts'

const gazetteerFile = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../../data/gazetteer/${name}`, import.meta.url), 'utf8'))
const localities = z.array(LocalitySchema).parse(gazetteerFile('localities.json'))
const provinces = z.array(ProvinceSchema).parse(gazetteerFile('provinces.json'))
const resolver = createResolver({ localities, provinces })

describe('Kontsevich transcription of hangul', () => {
  it('writes the forms Russian sources use', () => {
    const pairs: [string, string][] = [
      ['성천', 'Сончхон'], ['선천', 'Сончхон'], ['강동', 'Кандон'], ['평양', 'Пхёнян'], ['남포', 'Нампхо'],
      ['개성', 'Кэсон'], ['함경', 'Хамгён'], ['평안', 'Пхёнан'], ['청진', 'Чхончжин'], ['신의주', 'Синыйчжу'],
      ['룡강', 'Рёнган'], ['송림', 'Сонним'], ['천리마', 'Чхоллима'], ['락랑', 'Раннан'], ['원산', 'Вонсан'],
    ]
    for (const [hangul, cyr] of pairs) expect(kontsevich(hangul).toLowerCase(), hangul).toBe(cyr.toLowerCase())
  })
})

describe('the Cyrillic key', () => {
  it('meets press spellings and the strict system', () => {
    expect(cyrillicKey('Пхеньян')).toBe(cyrillicKey('Пхёнъян'))
    expect(cyrillicKey('Чхонджин')).toBe(cyrillicKey('Чхончжин'))
    expect(cyrillicKey('Рёнган')).toBe(cyrillicKey('Ёнган'))
  })

  it('drops unit words before or after the name, and the adjective ending', () => {
    for (const t of ['уезд Сончхон', 'Сончхон уезд', 'Сончхон-гун', 'Сончхонский уезд', 'Сончхонский']) expect(cyrillicKey(t), t).toBe(cyrillicKey('Сончхон'))
    expect(cyrillicKey('город Нампхо')).toBe(cyrillicKey('Нампхо'))
    expect(cyrillicKey('Кандон р-н')).toBe(cyrillicKey('Кандон'))
  })

  it('reads the direction of a province', () => {
    for (const t of ['Пхёнан-Намдо', 'провинция Южный Пхёнан', 'Южная Пхёнан', 'Пхёнаннамдо']) expect(cyrillicProvinceParts(t), t).toEqual({ dir: 'south', stem: cyrillicKey('Пхёнан') })
    expect(cyrillicProvinceParts('Хамгён-Пукто').dir).toBe('north')
  })
})

describe('resolution of Russian names', () => {
  it('finds localities in Kontsevich spelling without any listed Cyrillic form', () => {
    const cases: [string, string][] = [
      ['Кандон', 'pyongyang.kangdong'], ['уезд Кандон', 'pyongyang.kangdong'], ['Чхонджин', 'north-hamgyong.chongjin'],
      ['Синыйджу', 'north-pyongan.sinuiju'], ['Хамхын', 'south-hamgyong.hamhung'], ['Вонсан', 'kangwon.wonsan'],
      ['Рёнган', 'nampo.ryonggang'], ['Кимчхэк', 'north-hamgyong.kimchaek'], ['Хэджу', 'south-hwanghae.haeju'],
      ['Саривон', 'north-hwanghae.sariwon'], ['Самджиён', 'ryanggang.samjiyon'], ['Ким Хён Джик', 'ryanggang.kim-hyong-jik'],
    ]
    for (const [text, id] of cases) {
      const m = resolver.resolveLocality(text)
      expect(m.status === 'match' && m.locality, `${text}: ${JSON.stringify(m)}`).toBe(id)
      expect(m.status === 'match' && m.method).toBe('normalised')
    }
  })

  it('calls Сончхон ambiguous between 성천 and 선천 until a province decides', () => {
    const bare = resolver.resolveLocality('Сончхон')
    expect(bare.status).toBe('ambiguous')
    expect(bare.candidates.map((c) => c.id).sort()).toEqual(['north-pyongan.sonchon', 'south-pyongan.songchon'])
    expect(resolver.resolveLocality('Сончхон', { province: 'Пхёнан-Намдо' })).toMatchObject({ status: 'match', locality: 'south-pyongan.songchon' })
    expect(resolver.resolveLocality('Сончхон, провинция Северный Пхёнан')).toMatchObject({ status: 'match', locality: 'north-pyongan.sonchon' })
  })

  it('finds province-level units, and never a county for them', () => {
    const cases: [string, string][] = [
      ['Пхеньян', 'pyongyang'], ['Нампхо', 'nampo'], ['Кэсон', 'kaesong'], ['Расон', 'rason'], ['город Кэсон', 'kaesong'],
      ['Пхёнан-Намдо', 'south-pyongan'], ['Хамгён-Пукто', 'north-hamgyong'], ['Чагандо', 'chagang'], ['Рянгандо', 'ryanggang'],
      ['Канвондо', 'kangwon'], ['провинция Южная Хванхэ', 'south-hwanghae'], ['Хванхэ-Пукто', 'north-hwanghae'],
    ]
    for (const [text, id] of cases) {
      const m = resolver.resolve(text)
      expect(m.status === 'match' && `${m.level}:${m.id}`, `${text}: ${JSON.stringify(m)}`).toBe(`province:${id}`)
      expect(resolver.resolveLocality(text)).toMatchObject({ status: 'none', reason: 'province-level', province: { id } })
    }
  })

  it('tolerates one slip in a long Cyrillic name, and says so', () => {
    const m = resolver.resolveLocality('Синийджу')
    expect(m).toMatchObject({ status: 'match', locality: 'north-pyongan.sinuiju', method: 'fuzzy', distance: 1 })
  })
})
