/** @module The snapshot of /embed/timeline: one policy year, a bar per project from groundbreaking to opening (to today while under construction), coloured by status. */
import { keyDates } from '../../analysis/keyDates.ts'
import { projectStatus } from '../../analysis/projectStatus.ts'
import { rangeOf } from '../../model/partialDate.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { esc, frame, legend, snapshotWidth, statusColour, type SnapshotCredit } from './frame.ts'

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`)

export function timelineSvg(s: Snapshot, programId: string, year: number, today: string, credit: SnapshotCredit): string {
  const rows = [...s.projects.values()]
    .filter((p) => p.program_id === programId && p.year === year)
    .map((p) => {
      const k = keyDates(s.eventsByProject.get(p.id) ?? [])
      const l = s.localities.get(p.locality_id)
      return { name: `${l?.plain ?? p.locality_id}${p.label ? ` (${p.label})` : ''}${p.counted ? '' : ' +'}`, counted: p.counted, status: projectStatus(s, p).status ?? 'none', start: k.groundbreaking ? ms(rangeOf(k.groundbreaking).start) : null, end: k.finished ? ms(rangeOf(k.finished).start) : null }
    })
    .sort((a, b) => Number(b.counted) - Number(a.counted) || (a.start ?? Infinity) - (b.start ?? Infinity) || a.name.localeCompare(b.name))
  const now = ms(today)
  const from = Date.UTC(year, 0, 1)
  const last = Math.max(now, ...rows.map((r) => r.end ?? 0))
  const to = Date.UTC(new Date(last).getUTCFullYear(), new Date(last).getUTCMonth() + 2, 1)
  const labelW = 140
  const right = snapshotWidth - 16
  const x = (t: number) => labelW + ((t - from) / (to - from)) * (right - labelW)
  const rowH = 16
  const top = 18
  const ticks: string[] = []
  for (let y = year; Date.UTC(y, 0, 1) <= to; y++) {
    const tx = x(Date.UTC(y, 0, 1))
    ticks.push(`<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${top - 4}" y2="${top + rows.length * rowH}" stroke="#c9cdd0"/><text x="${(tx + 2).toFixed(1)}" y="${top - 6}" font-size="10" fill="#5d6166">${y}</text>`)
  }
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowH
      const label = `<text x="${labelW - 6}" y="${y + 11}" font-size="11" text-anchor="end" fill="${r.counted ? '#1c1d1f' : '#5d6166'}">${esc(r.name)}</text>`
      if (r.start === null) return label
      const end = r.end ?? now
      return `${label}<rect x="${x(r.start).toFixed(1)}" y="${y + 3}" width="${Math.max(1.5, x(end) - x(r.start)).toFixed(1)}" height="10" fill="${statusColour[r.status]}"${r.end === null ? ' fill-opacity="0.6"' : ''}/>`
    })
    .join('')
  const nowX = x(now)
  const height = top + rows.length * rowH + 26
  const body = `${ticks.join('')}<line x1="${nowX.toFixed(1)}" x2="${nowX.toFixed(1)}" y1="${top - 4}" y2="${top + rows.length * rowH}" stroke="#1c1d1f" stroke-dasharray="2 2"/>${bars}${legend(16, height - 4)}`
  const counted = rows.filter((r) => r.counted).length
  return frame({ title: `Timeline ${year}: ${counted} counted${rows.length > counted ? `, ${rows.length - counted} more (+)` : ''}`, body, height, credit, description: `Projects of ${year}, from groundbreaking to opening.` })
}
