/**
 * @module The pages of the web app that browser tests walk: one of each kind, with the element
 * that shows the page has its data (for layout, accessibility and Korean checks alike).
 */
export interface PageCase {
  path: string
  ready: string
  name: string
  /** In Korean: what its main heading says, and where its dates are (each written 2026년 2월 21일). */
  ko: { heading: RegExp; dates?: string }
}

export const songchon = '20x10.2024.south-pyongan.songchon'

/** Every kind of page, given the id of one source (sources are named by their URL, so read one first). */
export function everyPage(source: string): PageCase[] {
  return [
    { path: '/', ready: '[data-testid=headline]', name: 'overview', ko: { heading: /20×10 정책은 어디까지/ } },
    { path: '/projects', ready: 'table.data tbody tr', name: 'explorer', ko: { heading: /^사업$/, dates: 'table.data td.date' } },
    { path: '/map', ready: 'svg.country-map a[data-locality]', name: 'map', ko: { heading: /^지도$/ } },
    { path: '/timeline', ready: 'svg.timeline-chart a.tl-row', name: 'timeline', ko: { heading: /^연표$/ } },
    { path: '/charts', ready: '#coverage svg.chart-svg', name: 'charts', ko: { heading: /^차트$/, dates: '#durations table td:nth-child(3)' } },
    { path: '/provinces', ready: '.bars li', name: 'provinces', ko: { heading: /^도$/ } },
    { path: '/provinces/south-pyongan', ready: '.locality-list li', name: 'province', ko: { heading: /^평안남도/ } },
    { path: '/localities/south-pyongan.songchon', ready: 'table.data tbody tr', name: 'locality', ko: { heading: /^성천군/, dates: 'table.data td.date' } },
    { path: `/projects/${songchon}`, ready: '.event-line .event', name: 'project', ko: { heading: /^성천군/, dates: '.event-date time' } },
    { path: '/sources', ready: 'table.data tbody tr', name: 'sources', ko: { heading: /^출처$/, dates: 'table.data td.date' } },
    { path: `/sources/${encodeURIComponent(source)}`, ready: '.supports li', name: 'source', ko: { heading: /./ } },
    { path: '/about', ready: '[data-testid=cite]', name: 'about', ko: { heading: /추적기와 그 방법/ } },
    { path: '/releases', ready: 'main h1', name: 'releases', ko: { heading: /./ } },
    { path: '/signin', ready: 'form.signin-form', name: 'signin', ko: { heading: /^로그인$/ } },
    { path: '/no/such/page', ready: 'h1', name: 'notfound', ko: { heading: /페이지를 찾을 수 없습니다/ } },
  ]
}
