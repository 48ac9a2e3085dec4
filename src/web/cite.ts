/**
 * @module Citations of the tracker's data in the forms researchers paste: APA, Chicago, BibTeX and
 * CSL-JSON. The address is the canonical one (TRACKER_PUBLIC_URL, from /api/config) — never the
 * address the server listens on — and the data version names exactly the data cited.
 */

export interface CiteInput {
  /** Canonical base address, without a trailing slash. */
  url: string
  /** The data version the server reports. */
  version: number | string
  /** Access date, YYYY-MM-DD. */
  accessed: string
  /** Path of the page cited ("/" for the whole dataset), with its query when it has one. */
  path?: string
  /** The release cited, when the page shows one ("2026.1"): named beside the data version. */
  release?: string
}

import { citationAuthor, citationTitle as title } from '../model/citation.ts'

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const longDate = (d: string) => `${months[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`
/** "Data version 12", or "Release 2026.1, data version 12" when a release is cited. */
const versionText = (c: CiteInput) => (c.release ? `Release ${c.release}, data version ${c.version}` : `Data version ${c.version}`)
const addressOf = (c: CiteInput) => `${c.url.replace(/\/+$/, '')}${c.path && c.path !== '/' ? c.path : '/'}`

export function citeApa(c: CiteInput): string {
  return `${citationAuthor}. (${c.accessed.slice(0, 4)}). ${title} (${versionText(c)}) [Data set]. Retrieved ${longDate(c.accessed)}, from ${addressOf(c)}`
}

export function citeChicago(c: CiteInput): string {
  return `${citationAuthor}. "${title}." ${versionText(c)}. Accessed ${longDate(c.accessed)}. ${addressOf(c)}.`
}

export function citeBibtex(c: CiteInput): string {
  const esc = (s: string) => s.replace(/[{}\\]/g, '')
  return [
    `@misc{tracker20x10_v${String(c.version).replace(/[^0-9A-Za-z]/g, '')},`,
    `  author = {{${citationAuthor}}},`,
    `  title = {{${esc(title)}}},`,
    `  year = {${c.accessed.slice(0, 4)}},`,
    `  version = {${esc(c.release ?? String(c.version))}},`,
    `  howpublished = {\\url{${esc(addressOf(c))}}},`,
    `  note = {${esc(versionText(c))}, accessed ${c.accessed}},`,
    `}`,
  ].join('\n')
}

export function citeCslJson(c: CiteInput): string {
  const [y, m, d] = c.accessed.split('-').map(Number)
  return JSON.stringify(
    [{ id: `tracker20x10-${c.release ? `r${c.release}` : `v${c.version}`}`, type: 'dataset', title, author: [{ literal: citationAuthor }], version: c.release ?? String(c.version), ...(c.release ? { note: versionText(c) } : {}), URL: addressOf(c), accessed: { 'date-parts': [[y, m, d]] }, issued: { 'date-parts': [[y]] } }],
    null,
    2,
  )
}

export const citationStyles = [
  { id: 'apa', label: 'APA', cite: citeApa },
  { id: 'chicago', label: 'Chicago', cite: citeChicago },
  { id: 'bibtex', label: 'BibTeX', cite: citeBibtex },
  { id: 'csl', label: 'CSL-JSON', cite: citeCslJson },
] as const
