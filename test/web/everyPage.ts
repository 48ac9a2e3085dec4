/**
 * @module The pages of the web app that browser tests walk: one of each kind, with the element
 * that shows the page has its data (for layout, accessibility and Korean checks alike).
 */
export interface PageCase {
  path: string
  ready: string
  name: string
}

export const songchon = '20x10.2024.south-pyongan.songchon'

/** Every kind of page, given the id of one source (sources are named by their URL, so read one first). */
export function everyPage(source: string): PageCase[] {
  return [
    { path: '/', ready: '[data-testid=headline]', name: 'overview' },
    { path: '/projects', ready: 'table.data tbody tr', name: 'explorer' },
    { path: '/map', ready: 'svg.country-map a[data-locality]', name: 'map' },
    { path: '/timeline', ready: 'svg.timeline-chart a.tl-row', name: 'timeline' },
    { path: '/charts', ready: '#coverage svg.chart-svg', name: 'charts' },
    { path: '/provinces', ready: '.bars li', name: 'provinces' },
    { path: '/provinces/south-pyongan', ready: '.locality-list li', name: 'province' },
    { path: '/localities/south-pyongan.songchon', ready: 'table.data tbody tr', name: 'locality' },
    { path: `/projects/${songchon}`, ready: '.event-line .event', name: 'project' },
    { path: '/sources', ready: 'table.data tbody tr', name: 'sources' },
    { path: `/sources/${encodeURIComponent(source)}`, ready: '.supports li', name: 'source' },
    { path: '/about', ready: '[data-testid=cite]', name: 'about' },
    { path: '/releases', ready: 'main h1', name: 'releases' },
    { path: '/signin', ready: 'form.signin-form', name: 'signin' },
    { path: '/no/such/page', ready: 'h1', name: 'notfound' },
  ]
}
