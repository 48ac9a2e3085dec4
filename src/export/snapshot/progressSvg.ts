/** @module The snapshot of /embed/progress: localities started against the target, as a bar by status and the headline figures. */
import type { Progress } from '../../analysis/progress.ts'
import { esc, frame, legend, snapshotWidth, statusColour, type SnapshotCredit } from './frame.ts'

export function progressSvg(p: Progress, credit: SnapshotCredit): string {
  const s = p.cumulative.by_status
  const barW = snapshotWidth - 32
  let x = 16
  const segs = (['operational', 'under_construction', 'planned', 'suspended'] as const)
    .map((k) => {
      const w = (barW * s[k]) / Math.max(1, p.total_target)
      const out = w > 0 ? `<rect x="${x.toFixed(1)}" y="40" width="${w.toFixed(1)}" height="16" fill="${statusColour[k]}"/>` : ''
      x += w
      return out
    })
    .join('')
  const share = `${Math.round(p.cumulative.share_of_total * 100)}%`
  const figures: [string, number, number | null][] = [
    ['Started', p.cumulative.counted, p.total_target],
    ['Operational', s.operational, null],
    ['Under construction', s.under_construction, null],
    ['Provinces reached', p.provinces_reached, null],
  ]
  const figW = barW / figures.length
  const figs = figures
    .map(([label, value, of], i) => {
      const fx = 16 + i * figW
      return `<line x1="${fx}" x2="${fx + figW - 12}" y1="92" y2="92" stroke="#1c1d1f" stroke-width="3"/><text x="${fx}" y="108" font-size="10" fill="#5d6166" letter-spacing="0.5">${esc(label.toUpperCase())}</text><text x="${fx}" y="136" font-size="26" font-weight="700" fill="#1c1d1f">${esc(value)}${of === null ? '' : `<tspan font-size="14" font-weight="400" fill="#5d6166"> / ${esc(of)}</tspan>`}</text>`
    })
    .join('')
  const takeaway = `${p.cumulative.counted} of ${p.total_target} localities started (${share}); ${s.operational} operational.`
  const body = `<text x="16" y="24" font-size="14" fill="#1c1d1f">${esc(takeaway)}</text><rect x="16" y="40" width="${barW}" height="16" fill="#eceeef"/>${segs}${legend(16, 78)}${figs}`
  return frame({ title: "North Korea's 20×10 policy: localities started", body, height: 150, credit, description: takeaway })
}
