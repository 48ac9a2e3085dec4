/**
 * @module The frame every static snapshot of an embed shares: an SVG document of a fixed width
 * with a title, the figure, and the credit line (source, data version, date, the full page's
 * canonical address). Text is escaped; the document has no script and no external reference,
 * so another site's <img> shows it as it is.
 */

export interface SnapshotCredit {
  /** The full page's canonical address (built from TRACKER_PUBLIC_URL, never the request's Host). */
  url: string
  /** The data version the figure was drawn from. */
  version: number
  /** The date the figures are for (YYYY-MM-DD). */
  date: string
}

export const snapshotWidth = 600

/** The colours and letters of the statuses: the web app's palette (Okabe–Ito), so a snapshot looks like the embed. */
export const statusColour: Record<string, string> = { operational: '#00795c', under_construction: '#e69f00', planned: '#56b4e9', suspended: '#cc79a7', none: '#9a9a9a' }
export const statusLetter: Record<string, string> = { operational: 'O', under_construction: 'U', planned: 'P', suspended: 'S', none: '?' }
export const statusName: Record<string, string> = { operational: 'Operational', under_construction: 'Under construction', planned: 'Planned', suspended: 'Suspended' }

export function esc(text: string | number): string {
  return String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')
}

const font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Noto Sans', 'Noto Sans CJK KR', sans-serif\""

/** A status legend as one row of swatches from (x, y). */
export function legend(x: number, y: number): string {
  let at = x
  return Object.entries(statusName)
    .map(([key, name]) => {
      const out = `<rect x="${at}" y="${y - 10}" width="11" height="11" rx="2" fill="${statusColour[key]}"/><text x="${at + 15}" y="${y}" font-size="11" fill="#333">${esc(name)}</text>`
      at += 22 + name.length * 6.2
      return out
    })
    .join('')
}

/** The whole document: `body` is drawn between the title (top) and the credit line (bottom). */
export function frame({ title, body, height, credit, description }: { title: string; body: string; height: number; credit: SnapshotCredit; description: string }): string {
  const total = height + 92
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${snapshotWidth}" height="${total}" viewBox="0 0 ${snapshotWidth} ${total}" role="img" aria-labelledby="title desc" ${font}>`,
    `<title id="title">${esc(title)}</title>`,
    `<desc id="desc">${esc(description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="17" font-weight="700" fill="#1c1d1f">${esc(title)}</text>`,
    `<g transform="translate(0,44)">${body}</g>`,
    `<line x1="16" x2="${snapshotWidth - 16}" y1="${total - 44}" y2="${total - 44}" stroke="#dcdfe3"/>`,
    `<text x="16" y="${total - 27}" font-size="11" fill="#5d6166">Source: <tspan font-weight="700">20×10 Tracker</tspan> · data version ${esc(credit.version)} · as of ${esc(credit.date)}</text>`,
    `<text x="16" y="${total - 11}" font-size="11" fill="#0b5aa6">${esc(credit.url)}</text>`,
    `</svg>`,
    '',
  ].join('\n')
}
