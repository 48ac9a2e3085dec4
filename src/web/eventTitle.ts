/**
 * @module An event's name in words: its type and, where it has one, its label as text a person
 * reads — labels are stored as ids ("august-2024", "hospital-leisure-2025-06"), so month and
 * year become a date in the reader's language and hyphens become spaces.
 */
import { eventLabel, fmtDate } from './format.ts'

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** "august-2024" → "Aug 2024" / "2024년 8월"; "hospital-leisure-2025-06" → "hospital leisure, Jun 2025"; "2024-02" → "Feb 2024". */
export function labelText(label: string): string {
  const words = label.split('-').filter(Boolean)
  const out: string[] = []
  let date = ''
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase()
    const next = words[i + 1]
    const month = months.indexOf(w)
    if (month >= 0 && next && /^\d{4}$/.test(next)) {
      date = fmtDate(`${next}-${String(month + 1).padStart(2, '0')}`)
      i++
    } else if (/^\d{4}$/.test(w) && next && /^(0[1-9]|1[0-2])$/.test(next)) {
      date = fmtDate(`${w}-${next}`)
      i++
    } else if (/^\d{4}$/.test(w) && !date && i === words.length - 1) {
      date = w
    } else out.push(w)
  }
  const text = out.join(' ')
  if (!text) return date
  return date ? `${text}, ${date}` : text
}

/** "Groundbreaking (hospital and leisure complex)" — the type's label, then the label in words. */
export function eventTitle(e: { type: string; label?: string | null | undefined }): string {
  return e.label ? `${eventLabel(e.type)} (${labelText(e.label)})` : eventLabel(e.type)
}
