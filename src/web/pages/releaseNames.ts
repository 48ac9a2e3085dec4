/**
 * @module The name of a record in a release's changes as the reader reads it first. A change carries
 * the English label frozen in the release ("Songchon 2024", "groundbreaking of Songchon 2024"); in
 * Korean the page names places in hangul, as every other page does, from the gazetteer: a project's
 * id holds its locality (`<program>.<year>.<province>.<locality>`), an event's id its project
 * (`<project>~<type>~<label>`). A record the gazetteer does not know keeps its frozen label.
 */
import { eventTitle } from '../eventTitle.ts'
import { fieldLabel } from '../format.ts'
import { hasMessage, language, t } from '../i18n/i18n.ts'
import { provinceName } from '../useProvinces.ts'

export interface NamedChange {
  table: string
  id: string
  label: string
  old?: unknown
  new?: unknown
}

/** Locality id → hangul (from /api/localities). */
export type Hangul = ReadonlyMap<string, string>

function projectName(id: string, hangul: Hangul): string | null {
  const parts = id.split('.')
  if (parts.length < 4) return null
  const name = hangul.get(parts.slice(2).join('.'))
  if (!name) return null
  const year = parts[1] === 'pilot' ? t('common.pilot') : parts[1]!
  return `${name} ${year}`
}

const record = (c: NamedChange) => ((c.new ?? c.old) && typeof (c.new ?? c.old) === 'object' ? ((c.new ?? c.old) as Record<string, unknown>) : null)

/** The change's record named hangul-first in Korean; its frozen label otherwise. */
export function changeName(c: NamedChange, hangul: Hangul): string {
  if (language() !== 'ko') return c.label
  // What the English label adds after the place ("Songchon 2024 (hospital)"): kept as it is.
  const extra = /\s(\([^()]*\))$/.exec(c.label)?.[1]
  switch (c.table) {
    case 'localities': {
      const name = hangul.get(c.id)
      const plain = c.label.replace(/\s\([^()]*\)$/, '')
      return name ? `${name} (${plain})` : c.label
    }
    case 'provinces': {
      const name = provinceName(c.id, c.id)
      return name !== c.id ? `${name} (${c.label.replace(/\s\([^()]*\)$/, '')})` : c.label
    }
    case 'projects': {
      const name = projectName(c.id, hangul)
      return name ? `${name}${extra ? ` ${extra}` : ''}` : c.label
    }
    case 'events': {
      const [project, type, label] = c.id.split('~')
      const name = project ? projectName(project, hangul) : null
      return name && type ? `${name} · ${eventTitle({ type, label: label || null })}` : c.label
    }
    case 'claims': {
      const r = record(c)
      const subject = typeof r?.subject_id === 'string' ? r.subject_id : null
      const field = typeof r?.field === 'string' ? r.field : null
      if (!subject || !field) return c.label
      const key = `history.field.${field}`
      const what = hasMessage(key) ? t(key) : fieldLabel(field)
      const of = r!.subject_type === 'project' ? projectName(subject, hangul) : r!.subject_type === 'locality' ? (hangul.get(subject) ?? null) : r!.subject_type === 'event' ? changeName({ table: 'events', id: subject, label: subject }, hangul) : null
      return of && of !== subject ? `${of} · ${what}` : c.label
    }
    default:
      return c.label
  }
}
