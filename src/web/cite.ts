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
  /** Path of the page cited ("/" for the whole dataset). */
  path?: string
}

const title = "20×10 Tracker: open data on North Korea's Regional Development 20×10 Policy"
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const longDate = (d: string) => `${months[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`
const addressOf = (c: CiteInput) => `${c.url.replace(/\/+$/, '')}${c.path && c.path !== '/' ? c.path : '/'}`

export function citeApa(c: CiteInput): string {
  return `20×10 Tracker. (${c.accessed.slice(0, 4)}). ${title} (Data version ${c.version}) [Data set]. Retrieved ${longDate(c.accessed)}, from ${addressOf(c)}`
}

export function citeChicago(c: CiteInput): string {
  return `20×10 Tracker. "${title}." Data version ${c.version}. Accessed ${longDate(c.accessed)}. ${addressOf(c)}.`
}

export function citeBibtex(c: CiteInput): string {
  const esc = (s: string) => s.replace(/[{}\\]/g, '')
  return [
    `@misc{tracker20x10_v${String(c.version).replace(/[^0-9A-Za-z]/g, '')},`,
    `  author = {{20×10 Tracker}},`,
    `  title = {{${esc(title)}}},`,
    `  year = {${c.accessed.slice(0, 4)}},`,
    `  version = {${esc(String(c.version))}},`,
    `  howpublished = {\\url{${esc(addressOf(c))}}},`,
    `  note = {Data version ${esc(String(c.version))}, accessed ${c.accessed}},`,
    `}`,
  ].join('\n')
}

export function citeCslJson(c: CiteInput): string {
  const [y, m, d] = c.accessed.split('-').map(Number)
  return JSON.stringify(
    [{ id: `tracker20x10-v${c.version}`, type: 'dataset', title, author: [{ literal: '20×10 Tracker' }], version: String(c.version), URL: addressOf(c), accessed: { 'date-parts': [[y, m, d]] }, issued: { 'date-parts': [[y]] } }],
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
