/**
 * @module The messages of one area of the interface (home), English and Korean side by side; merged
 * into the catalogues by areas.ts. Every key needs both entries (the catalogue test checks).
 */
export const en: Record<string, string> = {
  'freshness.line': 'Latest report recorded: {{date}} (<0>{{publisher}}</0>), {{ago}}.',
  'freshness.ago_one': '{{count}} day ago',
  'freshness.ago_other': '{{count}} days ago',
  'freshness.today': 'today',
  'freshness.none': 'No dated report is recorded yet.',

  'twins.label': 'This page as data:',
  'twins.formatWhat': '{{format}} ({{what}})',
  'twins.progress': 'the figures',
  'twins.coverage': 'coverage by province',
  'twins.projects': 'the projects',
  'twins.project': 'the project with its events, claims and sources',
  'twins.events': 'the events',
  'twins.locality': 'the locality',
  'twins.localities': 'the localities',
  'twins.provinces': 'the provinces',
  'twins.source': 'the source and what it supports',
  'twins.sources': 'the sources',
  'twins.programs': 'the program and how it counts',

  'latest.title': 'Latest events, and who reported them',
  'latest.programme': 'Whole policy',
  'latest.noSource': 'No source recorded',
  'latest.reportedBy': 'Reported by',
  'latest.more_one': 'and {{count}} more',
  'latest.more_other': 'and {{count}} more',
  'latest.allTimeline': 'Every event on the timeline',
  'latest.allSources': 'All sources',
  'what.events': 'the latest events',

  'overview.whereTitle': 'Where the localities are',

  'confusable.same': 'Not to be confused with <0>{{name}}</0> ({{other}}), {{type}} in {{province}}: the same spelling in Latin letters, another place.',
  'confusable.similar': 'Not to be confused with <0>{{name}}</0> ({{other}}), {{type}} in {{province}}: a name one letter apart, another place.',
  'province.unknown': 'There is no province “{{id}}”. The tracker knows these:',
  'overview.whereMore': 'Open the full map',
}

export const ko: Record<string, string> = {
  'freshness.line': '최근 기록된 보도: {{date}} (<0>{{publisher}}</0>), {{ago}}.',
  'freshness.ago_other': '{{count}}일 전',
  'freshness.today': '오늘',
  'freshness.none': '날짜가 있는 보도가 아직 기록되지 않았습니다.',

  'twins.label': '이 페이지의 데이터:',
  'twins.formatWhat': '{{format}} ({{what}})',
  'twins.progress': '수치',
  'twins.coverage': '도별 범위',
  'twins.projects': '사업 목록',
  'twins.project': '사업과 그 사건·주장·출처',
  'twins.events': '사건 목록',
  'twins.locality': '시·군',
  'twins.localities': '시·군 목록',
  'twins.provinces': '도 목록',
  'twins.source': '출처와 그것이 뒷받침하는 내용',
  'twins.sources': '출처 목록',
  'twins.programs': '정책과 집계 방식',

  'latest.title': '최근 사건과 보도한 곳',
  'latest.programme': '정책 전체',
  'latest.noSource': '기록된 출처 없음',
  'latest.reportedBy': '보도:',
  'latest.more_other': '외 {{count}}건',
  'latest.allTimeline': '연표에서 모든 사건 보기',
  'latest.allSources': '모든 출처',
  'what.events': '최근 사건',

  'overview.whereTitle': '사업 지역',

  'confusable.same': '혼동 주의: <0>{{name}}</0>({{other}}, {{province}} {{type}}) — 로마자 표기가 같은 다른 곳입니다.',
  'confusable.similar': '혼동 주의: <0>{{name}}</0>({{other}}, {{province}} {{type}}) — 이름이 한 글자 다른 다른 곳입니다.',
  'province.unknown': '“{{id}}”라는 도는 없습니다. 트래커에 있는 도는 다음과 같습니다.',
  'overview.whereMore': '전체 지도 열기',
}
