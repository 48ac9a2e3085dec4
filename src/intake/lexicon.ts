/**
 * @module The words each intake language uses for what the tracker records: the happenings (our
 * event types), the facilities (our kinds), the leader and his being there, the programme itself,
 * and the country. One table per language, each a list of patterns; `lexiconFor` picks one.
 *
 * Patterns are written for the forms state media and the press use, in their own wording per
 * outlet (KCNA's "inauguration ceremony", Yonhap's "completion ceremony", 준공식, 竣工式, 竣工仪式,
 * "церемония сдачи", "inauguración", "cérémonie d'inauguration", "Einweihung").
 */
import type { EventType, FacilityKind } from '../model/vocab.ts'
import type { IntakeLanguage } from './types.ts'

export interface Lexicon {
  /** Happenings, most specific first: a ceremony word beats a plain verb. */
  events: { type: EventType; re: RegExp; ceremony: boolean }[]
  kinds: { kind: FacilityKind; re: RegExp }[]
  /** The leader by name or title. */
  leader: RegExp
  /** Being there in person: attending, speaking, cutting the tape, touring. */
  presence: RegExp
  /** The policy or its facilities, by name: a report that names none is about something else. */
  programme: RegExp
  /** North Korea, so reports about other countries' regional development stay out. */
  country: RegExp
  /** Round-ups that count places without naming them ("19 other cities and counties"). */
  unnamedOthers: RegExp
  /** Looking ahead: plans and calls are no happening. */
  future: RegExp
  /** Words just before a happening that make it one still to come ("about to be inaugurated", "ahead of"). */
  notYetBefore: RegExp
  /** Words just after one that do the same (준공을 앞둔: "ahead of completion"). */
  notYetAfter: RegExp
  /** A ceremony named without its kind ("the ceremony took place…"): it is the report's ceremony. */
  ceremonyWord: RegExp
}

const en: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /\bground[- ]?breaking\b|\bbroke\s+ground\b|\bfirst\s+spade(?:ful)?\b|\bfoundation[- ]stone\b|\bceremon(?:y|ies)\s+(?:for|of|marking)\s+(?:the\s+)?(?:start|launch|beginning)\s+of\s+(?:the\s+)?construction\b/i },
    { type: 'inauguration', ceremony: true, re: /\binaugur\w*|\b(?:was|were|been)\s+(?:officially\s+)?opened\b|\bcompletion\s+ceremon\w*|\bceremon\w*\s+(?:marking|for|to\s+mark|celebrating|of)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:completion|inauguration|opening)\b|\bceremon\w*\s+(?:(?:was\s+)?held|took\s+place)\s+(?:\S+\s+){0,6}?(?:marking|to\s+mark|celebrating|for)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:completion|inauguration|opening)\b|\bopening\s+ceremon\w*|\b(?:cut|cutting)\s+(?:the\s+)?(?:inaugural\s+)?(?:tape|ribbon)\b|\btape[- ]cutting\b|\bribbon[- ]cutting\b/i },
    { type: 'production_start', ceremony: false, re: /\b(?:started|began|begun|commenced|starting|beginning)\s+(?:(?:its|their|the)\s+)?(?:trial\s+)?(?:production|operation)s?\b|\bwent\s+into\s+(?:operation|production)\b|\bput\s+into\s+operation\b/i },
    { type: 'leader_visit', ceremony: false, re: /\binspected\b|\bvisited\b|\btoured\b|\blooked\s+(?:round|around)\b|\bwent\s+round\b|\bfield\s+guidance\b|\bon-the-spot\s+guidance\b|\binspection\b|\bmade\s+a\s+(?:tour|visit)\b/i },
    { type: 'groundbreaking', ceremony: false, re: /\b(?:started|began|launched|start(?:ing)?\s+of|launch(?:ing)?\s+of|beginning\s+of)\s+(?:the\s+)?construction\b|\bconstruction\s+(?:was\s+|has\s+)?(?:started|began|begun|launched)\b|\bconstruction\s+of\s+(?:the\s+)?(?:\S+\s+){1,5}?(?:was\s+|were\s+)?(?:started|begun|launched)\b/i },
    { type: 'completion', ceremony: false, re: /\b(?:were|was|been|are|is|have\s+been|has\s+been)\s+(?:newly\s+|successfully\s+|splendidly\s+)?(?:completed|built|finished|erected)\b|\bcompletion\s+of\s+(?:the\s+)?(?:construction|factories|hospital)\b|\bconstruction\s+(?:was\s+|has\s+been\s+)?(?:completed|finished)\b|\bcompleted\s+(?:the\s+)?construction\b/i },
    { type: 'construction_stage', ceremony: false, re: /\bunder\s+construction\b|\bconstruction\s+(?:is|was|are)\s+(?:progressing|going\s+on|under\s*way|in\s+full\s+swing)\b|\bframe\s+(?:work|construction)\b|\bfinishing\s+work\b/i },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /\bfood(?:stuff)?s?(?:[- ]processing)?\s+(?:factor|plant|mill)|\bfoodstuff\b|\bfood\s+factor/i },
    { kind: 'garment_factory', re: /\bgarment|\bclothing\s+factor|\bclothes\s+factor/i },
    { kind: 'daily_necessities_factory', re: /\bdaily\s+necessit|\bbasic\s+necessit|\bessential\s+goods|\bconsumer\s+goods\s+factor/i },
    { kind: 'paper_mill', re: /\bpaper\s+(?:mill|factor|plant)/i },
    { kind: 'hospital', re: /\bhospital/i },
    { kind: 'leisure_complex', re: /\bleisure|\b(?:general\s+|comprehensive\s+)?service\s+(?:complex|centre|center|station)/i },
    { kind: 'offshore_farm', re: /\boffshore\s+(?:farm|aquafarm)|\baquafarm|\bfish\s+farm/i },
    { kind: 'grain_management_station', re: /\bgrain\s+(?:management|administration)/i },
    { kind: 'seafood_processing', re: /\bseafood\s+processing|\bfish\s+processing/i },
    { kind: 'housing', re: /\bhous(?:es|ing)\b|\bdwelling/i },
  ],
  leader: /\bKim\s+Jong[- ]?Un\b|\bKim\s+Jong-un\b|\b(?:the\s+)?General\s+Secretary\b|\bSupreme\s+Leader\b|\bNorth\s+Korean\s+leader\b|\bthe\s+leader\b/i,
  presence: /\battend(?:ed|s|ing)?\b|\bin\s+attendance\b|\b(?:was|were)\s+present\b|\bpresent\s+(?:at|there)\b|\bdelivered\s+(?:a|an|the)\s+(?:\w+\s+)?(?:speech|address)\b|\bmade\s+(?:a|an)\s+(?:\w+\s+)?(?:speech|address)\b|\bcut\s+the\b|\btook\s+part\b|\bparticipated\b|\binspected\b|\bvisited\b|\btoured\b|\blooked\s+(?:round|around)\b|\bgave\s+(?:field|on-the-spot)\s+guidance\b|\bwent\s+round\b/i,
  programme: /20\s?[×x*]\s?10|regional[- ]industry|regional[- ]development|local[- ]industry|regional\s+hospital|county\s+hospital|regional\s+rejuvenation|provincial\s+development|(?:regional|local)(?:[- ]industrial)?\s+(?:light[- ]industry\s+)?(?:factor(?:y|ies)|plants?)\b/i,
  country: /\bDPRK\b|North\s+Korea|\bKCNA\b|Pyongyang|Korean\s+People|Workers'\s+Party|\bWPK\b|Rodong\s+Sinmun|Kim\s+Jong[- ]?Un/i,
  unnamedOthers: /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|nineteen|several|many)\s+other\s+(?:cities|counties|places|regions|areas)\b|\band\s+other\s+(?:cities|counties|regions)\b/i,
  future: /\bwill\s+be\b|\bplans?\s+to\b|\bare\s+to\s+be\b|\bis\s+to\s+be\b|\bscheduled\b|\bnext\s+year\b|\bto\s+be\s+built\b/i,
  notYetBefore: /(?:\bwill\s+(?:be\s+)?|\bto\s+be\s+|\bahead\s+of\s+(?:the\s+|its\s+|their\s+)?|\babout\s+to\s+(?:be\s+)?|\bbefore\s+(?:the\s+|its\s+)?|\bnearing\s+|\bpending\s+|\bupcoming\s+|\bsince\s+(?:the\s+|its\s+|their\s+)?|\b(?:months?|weeks?|days?|years?)\s+(?:after|from)\s+(?:the\s+|its\s+|their\s+)?)$/i,
  notYetAfter: /^$/,
  ceremonyWord: /\bceremon(?:y|ies)\b/i,
}

const ko: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /착공식|착공모임|착공의\s*첫삽|첫삽/ },
    { type: 'inauguration', ceremony: true, re: /준공식|준공테프|개업식|개원식|조업식|준공\s*의식/ },
    { type: 'production_start', ceremony: false, re: /생산을\s*시작|생산에\s*들어|조업을\s*시작|첫\s*생산|시운전/ },
    { type: 'leader_visit', ceremony: false, re: /현지지도|현지에서\s*지도|현지료해|돌아보|둘러보|찾으시|찾아|찾았|시찰|료해|방문|점검/ },
    { type: 'groundbreaking', ceremony: false, re: /착공(?!식)|건설을\s*시작|건설이\s*시작|건설에\s*착수/ },
    { type: 'completion', ceremony: false, re: /완공|준공(?!식|테프|\s*테이프|을\s*앞)|일떠섰|건설되였|건설됐|건설되었|완공되/ },
    { type: 'construction_stage', ceremony: false, re: /골조공사|마감공사|건설이\s*한창|건설이\s*진행|건설장/ },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /식료|식품공장|기초식품/ },
    { kind: 'garment_factory', re: /피복|의류공장|옷공장/ },
    { kind: 'daily_necessities_factory', re: /일용품|생활필수품|일용/ },
    { kind: 'paper_mill', re: /종이공장|제지공장|제지|종이/ },
    { kind: 'hospital', re: /병원/ },
    { kind: 'leisure_complex', re: /종합봉사|봉사소|봉사기지|문화휴식|휴양/ },
    { kind: 'offshore_farm', re: /양식장|가두리|바다농장/ },
    { kind: 'grain_management_station', re: /량정사업소|양정사업소/ },
    { kind: 'seafood_processing', re: /수산물가공|수산물\s*가공/ },
    { kind: 'housing', re: /살림집|주택/ },
  ],
  leader: /김정은|총비서|위원장|원수님|경애하는/,
  presence: /참석|참가|연설|돌아보|현지지도|테프를\s*끊|모시고|찾으시|료해|보셨/,
  programme: /20\s?[×x*]\s?10|지방발전|지방공업|지방진흥|지방산업|지방경제|지역발전|시[,·\s]*군\s*병원|군병원|지방병원|[가-힣]군의?\s*병원\s*건설/,
  country: /조선|북한|북측|평양|김정은|노동당|로동당|조선중앙통신/,
  unnamedOthers: /(?:\d+|여러)\s*개?\s*(?:다른\s*)?시[,·\s]*군(?:들)?에서|다른\s*\d+\s*개\s*시[,·\s]*군/,
  future: /(?:할|될)\s*예정|계획이다|하기로|할\s*것/,
  notYetBefore: /(?:앞두고|앞둔)\s*$/,
  notYetAfter: /^\s*(?:을|를)?\s*(?:앞둔|앞두고|눈앞|예정|할\s*예정|하게\s*되면|하면|되면|단계|\d+\s*(?:개월|년|일|주)여?\s*만)/,
  ceremonyWord: /(?:의식|행사|기념식)/,
}

const ja: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /着工式|起工式|鍬入れ/ },
    { type: 'inauguration', ceremony: true, re: /竣工式|落成式|完工式|開業式|操業式|開院式|竣工を(?:宣布|宣言)する(?:盛大な)?(?:儀式|式典)|竣工テープ/ },
    { type: 'production_start', ceremony: false, re: /生産を開始|操業を開始|稼働を開始|生産を始め/ },
    { type: 'leader_visit', ceremony: false, re: /現地指導|視察|見て回|訪問し|訪れ|点検/ },
    { type: 'groundbreaking', ceremony: false, re: /着工|建設(?:を|が)(?:開始|始ま)|建設に着手/ },
    { type: 'completion', ceremony: false, re: /完成し|竣工し|完工し|建設され/ },
    { type: 'construction_stage', ceremony: false, re: /建設中|建設が進/ },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /食料品|食品/ },
    { kind: 'garment_factory', re: /被服|衣料|衣服/ },
    { kind: 'daily_necessities_factory', re: /日用品|生活必需品/ },
    { kind: 'paper_mill', re: /製紙|紙工場/ },
    { kind: 'hospital', re: /病院/ },
    { kind: 'leisure_complex', re: /総合奉仕|サービス|休養/ },
    { kind: 'offshore_farm', re: /養殖/ },
    { kind: 'grain_management_station', re: /糧政/ },
    { kind: 'seafood_processing', re: /水産物加工|水産加工/ },
    { kind: 'housing', re: /住宅/ },
  ],
  leader: /金正恩|総書記|委員長/,
  presence: /出席|参加|演説|視察|訪れ|現地指導|見て回/,
  programme: /20\s?[×x*]\s?10|地方発展|地方の(?:経済)?発展|地方経済|地方工業|地方病院|地域発展|地方振興|地方産業/,
  country: /北朝鮮|朝鮮|平壌|金正恩|労働党|労働新聞|朝鮮中央通信/,
  unnamedOthers: /他の\s*\d+\s*の?(?:市|郡)|\d+\s*の?(?:市・郡|市郡)/,
  future: /予定|計画|方針/,
  notYetBefore: /(?:予定の|控えた)\s*$/,
  notYetAfter: /^\s*(?:を控え|を前に|予定|する予定|される予定)/,
  ceremonyWord: /式典|記念式/,
}

const zh: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /开工仪式|開工儀式|奠基仪式|奠基儀式|动工仪式|動工儀式|开工典礼|開工典禮|开工式|開工式|奠基式|动工式|動工式|着工式|破土/ },
    { type: 'inauguration', ceremony: true, re: /竣工仪式|竣工儀式|竣工典礼|竣工典禮|竣工式|落成仪式|落成儀式|落成典礼|落成典禮|落成式|投产仪式|开业仪式|剪彩/ },
    { type: 'production_start', ceremony: false, re: /投产|投入生产|投入运营|开始生产/ },
    { type: 'leader_visit', ceremony: false, re: /现地指导|現地指導|视察|視察|参观了|考察/ },
    { type: 'groundbreaking', ceremony: false, re: /开工|開工|动工|動工|开始建设|開始建設/ },
    { type: 'completion', ceremony: false, re: /竣工|建成|完工|落成/ },
    { type: 'construction_stage', ceremony: false, re: /在建|正在建设|施工中/ },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /食品/ },
    { kind: 'garment_factory', re: /服装|被服/ },
    { kind: 'daily_necessities_factory', re: /日用品|日用/ },
    { kind: 'paper_mill', re: /造纸|製紙|纸厂/ },
    { kind: 'hospital', re: /医院|醫院/ },
    { kind: 'leisure_complex', re: /综合服务|服务中心|休闲/ },
    { kind: 'offshore_farm', re: /养殖/ },
    { kind: 'grain_management_station', re: /粮政|粮食管理/ },
    { kind: 'seafood_processing', re: /水产品加工|水产加工/ },
    { kind: 'housing', re: /住宅|住房/ },
  ],
  leader: /金正恩|总书记|總書記|委员长/,
  presence: /出席|参加|讲话|講話|视察|視察|参观|现地指导/,
  programme: /20\s?[×x*]\s?10|地方发展|地方發展|地方工业|地方工業|地区发展|地方医院|地方振兴|地方振興/,
  country: /朝鲜|朝鮮|平壤|金正恩|劳动党|勞動黨|劳动新闻|勞動新聞/,
  unnamedOthers: /其他\s*\d+\s*个?(?:市|郡)|等\s*\d+\s*个?市郡/,
  future: /将于|将在|计划|拟/,
  notYetBefore: /(?:即将|將要|即將|将要)\s*$/,
  notYetAfter: /^\s*(?:在即|前夕)/,
  ceremonyWord: /仪式|儀式|典礼|典禮/,
}

const ru: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /закладк\w*|церемони\w*\s+(?:начала|старта)\s+(?:строительства|строительных\s+работ)|перв\w+\s+(?:камн|лопат)\w*/i },
    { type: 'inauguration', ceremony: true, re: /открыл\w*\s+нов|церемони\w*\s+(?:сдачи|ввода|открытия|завершения|торжественного|по\s+случаю\s+(?:завершения|открытия))|торжественн\w*\s+(?:открыти|сдач|ввод)\w*|(?:сдач|ввод|сдан|введен)\w*\s+в\s+эксплуатацию|перерез\w*\s+(?:красн\w+\s+)?лент/i },
    { type: 'production_start', ceremony: false, re: /начал\w*\s+(?:выпуск|производств|работ)\w*|запущен\w*\s+в\s+производств/i },
    { type: 'leader_visit', ceremony: false, re: /посетил\w*|осмотрел\w*|инспектировал\w*|проинспектировал\w*|руководств\w*\s+на\s+месте|ознакомил\w*|побывал\w*/i },
    { type: 'groundbreaking', ceremony: false, re: /начал\w*\s+строительств\w*|начато\s+строительство|стартовал\w*\s+строительств/i },
    { type: 'completion', ceremony: false, re: /построен\w*|завершен\w*\s+строительств\w*|строительство\s+\w*\s*завершено|возведен\w*/i },
    { type: 'inauguration', ceremony: false, re: /(?<![а-яё])(?:открыт[аоы]?|открыли|открылись?)(?![а-яё])/i },
    { type: 'construction_stage', ceremony: false, re: /строятся|ведется\s+строительство|идет\s+строительство|в\s+стадии\s+строительства/i },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /пищев|продовольств|продуктов\s+питания/i },
    { kind: 'garment_factory', re: /швейн|одежд|текстил/i },
    { kind: 'daily_necessities_factory', re: /(?:товаров|предметов)\s+(?:первой\s+необходимости|повседневн|народного\s+потребления|широкого\s+потребления)|ширпотреб/i },
    { kind: 'paper_mill', re: /бумаж|целлюлоз/i },
    { kind: 'hospital', re: /больниц|госпитал/i },
    { kind: 'leisure_complex', re: /бытового\s+обслуживания|комплекс\w*\s+(?:услуг|отдыха)|сервисн/i },
    { kind: 'offshore_farm', re: /морск\w+\s+ферм|аквафер|рыбоводч/i },
    { kind: 'grain_management_station', re: /зерн\w*\s+(?:управлен|хозяйств)/i },
    { kind: 'seafood_processing', re: /переработк\w*\s+морепродукт|рыбоперераб/i },
    { kind: 'housing', re: /жил\w*\s+(?:дом|квартал)/i },
  ],
  leader: /Ким\s+Чен\s+Ын\w*|генеральн\w+\s+секретар\w+|лидер\w*\s+КНДР|председател\w+\s+(?:Госсовета|Государственного)/i,
  presence: /присутствова\w*|принял\w*\s+участие|участвова\w*|выступил\w*|посетил\w*|осмотрел\w*|перерезал|руководств\w*\s+на\s+месте/i,
  programme: /20\s?[×x*]\s?10|регионального\s+развития|местной\s+промышленности|местн\w+\s+(?:завод|фабрик|предприят)\w*|региональной\s+промышленности|развития\s+регионов/i,
  country: /КНДР|Северн\w+\s+Коре\w*|Пхеньян\w*|ЦТАК|Ким\s+Чен\s+Ын|ТПК/i,
  unnamedOthers: /(?:ещ[её]\s+)?\d+\s+(?:других\s+)?(?:город\w*\s+и\s+уезд\w*|уезд\w*)/i,
  future: /будут?\s+построен|планиру\w*|предстоит|намечен/i,
  notYetBefore: /(?:будет|будут|предстоящ[а-яё]*|накануне|перед)\s+$/i,
  notYetAfter: /^$/,
  ceremonyWord: /церемони[а-яё]*|торжеств[а-яё]*/i,
}

const es: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /primera\s+piedra|ceremonia\s+de\s+(?:arranque|inicio|comienzo|colocaci[óo]n)|inicio\s+de\s+(?:la\s+)?(?:construcci[óo]n|obras?)|arranque\s+de\s+(?:la\s+)?(?:construcci[óo]n|obras?)|primera\s+palada/i },
    { type: 'inauguration', ceremony: true, re: /inaugur(?!ar[áa]n?\b|ar[íi]an?\b)\w*|ceremonia\s+de\s+(?:conclusi[óo]n|terminaci[óo]n|culminaci[óo]n|puesta\s+en\s+servicio|fin(?:alizaci[óo]n)?\s+de\s+(?:las\s+)?obras)|(?:acto|ceremonia|evento)\s+de\s+(?:finalizaci[óo]n|conclusi[óo]n|apertura|terminaci[óo]n)|cort\w*\s+(?:de\s+)?(?:la\s+)?cinta/i },
    { type: 'production_start', ceremony: false, re: /(?:comenz|empez|inici)\w*\s+(?:a\s+)?produc\w*|entr\w*\s+en\s+(?:funcionamiento|operaci[óo]n|servicio)|puest\w+\s+en\s+(?:marcha|funcionamiento)/i },
    { type: 'leader_visit', ceremony: false, re: /visit[óo]|visitaron|\bsu\s+visita\s+a\b|inspeccion\w*|recorri[óo]|direcci[óo]n\s+sobre\s+el\s+terreno|orientaci[óo]n\s+(?:sobre\s+el\s+terreno|in\s+situ)/i },
    { type: 'groundbreaking', ceremony: false, re: /(?:comenz|empez|inici)\w*\s+(?:la\s+)?(?:construcci[óo]n|obras?)/i },
    { type: 'completion', ceremony: false, re: /(?:fueron|fue|han\s+sido|ha\s+sido)\s+(?:construid|terminad|conclu[íi]d|completad|edificad)\w*|se\s+(?:construyeron|construy[óo]|edificaron|terminaron)|conclusi[óo]n\s+de\s+(?:la\s+)?(?:construcci[óo]n|obras?)|(?:obras|construcci[óo]n)\b[^.]{0,60}?\b(?:concluyeron|conclu[yi][óo]|terminaron|termin[óo]|finalizaron|finaliz[óo])\b/i },
    { type: 'construction_stage', ceremony: false, re: /en\s+construcci[óo]n|avanza\w*\s+(?:la\s+)?construcci[óo]n/i },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /aliment|comestible/i },
    { kind: 'garment_factory', re: /ropa|confecci|vestido|prendas/i },
    { kind: 'daily_necessities_factory', re: /(?:art[íi]culos|productos|bienes)\s+de\s+(?:uso\s+)?(?:diario|cotidiano|primera\s+necesidad|consumo)|necesidades\s+(?:b[áa]sicas|diarias|cotidianas)/i },
    { kind: 'paper_mill', re: /papel/i },
    { kind: 'hospital', re: /hospital/i },
    { kind: 'leisure_complex', re: /complejo\s+de\s+servicios|centro\s+de\s+servicios|recreo|ocio/i },
    { kind: 'offshore_farm', re: /granja\s+marina|acuicultura|piscifactor/i },
    { kind: 'grain_management_station', re: /gesti[óo]n\s+de\s+(?:granos|cereales)/i },
    { kind: 'seafood_processing', re: /procesamiento\s+de\s+(?:mariscos|productos\s+marinos|pescado)/i },
    { kind: 'housing', re: /viviendas/i },
  ],
  leader: /Kim\s+Jong[- ]?Un|Secretario\s+General|m[áa]ximo\s+(?:dirigente|l[íi]der)|l[íi]der\s+norcoreano|[Mm]andatario\s+(?:nor)?coreano/i,
  presence: /asisti\w*|particip\w*|pronunci\w*\s+(?:un\s+)?discurso|estuvo\s+presente|visit\w*|inspeccion\w*|recorri\w*|cort[óo]/i,
  programme: /20\s?[×x*]\s?10|desarrollo\s+regional|industria\s+(?:local|regional)|hospital(?:es)?\s+(?:regional|de\s+distrito)|f[áa]bricas?\s+(?:locales?|regionales?)/i,
  country: /RPDC|Corea\s+del\s+Norte|norcorean|Pyongyang|ACNC|Partido\s+del\s+Trabajo|Kim\s+Jong[- ]?Un/i,
  unnamedOthers: /otr[oa]s\s+\d+\s+(?:ciudades|distritos|condados|localidades)/i,
  future: /ser[áa]n?\s+construid|se\s+construir[áa]n?|prev[ée]|planea/i,
  notYetBefore: /(?:a\s+punto\s+de\s+(?:ser\s+)?|ser[áa]n?\s+|por\s+|antes\s+de\s+(?:la\s+|su\s+)?|pr[óo]xim[ao]s?\s+a\s+(?:la\s+)?|desde\s+(?:la\s+|su\s+)?)$/i,
  notYetAfter: /^$/,
  ceremonyWord: /\bceremonia|\bacto\b/i,
}

const fr: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /premi[èe]re\s+pierre|inauguration\s+de\s+la\s+construction|inauguration\s+des\s+travaux|c[ée]r[ée]monies?\s+de\s+(?:lancement|d[ée]marrage|mise\s+en\s+chantier|d[ée]but)|lancement\s+(?:des|de)\s+(?:travaux|chantiers?)|d[ée]but\s+des\s+travaux|mise\s+en\s+chantier|coup\s+de\s+pioche|premier\s+coup\s+de\s+b[êe]che/i },
    { type: 'inauguration', ceremony: true, re: /inaugur(?!er(?:a|ont|ait|aient)\b)\w*(?!\w|\s+de\s+la\s+construction|\s+des\s+travaux)|c[ée]r[ée]monie\s+(?:d'ach[èe]vement|de\s+(?:mise\s+en\s+service|fin\s+des\s+travaux|cl[ôo]ture))|coup[ée]?\w*\s+(?:le\s+)?ruban/i },
    { type: 'production_start', ceremony: false, re: /mise\s+en\s+(?:production|exploitation)|(?:commenc|d[ée]marr)\w*\s+(?:la\s+|à\s+)?produ\w*|entr\w*\s+en\s+(?:service|production)/i },
    { type: 'leader_visit', ceremony: false, re: /a\s+(?:visit[ée]|inspect[ée]|parcouru)|visite\s+d'inspection|direction\s+sur\s+place|s'est\s+rendu/i },
    { type: 'groundbreaking', ceremony: false, re: /(?:commenc|d[ée]but|lanc)\w*\s+(?:la\s+|de\s+la\s+)?construction/i },
    { type: 'completion', ceremony: false, re: /ach[èe]vement\s+de|(?:ont\s+[ée]t[ée]|a\s+[ée]t[ée]|sont|est)\s+(?:construit|achev|termin|[ée]rig|b[âa]ti)\w*|ach[èe]v[ée]e?s?\b/i },
    { type: 'construction_stage', ceremony: false, re: /en\s+(?:cours\s+de\s+)?construction|chantier\s+avance/i },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /aliment/i },
    { kind: 'garment_factory', re: /v[êe]tement|habillement|confection/i },
    { kind: 'daily_necessities_factory', re: /(?:articles|produits|biens)\s+(?:de\s+premi[èe]re\s+n[ée]cessit[ée]|d'usage\s+courant|de\s+consommation\s+courante|quotidiens?)|n[ée]cessit[ée]s?\s+quotidiennes?/i },
    { kind: 'paper_mill', re: /papeterie|papier/i },
    { kind: 'hospital', re: /h[ôo]pital/i },
    { kind: 'leisure_complex', re: /complexe\s+de\s+services|centre\s+de\s+services|loisirs/i },
    { kind: 'offshore_farm', re: /ferme\s+(?:marine|aquacole)|aquaculture|pisciculture/i },
    { kind: 'grain_management_station', re: /gestion\s+des\s+c[ée]r[ée]ales/i },
    { kind: 'seafood_processing', re: /transformation\s+des\s+produits\s+(?:de\s+la\s+mer|marins)/i },
    { kind: 'housing', re: /logements|habitations/i },
  ],
  leader: /Kim\s+Jong[- ]?Un|Secr[ée]taire\s+g[ée]n[ée]ral|dirigeant\s+nord-cor[ée]en/i,
  presence: /assist[ée]\w*|particip\w*|prononc[ée]\s+(?:un\s+)?discours|[ée]tait\s+pr[ée]sent|pr[ée]sence\s+de|a\s+visit[ée]|a\s+inspect[ée]|a\s+parcouru|coup[ée]\s+le\s+ruban/i,
  programme: /20\s?[×x*]\s?10|d[ée]veloppement\s+r[ée]gional|industrie\s+(?:locale|r[ée]gionale)|h[ôo]pita(?:l|ux)\s+r[ée]giona|usines?\s+(?:locales?|r[ée]gionales?)/i,
  country: /RPDC|Cor[ée]e\s+du\s+Nord|nord-cor[ée]en|Pyongyang|ATCC|KCNA|Parti\s+du\s+travail|Kim\s+Jong[- ]?Un/i,
  unnamedOthers: /\d+\s+autres\s+(?:villes|districts|arrondissements|comt[ée]s|localit[ée]s)/i,
  future: /sera\s+construit|seront\s+construit|pr[ée]vu|projet/i,
  notYetBefore: /(?:sur\s+le\s+point\s+d'(?:[êe]tre\s+)?|sera\s+|seront\s+|avant\s+(?:l'|la\s+|leur\s+)?|prochaine?\s+|depuis\s+(?:l'|la\s+|leur\s+)?)$/i,
  notYetAfter: /^$/,
  ceremonyWord: /c[ée]r[ée]monie/i,
}

const de: Lexicon = {
  events: [
    { type: 'groundbreaking', ceremony: true, re: /Grundsteinlegung\w*|Spatenstich\w*|Baubeginn\w*|Baustart|Zeremonie\s+zum\s+(?:Beginn|Start)\s+de[rs]\s+Bau|Beginn\s+de[rs]\s+Bau(?:s|arbeiten|es)/ },
    { type: 'inauguration', ceremony: true, re: /Einweihung\w*|eingeweiht|Feier\s+zu[rm]\s+(?:Fertigstellung|Einweihung|Er[öo]ffnung)|Fertigstellung[\s\S]{0,60}gefeiert|Er[öo]ffnungs(?:zeremonie|feier)|Fertigstellungs(?:zeremonie|feier)|Inbetriebnahme(?:zeremonie|feier)|feierlich\s+er[öo]ffnet|Band\s+durchschnitt/ },
    { type: 'production_start', ceremony: false, re: /Produktion\s+(?:aufgenommen|begonnen|angelaufen)|nahm\w*\s+(?:die\s+)?Produktion\s+auf|in\s+Betrieb\s+genommen/ },
    { type: 'leader_visit', ceremony: false, re: /besuchte|besichtigte|inspizierte|(?:be|auf)gesucht\b|besucht\b|besichtigt\b|inspiziert\b|Vor-Ort-(?:Anleitung|Inspektion|Besichtigung)|vor\s+Ort\s+angeleitet/ },
    { type: 'groundbreaking', ceremony: false, re: /Bau\w*\s+(?:begann|begonnen)|(?:begann|begonnen)\s+\w*\s*(?:mit\s+dem\s+)?Bau/ },
    { type: 'completion', ceremony: false, re: /fertiggestellt|Fertigstellung|errichtet|(?:wurden|wurde|sind)\s+\w*\s*gebaut/ },
    { type: 'construction_stage', ceremony: false, re: /im\s+Bau\b|Bauarbeiten\s+(?:laufen|gehen\s+voran)/ },
  ],
  kinds: [
    { kind: 'foodstuff_factory', re: /Lebensmittel|Nahrungsmittel|Nahrungs/i },
    { kind: 'garment_factory', re: /Bekleidung|Kleidung|Textil|Konfektion/i },
    { kind: 'daily_necessities_factory', re: /Gebrauchsg[üu]ter|Bedarfsartikel|Bedarfsg[üu]ter|Konsumg[üu]ter|t[äa]glichen\s+Bedarf/i },
    { kind: 'paper_mill', re: /Papier/i },
    { kind: 'hospital', re: /Krankenh[äa]us|Klinik|Hospital/i },
    { kind: 'leisure_complex', re: /Dienstleistungs(?:komplex|zentrum)|Freizeit|Service(?:komplex|zentrum)/i },
    { kind: 'offshore_farm', re: /Aquakultur|Fischzucht|Meeresfarm|Offshore-Farm/i },
    { kind: 'grain_management_station', re: /Getreideverwaltung/i },
    { kind: 'seafood_processing', re: /Meeresfr[üu]chte|Fischverarbeitung/i },
    { kind: 'housing', re: /Wohnh[äa]us|Wohnungen/i },
  ],
  leader: /Kim\s+Jong[- ]?Un|Generalsekret[äa]r|nordkoreanische\w*\s+(?:Machthaber|F[üu]hrer|Staatschef)/i,
  presence: /nahm\w*\s+\w*\s*teil|teilgenommen|anwesend|hielt\s+(?:eine\s+)?Rede|besuchte|besichtigte|inspizierte|beiwohnte|wohnte\b|Teilnahme|Anwesenheit|durchschnitt/i,
  programme: /20\s?[×x*]\s?10|Regionalentwicklung|regionale[nr]?\s+Entwicklung|Entwicklung\s+(?:von\s+|der\s+)?(?:örtlichen|lokalen|regionalen)\s+Gebiet\w*|Entwicklung\s+der\s+Regionen|Regionalindustrie|(?:regionale|lokale|örtliche)[nr]?\s+Industrie|Lokalindustrie|Kreiskrankenh|(?:lokale|regionale|örtliche)[nrs]?\s+(?:Fabrik|Werk|Industrieanlage)/i,
  country: /KDVR|DVRK|Nordkorea|nordkoreanisch|Pjöngjang|Pyongyang|KCNA|KZNA|Partei\s+der\s+Arbeit|Kim\s+Jong[- ]?Un/i,
  unnamedOthers: /\d+\s+(?:weitere[n]?|andere[n]?)\s+(?:St[äa]dte|Kreise|Bezirke|Orte)/i,
  future: /(?:wird|werden)\s+\w*\s*gebaut|geplant|soll(?:en)?\s/i,
  notYetBefore: /(?:kurz\s+vor\s+(?:der\s+|ihrer\s+)?|vor\s+(?:der\s+|ihrer\s+)|bevorstehende[nr]?\s+|soll(?:en)?\s+|seit\s+(?:der\s+|dem\s+|ihrer\s+)?)$/i,
  notYetAfter: /^$/,
  ceremonyWord: /Zeremonie|Feier/,
}

/** JavaScript's \\w is ASCII only: make it any letter, so "церемони\\w*" and "inaugur\\w*" reach past é and я. */
function unicode(re: RegExp): RegExp {
  return new RegExp(re.source.replace(/\\w/g, '[\\p{L}\\p{M}]'), re.flags.includes('u') ? re.flags : `${re.flags}u`)
}

function widen(lex: Lexicon): Lexicon {
  return {
    ...lex,
    events: lex.events.map((e) => ({ ...e, re: unicode(e.re) })),
    kinds: lex.kinds.map((k) => ({ ...k, re: unicode(k.re) })),
    leader: unicode(lex.leader),
    presence: unicode(lex.presence),
    programme: unicode(lex.programme),
    country: unicode(lex.country),
    unnamedOthers: unicode(lex.unnamedOthers),
    future: unicode(lex.future),
    notYetBefore: unicode(lex.notYetBefore),
    notYetAfter: unicode(lex.notYetAfter),
    ceremonyWord: unicode(lex.ceremonyWord),
  }
}

const tables: Record<Exclude<IntakeLanguage, 'und'>, Lexicon> = { en: widen(en), ko: widen(ko), ja: widen(ja), zh: widen(zh), ru: widen(ru), es: widen(es), fr: widen(fr), de: widen(de) }

export function lexiconFor(language: IntakeLanguage): Lexicon {
  return language === 'und' ? tables.en : tables[language]
}
