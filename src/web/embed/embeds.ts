/**
 * @module The embeds the tracker offers: their paths under /embed/, the full page each stands
 * for, and the iframe snippet a reader copies — one list, read by the embed app and by the
 * "Embed" disclosure of the pages.
 */

import { embeddableCharts } from '../../model/embeds.ts'

export type EmbedName = 'progress' | 'grid' | 'map' | 'timeline' | 'project' | 'chart'

/** The charts that can be embedded (/embed/chart/<name>), as on the charts page (/charts#<name>). */
export { embeddableCharts }

/** The full page an embed shows part of. */
export function fullPageOf(name: EmbedName, id?: string): string {
  if (name === 'map') return '/map'
  if (name === 'timeline') return '/timeline'
  if (name === 'project') return `/projects/${encodeURIComponent(id ?? '')}`
  if (name === 'chart') return `/charts#${encodeURIComponent(id ?? '')}`
  return '/'
}

/** Path of an embed, with the query it keeps (filters, language). */
export function embedPath(name: EmbedName, id?: string, query = ''): string {
  const base = name === 'project' || name === 'chart' ? `/embed/${name}/${encodeURIComponent(id ?? '')}` : `/embed/${name}`
  return query && query !== '?' ? `${base}${query.startsWith('?') ? query : `?${query}`}` : base
}

/**
 * The address of the embed's static snapshot (an SVG image); null for a chart, which is saved as an
 * image from its own page. The map's image keeps the filters and the timeline's its year, as the
 * embed does; `whole` (a static copy, which holds only the unfiltered images) drops them.
 */
export function snapshotPath(name: EmbedName, id?: string, query = '', whole = false): string | null {
  if (name === 'chart') return null
  if (name === 'project') return `/embed/project/${encodeURIComponent(id ?? '')}.svg`
  const kept = new URLSearchParams(query)
  kept.delete('lang')
  if (name === 'timeline') for (const key of [...kept.keys()]) if (key !== 'year') kept.delete(key)
  const search = whole || (name !== 'map' && name !== 'timeline') ? '' : kept.toString()
  return `/embed/${name}.svg${search ? `?${search}` : ''}`
}

/** Default frame sizes: every embed is readable from 400×300 up. */
const sizes: Record<EmbedName, [number, number]> = { progress: [600, 340], grid: [640, 420], map: [560, 600], timeline: [720, 480], project: [520, 460], chart: [640, 560] }

const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/** The HTML a reader pastes into their page. */
export function iframeSnippet(src: string, title: string, name: EmbedName): string {
  const [w, h] = sizes[name]
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${w}" height="${h}" style="border:0;max-width:100%" loading="lazy"></iframe>`
}

/** Reads /embed/<name>[/<id>] into the embed it names, or null (a published copy's address without its base, and with or without its trailing slash). */
export function parseEmbedPath(path: string): { name: EmbedName; id?: string } | null {
  const parts = path.split('/').filter(Boolean)
  if (parts[0] !== 'embed') return null
  const [, name, id, ...rest] = parts
  if (rest.length > 0) return null
  if (name === 'project') {
    if (!id) return null
    try {
      return { name, id: decodeURIComponent(id) }
    } catch {
      return null
    }
  }
  if (name === 'chart') return id && embeddableCharts.includes(id) && rest.length === 0 ? { name, id } : null
  if ((name === 'progress' || name === 'grid' || name === 'map' || name === 'timeline') && !id) return { name }
  return null
}
