/** Reports written in our own words in the forms real ones take: datelines, relative dates, round-ups, look-alike places, wrong provinces, other scripts, negatives. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LocalitySchema } from '../model/locality.ts'
import { ProvinceSchema } from '../model/province.ts'
import { InvalidInputError } from '../model/errors.ts'
import { createExtractor } from './extractReport.ts'
import { ExtractionSchema } from './types.ts'

const data = (f: string) => JSON.parse(fs.readFileSync(new URL(`../../data/${f}`, import.meta.url), 'utf8'))
const gazetteer = { localities: z.array(LocalitySchema).parse(data('gazetteer/localities.json')), provinces: z.array(ProvinceSchema).parse(data('gazetteer/provinces.json')) }
const projects = [2024, 2025, 2026].flatMap((y) => data(`dataset/projects-${y}.json`)).map((p: { locality: string; kinds: string[] }) => ({ locality: p.locality, kinds: p.kinds }))
const extractor = createExtractor(gazetteer, { projects })
const fixture = (name: string) => fs.readFileSync(new URL(`../../test/input/intake/${name}`, import.meta.url), 'utf8')
const run = (name: string, extra: Record<string, string> = {}) => extractor.extract({ text: fixture(name), ...extra })

describe('extractReport', () => {
  it('reads a KCNA-style report: dateline, the previous day, the leader present, the paper mill Ŭnsan', () => {
    const r = run('kcna-unsan-papermill.txt', { published: '2026-01-05' })
    expect(ExtractionSchema.parse(r)).toBeTruthy()
    expect(r.source).toMatchObject({ publisher: 'KCNA', published: '2025-12-29', language: 'en', kind: 'state_media' })
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({ type: 'inauguration', locality: 'south-pyongan.unsan', date: '2025-12-28', date_precision: 'day', leader_present: true, kinds: ['paper_mill'] })
    const e = r.events[0]!
    expect(r.text.slice(e.evidence_start, e.evidence_end)).toBe(e.evidence)
  })

  it('gives one event per county of a round-up and invents none for "19 other cities and counties"', () => {
    const r = run('vok-roundup.txt', { published: '2025-03-01' })
    expect(r.events.map((e) => [e.type, e.locality, e.date]).sort()).toEqual(
      [
        ['groundbreaking', 'north-hamgyong.puryong', '2025-02-28'],
        ['groundbreaking', 'pyongyang.kangdong', '2025-02-28'],
        ['groundbreaking', 'ryanggang.kim-jong-suk', '2025-02-28'],
        ['groundbreaking', 'south-hwanghae.jangyon', '2025-02-28'],
        ['groundbreaking', 'south-pyongan.unsan', '2025-02-28'],
      ].sort(),
    )
  })

  it('reads Korean: the dateline, 지난 11일, one inauguration that absorbs the completion', () => {
    const r = run('ko-kimhyongjik.txt', { published: '2025-02-20' })
    expect(r.source.publisher).toBe('KCNA')
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'ryanggang.kim-hyong-jik', '2025-02-11']])
  })

  it('reads Russian (Kontsevich spellings, declined unit words)', () => {
    const r = run('ru-jangyon.txt', { published: '2025-12-19' })
    expect(r.source).toMatchObject({ publisher: 'TASS', language: 'ru' })
    expect(r.events.map((e) => [e.type, e.locality, e.date, e.leader_present])).toEqual([['inauguration', 'south-hwanghae.jangyon', '2025-12-18', true]])
  })

  it('keeps a wrong province as the text says it without moving the place', () => {
    const r = run('wrong-province.txt', { published: '2024-03-05' })
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({ locality: 'south-pyongan.songchon', province: 'north-pyongan', province_conflict: true, date: '2024-02-28' })
  })

  it('gives no events for another country\'s regional development', () => {
    expect(run('negative-foreign.txt').events).toEqual([])
  })

  it('leaves the two Unsans ambiguous when nothing tells them apart', () => {
    const plain = createExtractor(gazetteer)
    const r = plain.extract({ text: 'Pyongyang, March 5 (KCNA) -- An inauguration ceremony of regional-industry factories in Unsan County took place on March 4.', published: '2025-03-05' })
    expect(r.events[0]).toMatchObject({ locality: null, candidates: expect.arrayContaining(['north-pyongan.unsan', 'south-pyongan.unsan']) })
  })

  it('reduces HTML to the article and keeps month and year precision', () => {
    const html = `<html><head><title>Site</title></head><body><nav>Home News Archive</nav><article><h1>Hospital opened</h1><p>Pyongyang, January 3 (KCNA) -- A new county hospital built under the Regional Development 20×10 Policy in Kangdong County was opened last month, and others will follow this year.</p></article></body></html>`
    const r = extractor.extract({ html, published: '2026-01-04' })
    expect(r.text).not.toContain('Archive')
    expect(r.events[0]).toMatchObject({ type: 'inauguration', locality: 'pyongyang.kangdong', date: '2025-12', date_precision: 'month', kinds: ['hospital'] })
  })

  it('refuses empty, binary and oversized input with a clear error', () => {
    expect(() => extractor.extract({ text: '  ' })).toThrow(InvalidInputError)
    expect(() => extractor.extract({ text: 'abc\u0000def' })).toThrow(/binary/)
    expect(() => extractor.extract({ text: 'a'.repeat(1_000_001) })).toThrow(/longer/)
    expect(() => extractor.extract({})).toThrow(/text or html/)
  })

  describe('forms found on real reports (fixtures in our own words)', () => {
    const events = (text: string, extra: Record<string, string> = {}) => extractor.extract({ text, ...extra }).events.map((e) => [e.type, e.locality, e.date]).sort()

    it('dates each place of a round-up by the date in brackets after it', () => {
      const text = '朝鮮中央通信によると、「地方発展20×10政策」の地方工業工場の竣工式が、平安北道の球場郡(1月24日)、慈江道の雩時郡(25日)、江原道の高山郡(29日)で相次いで行われた。'
      expect(events(text, { published: '2025-02-01' })).toEqual([
        ['inauguration', 'chagang.usi', '2025-01-25'],
        ['inauguration', 'kangwon.kosan', '2025-01-29'],
        ['inauguration', 'north-pyongan.kujang', '2025-01-24'],
      ])
    })

    it('reads a Chinese-character name without its unit after a region word, and not 香山 inside 妙香山地区', () => {
      const text = '【北京共同】朝鮮中央通信は14日、金正恩総書記が13日に北西部亀城で地方病院の完工式に出席したと報じた。式の後、妙香山地区の施設も紹介された。'
      const r = extractor.extract({ text, published: '2025-12-14' })
      expect(r.events.map((e) => [e.type, e.locality, e.date, e.leader_present])).toEqual([['inauguration', 'north-pyongan.kusong', '2025-12-13', true]])
    })

    it('folds a tour written with a coarser date ("this year") into the ceremony it holds', () => {
      const text = '朝鮮中央通信は14日、金正恩総書記が13日に北西部亀城で地方病院の完工式に出席したと報じた。院内を視察した金氏は、今年の成果を強調した。'
      expect(events(text, { published: '2025-12-14' })).toEqual([['inauguration', 'north-pyongan.kusong', '2025-12-13']])
    })

    it('gives the groundbreaking written onto a place beside the ceremony of the sentence', () => {
      const text = '조선중앙통신은 지난해 3월 착공한 은파군 지방공업공장의 준공식이 10일 진행됐다고 11일 보도했다.'
      expect(events(text, { published: '2025-01-11' })).toEqual([
        ['groundbreaking', 'north-hwanghae.unpa', '2024-03'],
        ['inauguration', 'north-hwanghae.unpa', '2025-01-10'],
      ])
    })

    it('gives a tour written onto a place instead of a ceremony named far from it', () => {
      const text = '조선중앙통신에 의하면 총비서는 지방발전 20×10 정책에 따른 첫 공장 착공식에서 지방의 락후성을 털어버리자는 연설을 하였으며 이에 앞서 정책의 본보기로 된 강원도 김화군 공장을 돌아보았다.'
      expect(events(text, { published: '2024-03-12' }).map((e) => e.slice(0, 2))).toEqual([['leader_visit', 'kangwon.kimhwa']])
    })

    it('ignores places quoted from a speech at a ceremony held elsewhere, and conditionals', () => {
      const text = '강동군 병원 준공식이 19일 진행되었다. 김정은은 준공식 연설에서 "구성시병원과 룡강군병원까지 준공하게 되면 올해 6개의 의료시설이 생긴다"고 말했다.'
      expect(events(text, { published: '2025-11-20' })).toEqual([['inauguration', 'pyongyang.kangdong', '2025-11-19']])
    })

    it('does not read "nine months after the groundbreaking" or "at the completion stage" as happenings', () => {
      const text = '지방발전 20×10 정책에 따라 강동군 병원이 착공 9개월 만에 준공을 앞두고 있다. 김정은은 지난 10월 30일 완공 단계에 들어선 강동군 병원을 현지 시찰했다.'
      expect(events(text, { published: '2025-11' })).toEqual([['leader_visit', 'pyongyang.kangdong', '2025-10-30']])
    })

    it('reads Russian "opened" as an opening and the English "construction of … launched" as a groundbreaking', () => {
      expect(events('По данным ЦТАК, в рамках политики "20 10" в уезде Кандон открыты новые фабрики местной промышленности.', { published: '2025-12-20' })).toEqual([['inauguration', 'pyongyang.kangdong', null]])
      expect(events('Under the Regional Development 20×10 Policy of the DPRK, the construction of Kangdong County Hospital was launched in February this year.', { published: '2025-11-20' })).toEqual([['groundbreaking', 'pyongyang.kangdong', '2025-02']])
    })

    it('reads French plural ceremonies, Spanish "fin de obras" and a German day with its month', () => {
      expect(events('Selon la KCNA, des cérémonies de lancement de chantiers ont eu lieu dans les comtés de Kangnam et de Maengsan, pour la politique de développement régional 20×10 de la Corée du Nord.', { published: '2026-02-04' })).toEqual([
        ['groundbreaking', 'pyongyang.kangnam', null],
        ['groundbreaking', 'south-pyongan.maengsan', null],
      ])
      expect(events('Pyongyang (ACNC) -- La ceremonia de fin de obras de las fábricas de la industria local del distrito de Sepho, de la política 20×10, se celebró el lunes 29.', { published: '2025-12-30' })).toEqual([['inauguration', 'kangwon.sepho', '2025-12-29']])
      expect(events('Nordkorea (KCNA): Am 20. Dezember gab es die Einweihung der örtlichen Industriebetriebe des Kreises Koksan nach der 20×10 Politik.', { published: '2025-12-21' })).toEqual([['inauguration', 'north-hwanghae.koksan', '2025-12-20']])
    })

    it('places a month-named date when the page gives only the year, and nothing from a weekday', () => {
      expect(events('In North Korea, Kim Jong Un attended the groundbreaking ceremony of regional-industry factories in Songchon County late in February.', { published: '2024' })).toEqual([['groundbreaking', 'south-pyongan.songchon', '2024-02']])
      expect(events('In North Korea, Kim Jong Un attended the groundbreaking ceremony of regional-industry factories in Songchon County on Wednesday.', { published: '2024' })).toEqual([['groundbreaking', 'south-pyongan.songchon', null]])
    })

    it('takes the leader by his surname once named in full, and German "besucht"', () => {
      expect(events('North Korean leader Kim Jong Un turned to civilian matters, state media said. KCNA reported that Kim visited construction sites of the regional-industry factories in Songchon County on Tuesday.', { published: '2024-11-20' }).map((e) => e.slice(0, 2))).toEqual([['leader_visit', 'south-pyongan.songchon']])
      expect(events('Nordkoreas Machthaber Kim Jong-un hat die Baustellen der örtlichen Industriebetriebe der 20×10 Politik im Landkreis Sinyang am Mittwoch besucht, berichtete KCNA.', { published: '2025-12-05' })).toEqual([['leader_visit', 'south-pyongan.sinyang', '2025-12-03']])
    })

    it('reads the French "inauguration de la construction" as a groundbreaking', () => {
      expect(events("Pyongyang (KCNA) -- La cérémonie d'inauguration de la construction des usines de l'industrie locale dans l'arrondissement de Songchon, selon la politique de développement local 20×10, a eu lieu le 28 février.", { published: '2024-02-29' })).toEqual([['groundbreaking', 'south-pyongan.songchon', '2024-02-28']])
    })
  })
})

describe('extractReport: Japanese wording', () => {
  it('reads a ceremony "declaring the completion" as the inauguration, and 地方の経済発展 as the programme', () => {
    const text = '【平壌＝共同】朝鮮中央通信は21日、平安南道成川郡で20日、地方の経済発展のために建てられた工場の竣工を宣布する盛大な儀式が行われたと報じた。'
    const r = extractor.extract({ text, published: '2025-12-21' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'south-pyongan.songchon', '2025-12-20']])
  })

  it('reads a visit by the leader to a place written in katakana in a report that names the regional economy', () => {
    const text = '朝鮮中央通信によると、金正恩総書記は15日、開城市ケプン区域を訪れ、地方経済を発展させるための病院の建設現場を視察した。'
    const r = extractor.extract({ text, published: '2025-08-16' })
    expect(r.events.map((e) => [e.type, e.locality, e.date, e.leader_present])).toEqual([['leader_visit', 'kaesong.kaepung', '2025-08-15', true]])
  })
})

describe('extractReport: plans far after the happening', () => {
  const base = 'PYONGYANG, June 3 (KCNA) -- Kim Jong Un, General Secretary of the WPK, looked at the regional development plans.'
  it('keeps a visit whose sentence ends with a call for next year', () => {
    const r = extractor.extract({ text: `${base} Kim visited the site of the regional industry factories in Songchon County on June 2, where he praised the builders and called for a faster pace of work next year.`, published: '2025-06-03' })
    expect(r.events.map((e) => [e.type, e.locality])).toEqual([['leader_visit', 'south-pyongan.songchon']])
  })

  it('still takes a happening with a plan word right beside it for one to come', () => {
    const r = extractor.extract({ text: `${base} Construction of the regional industry factories in Songchon County will be started next year.`, published: '2025-06-03' })
    expect(r.events).toEqual([])
  })
})

describe('extractReport: a happening dated in one sentence and placed in the next', () => {
  it('gives the place named after a dated visit without a place that visit\'s day', () => {
    const text = '金正恩総書記は7日、地方工業工場の建設現場を視察した。総書記がまず訪れたのは平安南道成川郡の工場だった。'
    const r = extractor.extract({ text, published: '2025-11-09' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['leader_visit', 'south-pyongan.songchon', '2025-11-07']])
  })
})

describe('extractReport: recaps of a series', () => {
  it('gives no completion to the place a series started with (…을 시작으로 … 까지)', () => {
    const text = '평양 2월 12일발 조선중앙통신 = 김형직군 지방공업공장 준공식이 11일 진행되였다. 지방발전 20×10 정책에 따라 지난해 말 성천군을 시작으로 이번에 김형직군까지 20개 군에 공장을 준공했다.'
    const r = extractor.extract({ text, published: '2025-02-12' })
    expect(r.events.map((e) => [e.type, e.locality])).toEqual([['inauguration', 'ryanggang.kim-hyong-jik']])
  })
})

describe('extractReport: Russian "commissioned"', () => {
  it('reads factories "handed over for use" (сданы в эксплуатацию) as the inauguration', () => {
    const text = 'ПХЕНЬЯН, 6 февраля. /ТАСС/. В уезде Кымья 5 февраля сданы в эксплуатацию фабрики местной промышленности, построенные по политике развития регионов "20 x 10".'
    const r = extractor.extract({ text, published: '2025-02-06' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'south-hamgyong.kumya', '2025-02-05']])
  })
})

describe('extractReport: ceremonies, visits and datelines written loosely', () => {
  it('reads a ceremony "held on … to mark the completion" as the inauguration, with the leader there', () => {
    const text = 'Pyongyang, December 16 (KCNA) -- Kim Jong Un attended the ceremony held on December 15 to mark the completion of the regional-industry factories in Hwangju County, North Hwanghae Province.'
    const r = extractor.extract({ text, published: '2025-12-16' })
    expect(r.events.map((e) => [e.type, e.locality, e.date, e.leader_present])).toEqual([['inauguration', 'north-hwanghae.hwangju', '2025-12-15', true]])
  })

  it('reads a Korean visit written 찾았다, dated by the day in brackets', () => {
    const text = '김정은 국무위원장이 그제(3일) 평안남도 은산군의 지방공업공장 건설 현장을 찾았다고 조선중앙통신이 5일 보도했다.'
    const r = extractor.extract({ text, published: '2026-02-05' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['leader_visit', 'south-pyongan.unsan', '2026-02-03']])
  })

  it('takes the year a dateline writes over the date the caller gave, and reads the German name of the policy', () => {
    const text = 'Pjöngjang, 3. Februar 2026 (KCNA) -- Im Kreis Songhwa fand am 2. Februar die Grundsteinlegung für neue Betriebe im Rahmen der Politik für die Entwicklung von örtlichen Gebieten statt.'
    const r = extractor.extract({ text, published: '2025-12-21' })
    expect(r.source.published).toBe('2026-02-03')
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['groundbreaking', 'south-hwanghae.songhwa', '2026-02-02']])
  })
})

describe('extractReport: folded visits, listed round-ups, bare months, loose policy names', () => {
  it('folds "visited X and attended the groundbreaking" into one groundbreaking at X (Japanese)', () => {
    const text = '北朝鮮メディアは8日、金正恩総書記が7日に黄海北道燕灘を訪れ、地方工場と病院を建てる計画の着工式に出席したと伝えた。'
    const r = extractor.extract({ text, published: '2026-03-08' })
    expect(r.events.map((e) => [e.type, e.locality, e.date, e.leader_present])).toEqual([['groundbreaking', 'north-hwanghae.yontan', '2026-03-07', true]])
  })

  it('keeps a visit made before a ceremony elsewhere ("これに先立って") as its own', () => {
    const text = '金正恩総書記は地方発展20×10政策の着工式で演説し、これに先立って江原道金化郡の工場を見て回った。'
    const r = extractor.extract({ text, published: '2024-03-01' })
    expect(r.events.map((e) => [e.type, e.locality])).toEqual([['leader_visit', 'kangwon.kimhwa']])
  })

  it('reads the places of a bulleted list after a sentence that names the ceremony and no place', () => {
    const text = ['「労働新聞」によると、地方発展20×10政策の地方工業工場の竣工式が3月12日、次の各地でも行われた。', '・ 咸鏡北道富寧郡(党書記出席)', '・ 慈江道長江郡', '・ 平安南道北倉郡'].join('\n')
    const r = extractor.extract({ text, published: '2026-03-13' })
    expect(r.events.map((e) => [e.type, e.locality, e.date]).sort()).toEqual(
      [
        ['inauguration', 'chagang.changgang', '2026-03-12'],
        ['inauguration', 'north-hamgyong.puryong', '2026-03-12'],
        ['inauguration', 'south-pyongan.pukchang', '2026-03-12'],
      ].sort(),
    )
  })

  it('reads a bare month in Chinese characters (2月に) in the year of the report, so a visit months later is not folded into it', () => {
    const text = '北朝鮮メディアは20日、金正恩総書記が平安南道成川郡を19日に訪れ、地方工業工場の建設現場を視察したと報じた。2月に成川郡で最初の着工式が開かれていた。'
    const r = extractor.extract({ text, published: '2024-11-20' })
    expect(r.events.map((e) => [e.type, e.locality, e.date]).sort()).toEqual(
      [
        ['groundbreaking', 'south-pyongan.songchon', '2024-02'],
        ['leader_visit', 'south-pyongan.songchon', '2024-11-19'],
      ].sort(),
    )
  })

  it('counts "regional factories" as the policy and reads "held a ceremony … to inaugurate"', () => {
    const text = 'North Korea keeps opening new regional factories, state media said on Wednesday. North Korea held a ceremony the previous day to inaugurate a light industry factory in Kilju, attended by senior officials.'
    const r = extractor.extract({ text, published: '2025-12-24' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'north-hamgyong.kilju', '2025-12-23']])
    const de = extractor.extract({ text: 'In Nordkorea werden weiter lokale Fabriken eingeweiht. In Kilju in der Provinz Nord-Hamgyong sei am Dienstag die Fertigstellung einer Fabrik gefeiert worden, berichtete KCNA am Mittwoch.', published: '2025-12-24' })
    expect(de.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'north-hamgyong.kilju', '2025-12-23']])
  })

  it('reads 현지에서 지도 as a visit and never takes 오늘(20일) as its date', () => {
    const text = '조선중앙통신은 김 위원장이 19일 평안남도 성천군 지방공업공장건설사업을 현지에서 지도했다고 오늘(20일) 전했다.'
    const r = extractor.extract({ text, published: '2024-11-20' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['leader_visit', 'south-pyongan.songchon', '2024-11-19']])
  })
})

describe('extractReport: page stamps and dates beside the place', () => {
  it('keeps a full date inside the first sentence as the happening\'s, not the page\'s', () => {
    const text = '김정은 국무위원장이 2025년 12월 13일 평안북도 구성시 병원 준공식에 참석했다.\n이 행사는 지방발전 20×10 정책과 2025년을 상징하는 사업이다.'
    const r = extractor.extract({ text, published: '2025-12-14' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'north-pyongan.kusong', '2025-12-13']])
  })

  it('still skips a date that opens a line as the page stamp', () => {
    const text = '2025年12月19日 長淵郡地方工業工場の竣工式を報道\n「地方発展20×10政策」長淵郡地方工業工場の竣工式が12月18日、金正恩出席の下で行われた。'
    const r = extractor.extract({ text })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'south-hwanghae.jangyon', '2025-12-18']])
  })

  it('gives a place of a dated round-up its bracketed day even when a headline names it first', () => {
    const text = '球場郡、雩時郡で地方産業工場が竣工\n朝鮮中央通信によると、「地方発展20×10政策」の地方産業工場が、平安北道の球場郡(1月24日)、慈江道の雩時郡(25日)でも竣工式が行われた。'
    const r = extractor.extract({ text, published: '2025-02-01' })
    expect(r.events.map((e) => [e.locality, e.date]).sort()).toEqual([['chagang.usi', '2025-01-25'], ['north-pyongan.kujang', '2025-01-24']])
  })
})

describe('extractReport: a happening recalled as a point in time', () => {
  it('does not read "built in less than a year since their ground-breaking" as a groundbreaking', () => {
    const text = 'Pyongyang, January 21 (KCNA) -- A ceremony of declaring the inauguration of regional-industry factories in Onchon County took place on January 20. The speaker said the factories were built in less than a year since their ground-breaking.'
    const r = extractor.extract({ text, published: '2025-01-21' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'nampo.onchon', '2025-01-20']])
  })
})

describe('extractReport: Spanish openings told loosely, plans and report days', () => {
  it('reads "the works concluded on Wednesday 19" and "el acto de finalización" as the inauguration, dated by the works, not by "informó el jueves 20"', () => {
    const text = 'Las obras del Hospital del condado de Kangdong, en Corea del Norte, concluyeron el miércoles 19 tras nueve meses de trabajo dentro de la política de desarrollo regional. Según informó el jueves 20 la agencia KCNA, el acto de finalización contó con la presencia de Kim Jong Un.'
    const r = extractor.extract({ text, published: '2025-11-20', language: 'es' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['inauguration', 'pyongyang.kangdong', '2025-11-19']])
  })

  it('takes no places from a plan ("se prevé abrir … en Kusong y Ryonggang") for a ceremony in the future tense', () => {
    const text = 'Kim Jong Un asistió al acto en Kangdong, dentro de la política de desarrollo regional. En la ceremonia dijo que este año se inaugurarán seis centros médicos. Antes de fin de año se prevé abrir dos hospitales, uno en la ciudad de Kusong y otro en el distrito de Ryonggang.'
    const r = extractor.extract({ text, published: '2025-11-20', language: 'es' })
    expect(r.events.map((e) => e.locality)).not.toContain('north-pyongan.kusong')
    expect(r.events.map((e) => e.locality)).not.toContain('nampo.ryonggang')
  })

  it('counts a county hospital under construction as the policy in Korean (강동군의 병원 건설)', () => {
    const text = '김정은 국무위원장이 30일 평양 외곽 강동군의 병원 건설 현장을 찾았다고 조선중앙통신이 31일 보도했다.'
    const r = extractor.extract({ text, published: '2025-10-31' })
    expect(r.events.map((e) => [e.type, e.locality, e.date])).toEqual([['leader_visit', 'pyongyang.kangdong', '2025-10-30']])
  })
})
