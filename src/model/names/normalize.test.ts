import { describe, expect, it } from 'vitest'
import { foldText, hangulKeys, hangulSkeleton, latinKeys, provinceParts, skeleton, stripAttachedSuffix } from './normalize.ts'

const skel = (text: string) => skeleton(latinKeys(text).spelled)

describe('spelled keys', () => {
  it('drops diacritics, every kind of apostrophe and case', () => {
    expect(foldText("Sŏngch'ŏn")).toBe('songchon')
    for (const s of ["Songch'on", 'Songch’on', 'Songch‘on', 'Songch`on', 'Songchʼon']) expect(foldText(s)).toBe('songchon')
    expect(foldText('Ŭnsan')).toBe('unsan')
    expect(foldText('성천군')).toBe('성천군')
  })

  it('cuts the unit suffix in English or Korean romanization, attached by a hyphen or apart', () => {
    const forms = [
      'Songchon', 'Songchon County', 'Songchon Country', 'Songchon-gun', 'Songchon gun', 'Songchon Kun', "Sŏngch'ŏn-gun",
      'Songchon City', 'Songchon-si', 'Songchon Shi', 'Songchon District', 'Songchon Dist.', 'Songchon-guyok', 'Songchon-guyŏk',
      'Songchon-kuyŏk', 'Songchon-gu', 'Songchon chigu', 'Songchon-jigu', 'Songchon-up', 'Songchon-ŭp', 'Songchon-eup', 'Songchon-ri',
    ]
    for (const f of forms) expect(latinKeys(f).spelled, f).toBe('songchon')
  })

  it('joins the words of a name, however they are broken', () => {
    for (const f of ['Kim Hyong Jik', 'Kimhyongjik', 'Kim Hyŏng-jik', 'Kim Hyong Jik County', 'Kimhyŏngjik-kun']) expect(latinKeys(f).spelled, f).toBe('kimhyongjik')
  })

  it('ends the name at the unit word, so what follows it is not part of the name', () => {
    expect(latinKeys('Ryonggang County Hospital').spelled).toBe('ryonggang')
    // …but never cuts the first word.
    expect(latinKeys('Si').spelled).toBe('si')
  })

  it('keeps MR diacritics and apostrophes in the marked key, one apostrophe for all', () => {
    expect(latinKeys('Ŭnsan County').marked).toBe('ŭnsan')
    expect(latinKeys('Sŏn’gyo-guyŏk').marked).toBe("sŏn'gyo")
    expect(latinKeys('Unsan').marked).toBe('unsan')
  })

  it('cuts a suffix glued to the name only on request, and never to under 3 letters', () => {
    expect(stripAttachedSuffix('songchongun')).toBe('songchon')
    expect(stripAttachedSuffix('ryonggangup')).toBe('ryonggang')
    expect(stripAttachedSuffix('taeanguyok')).toBe('taean')
    expect(stripAttachedSuffix('usi')).toBeNull()
    expect(stripAttachedSuffix('kimhwa')).toBeNull()
  })
})

describe('skeleton: romanization systems meet', () => {
  const same = (...forms: string[]) => {
    const keys = forms.map(skel)
    for (const [i, k] of keys.entries()) expect(k, forms[i]).toBe(keys[0])
  }

  it('folds DPRK h-aspiration and MR apostrophes onto the plain letter', () => {
    same('Jongpyong', 'Jongphyong', "Chŏngp'yŏng")
    same('Yontan', 'Yonthan', "Yŏnt'an")
    same('Unpa', 'Unpha', "Ŭnp'a")
    same('Sinpo', 'Sinpho', "Sinp'o")
    same('Kaepung', 'Kaephung', "Kaep'ung")
    same('Nampo', 'Nampho', "Namp'o")
  })

  it('folds RR vowels (eo, eu) and voiced stops (g d b j) onto MR', () => {
    same('Gyeongseong', 'Kyongsong', 'Kyŏngsŏng')
    same('Jeongpyeong', 'Jongpyong', 'Chongpyong')
    same('Daegwan', 'Taegwan')
    same('Baecheon', 'Paechon')
    same('Seongcheon', 'Songchon')
    same('Geumya', 'Kumya')
    same('Kabsan', 'Kapsan')
    same('Sinkye', 'Singye', "Sin'gye")
  })

  it('applies the initial-sound rule: r/ry/ri/ny at the start', () => {
    same('Ryonggang', 'Yonggang')
    same('Rangnim', 'Nangnim')
    same('Riwon', 'Iwon')
    same('Nyongbyon', 'Yongbyon', 'Yeongbyeon')
    same('Rajin', 'Najin')
  })

  it('reads ㄹ after a consonant as n, l as r, and ignores doubled letters', () => {
    same('Songrim', 'Songnim')
    same('Kangryong', 'Kangnyong')
    same('Cholwon', 'Chorwon')
    same('Ryonggang', 'Ryongang')
  })

  it('keeps names apart that differ in more than spelling system', () => {
    expect(skel('Songchon')).not.toBe(skel('Sonchon'))
    expect(skel('Unsan')).not.toBe(skel('Insan'))
    expect(skel('Kusong')).not.toBe(skel('Kosong'))
  })
})

describe('hangul keys', () => {
  it('compares with and without the unit suffix', () => {
    expect(hangulKeys('성천군')).toEqual({ full: '성천군', stripped: '성천' })
    expect(hangulKeys('성천')).toEqual({ full: '성천', stripped: null })
    expect(hangulKeys('대안구역').stripped).toBe('대안')
    expect(hangulKeys('금호지구').stripped).toBe('금호')
  })

  it('applies the initial-sound rule to the first syllable', () => {
    expect(hangulSkeleton('룡강')).toBe(hangulSkeleton('용강'))
    expect(hangulSkeleton('랑림')).toBe(hangulSkeleton('낭림'))
    expect(hangulSkeleton('리원')).toBe(hangulSkeleton('이원'))
    expect(hangulSkeleton('녕변')).toBe(hangulSkeleton('영변'))
    expect(hangulSkeleton('성천')).toBe('성천')
  })
})

describe('province parts', () => {
  it('reads the direction however it is written', () => {
    for (const f of ['South Pyongan', 'South Phyongan Province', "P'yŏngan-namdo", 'Pyongannam-do', 'Pyongannamdo', 'south-pyongan', 'S. Pyongan']) {
      expect(provinceParts(f).dir, f).toBe('south')
      expect(skeleton(provinceParts(f).stem), f).toBe(skeleton('pyongan'))
    }
    expect(provinceParts('평안북도')).toEqual({ dir: 'north', stem: '평안', script: 'hangul' })
    expect(provinceParts('평북')).toEqual({ dir: 'north', stem: '평', script: 'hangul' })
    expect(provinceParts('Nampho Municipality')).toEqual({ dir: '', stem: 'nampho', script: 'latin' })
    expect(provinceParts('남포시')).toEqual({ dir: '', stem: '남포', script: 'hangul' })
  })
})
