/** @module The snapshot of /embed/grid: a row per policy year, a square per counted locality coloured and lettered by status, empty squares for the rest of the target. */
import type { Progress } from '../../analysis/progress.ts'
import { projectStatus } from '../../analysis/projectStatus.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { esc, frame, legend, snapshotWidth, statusColour, statusLetter, type SnapshotCredit } from './frame.ts'

const order = ['operational', 'under_construction', 'planned', 'suspended', 'none']

export function gridSvg(s: Snapshot, p: Progress, credit: SnapshotCredit): string {
  const byYear = new Map<number, string[]>()
  for (const project of s.projects.values()) {
    if (project.program_id !== p.program_id || !project.counted || project.year === null) continue
    byYear.set(project.year, [...(byYear.get(project.year) ?? []), projectStatus(s, project).status ?? 'none'])
  }
  const labelW = 70
  const perRow = Math.max(1, p.target_per_year)
  const cell = Math.min(24, (snapshotWidth - 32 - labelW) / perRow)
  const size = cell - 3
  const rows = p.years
    .map((y, i) => {
      const ry = 6 + i * cell
      const statuses = (byYear.get(y.year) ?? []).sort((a, b) => order.indexOf(a) - order.indexOf(b))
      const squares = Array.from({ length: Math.max(y.target, statuses.length) }, (_, j) => {
        const st = statuses[j]
        const x = 16 + labelW + j * cell
        if (!st) return `<rect x="${x.toFixed(1)}" y="${ry}" width="${size.toFixed(1)}" height="${size.toFixed(1)}" rx="2" fill="#eceeef" stroke="#e0e3e5"/>`
        return `<rect x="${x.toFixed(1)}" y="${ry}" width="${size.toFixed(1)}" height="${size.toFixed(1)}" rx="2" fill="${statusColour[st]}"/><text x="${(x + size / 2).toFixed(1)}" y="${(ry + size / 2 + 4).toFixed(1)}" font-size="${Math.max(7, size * 0.5).toFixed(0)}" font-weight="700" text-anchor="middle" fill="#fff">${statusLetter[st]}</text>`
      }).join('')
      return `<text x="16" y="${ry + size / 2 + 4}" font-size="12" font-weight="600" fill="#1c1d1f">${y.year}<tspan font-size="10" font-weight="400" fill="#5d6166"> ${y.counted}/${y.target}</tspan></text>${squares}`
    })
    .join('')
  const height = 6 + p.years.length * cell + 24
  const description = p.years.map((y) => `${y.year}: ${y.counted} of ${y.target}`).join('; ')
  return frame({ title: `The ${p.target_per_year}×${p.years.length} grid: a square per locality`, body: `${rows}${legend(16, height - 4)}`, height: height + 4, credit, description })
}
