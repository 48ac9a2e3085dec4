/** @module The snapshot of /embed/project/<id>: the project as a card — place, year, province, status, whether it counts, what it builds and its events in date order. */
import { keyDates } from '../../analysis/keyDates.ts'
import { projectStatus } from '../../analysis/projectStatus.ts'
import type { Project } from '../../model/project.ts'
import type { Snapshot } from '../../model/snapshot.ts'
import { eventTypes, facilityKinds } from '../../model/vocab.ts'
import { esc, frame, statusColour, statusName, type SnapshotCredit } from './frame.ts'

export function projectSvg(s: Snapshot, p: Project, credit: SnapshotCredit): string {
  const l = s.localities.get(p.locality_id)
  const province = l ? s.provinces.get(l.province) : undefined
  const status = projectStatus(s, p).status ?? 'none'
  const events = s.eventsByProject.get(p.id) ?? []
  const k = keyDates(events)
  const year = p.year === null ? 'pilot' : String(p.year)
  const lines: string[] = []
  let y = 20
  const line = (text: string, size = 13, fill = '#1c1d1f') => {
    lines.push(`<text x="16" y="${y}" font-size="${size}" fill="${fill}">${text}</text>`)
    y += 20
  }
  line(`${esc(province?.plain ?? l?.province ?? '')} · <tspan fill="${statusColour[status]}" font-weight="700">${esc(statusName[status] ?? 'Status unknown')}</tspan> · ${p.counted ? `counts toward ${esc(year)}` : `not counted${p.counted_reason ? ` (${esc(p.counted_reason)})` : ''}`}`)
  line(`Builds: ${esc(p.kinds.map((kind) => facilityKinds.labels[kind]).join(', '))}`)
  line(`Groundbreaking: ${esc(k.groundbreaking ?? '—')} · Opened: ${esc(k.finished ?? '—')}`)
  y += 6
  for (const e of events.slice(0, 14)) line(`<tspan fill="#5d6166" font-variant-numeric="tabular-nums">${esc(e.date)}</tspan>  ${esc(eventTypes.labels[e.type])}${e.leader_present || e.type === 'leader_visit' ? ' (leader present)' : ''}`, 12)
  if (events.length > 14) line(`… ${events.length - 14} more events`, 12, '#5d6166')
  const title = `${l?.plain ?? p.locality_id}${l?.hangul ? ` ${l.hangul}` : ''} ${year}${p.label ? ` (${p.label})` : ''}`
  return frame({ title, body: lines.join(''), height: y, credit, description: `${title}: ${statusName[status] ?? 'status unknown'}` })
}
