/** @module The Status cell of the wiki list ("Completed / Operational") as a project status. */
import type { Status } from '../../model/vocab.ts'
import type { Parsed } from './dates.ts'

const statusWords: Record<string, Status> = {
  'completed / operational': 'operational',
  completed: 'operational',
  operational: 'operational',
  'under construction': 'under_construction',
  planned: 'planned',
  announced: 'planned',
  suspended: 'suspended',
}

export function parseStatus(cell: string): Parsed<Status> {
  const key = cell.toLowerCase().replace(/\s*\/\s*/g, ' / ').replace(/\s+/g, ' ').trim()
  const status = statusWords[key]
  if (status) return { ok: true, value: status }
  return { ok: false, problem: `unknown status "${cell}" (known: Completed / Operational, Under construction, Planned, Announced, Suspended)` }
}
