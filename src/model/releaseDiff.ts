/**
 * @module What changed between two releases: the frozen dataset document (the JSON export) of the
 * previous release against the current one, flattened into tables (programs, provinces,
 * localities, sources, projects, events, claims) and compared record by record and field by
 * field. One change a line, like OpenSanctions' delta files: `add` and `remove` carry the whole
 * record, `change` one field with its old and new value. Pure: no I/O.
 */

type Rec = Record<string, unknown> & { id: string }

/** The parts of a dataset document (export/json.ts, format 20x10-tracker/1) the diff reads. */
export interface DatasetDocumentLike {
  programs?: readonly Rec[]
  provinces?: readonly Rec[]
  localities?: readonly Rec[]
  sources?: readonly Rec[]
  projects?: readonly Rec[]
  program_events?: readonly Rec[]
}

export const releaseTables = ['programs', 'provinces', 'localities', 'sources', 'projects', 'events', 'claims'] as const
export type ReleaseTable = (typeof releaseTables)[number]

export interface ReleaseChange {
  op: 'add' | 'change' | 'remove'
  table: ReleaseTable
  id: string
  /** What the record is, in words ("Songchon 2024", "groundbreaking of Songchon 2024"). */
  label: string
  /** With `change`: the field that changed. */
  field?: string
  /** With `change`: the field's old value; with `remove`: the whole record as it was. */
  old?: unknown
  /** With `change`: the field's new value; with `add`: the whole record. */
  new?: unknown
}

export type Tables = Record<ReleaseTable, Map<string, Rec>>

const without = (r: Rec, ...keys: string[]): Rec => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))) as Rec

/** The document as tables: events and claims taken out of the records that carry them, each claim naming its subject. */
export function documentTables(doc: DatasetDocumentLike | null): Tables {
  const t = Object.fromEntries(releaseTables.map((n) => [n, new Map<string, Rec>()])) as Tables
  if (!doc) return t
  const claimsOf = (subjectType: string, r: Rec) => {
    for (const c of (r.claims as Rec[] | undefined) ?? []) t.claims.set(c.id, { ...c, subject_type: subjectType, subject_id: r.id })
  }
  for (const p of doc.programs ?? []) {
    t.programs.set(p.id, without(p, 'claims'))
    claimsOf('program', p)
  }
  for (const p of doc.provinces ?? []) t.provinces.set(p.id, p)
  for (const l of doc.localities ?? []) {
    t.localities.set(l.id, without(l, 'claims'))
    claimsOf('locality', l)
  }
  for (const s of doc.sources ?? []) {
    t.sources.set(s.id, without(s, 'claims'))
    claimsOf('source', s)
  }
  const event = (e: Rec, project: string | null) => {
    t.events.set(e.id, project === null ? without(e, 'claims') : { project, ...without(e, 'claims') })
    claimsOf('event', e)
  }
  for (const p of doc.projects ?? []) {
    t.projects.set(p.id, without(p, 'claims', 'events'))
    claimsOf('project', p)
    for (const e of (p.events as Rec[] | undefined) ?? []) event(e, p.id)
  }
  for (const e of doc.program_events ?? []) event(e, null)
  return t
}

/** JSON with the keys of every object sorted: equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  )
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : null)

/** A record in words, looked up in the tables it belongs to (the newer first). */
function labeller(...sets: Tables[]) {
  const find = (table: ReleaseTable, id: unknown) => {
    for (const s of sets) {
      const r = s[table].get(String(id))
      if (r) return r
    }
    return undefined
  }
  const project = (id: unknown): string => {
    const p = find('projects', id)
    if (!p) return String(id)
    const place = text(find('localities', p.locality)?.plain) ?? String(p.locality)
    return `${place} ${p.year ?? 'pilot'}${text(p.label) ? ` (${p.label as string})` : ''}`
  }
  const label = (table: ReleaseTable, r: Rec): string => {
    switch (table) {
      case 'programs':
        return text(r.name) ?? r.id
      case 'provinces':
      case 'localities':
        return text(r.plain) ? `${r.plain as string}${text(r.hangul) ? ` (${r.hangul as string})` : ''}` : r.id
      case 'sources':
        return [text(r.publisher), text(r.title)].filter(Boolean).join(': ') || r.id
      case 'projects':
        return project(r.id)
      case 'events': {
        const what = `${String(r.type ?? 'event').replaceAll('_', ' ')}${text(r.label) ? ` (${r.label as string})` : ''}`
        return `${what} of ${r.project ? project(r.project) : String(r.program ?? '')}`
      }
      case 'claims': {
        const subjects: Record<string, ReleaseTable> = { program: 'programs', locality: 'localities', source: 'sources', project: 'projects', event: 'events' }
        const table = subjects[String(r.subject_type)]
        const subject = table ? find(table, r.subject_id) : undefined
        return `${String(r.field ?? 'claim')} of ${subject && table ? label(table, subject) : String(r.subject_id ?? '')}`
      }
    }
  }
  return label
}

/**
 * Every change from `before` (null: no earlier release, so every record is added) to `after`, in
 * table order, then by id; a changed record gives one line per field, in field order.
 */
export function releaseDiff(before: DatasetDocumentLike | null, after: DatasetDocumentLike): ReleaseChange[] {
  const a = documentTables(before)
  const b = documentTables(after)
  const label = labeller(b, a)
  const changes: ReleaseChange[] = []
  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  for (const table of releaseTables) {
    const ids = [...new Set([...a[table].keys(), ...b[table].keys()])].sort(byId)
    for (const id of ids) {
      const old = a[table].get(id)
      const cur = b[table].get(id)
      if (!old && cur) changes.push({ op: 'add', table, id, label: label(table, cur), new: cur })
      else if (old && !cur) changes.push({ op: 'remove', table, id, label: label(table, old), old })
      else if (old && cur) {
        const fields = [...new Set([...Object.keys(old), ...Object.keys(cur)])].sort(byId)
        for (const field of fields) {
          if (canonical(old[field] ?? null) === canonical(cur[field] ?? null)) continue
          changes.push({ op: 'change', table, id, label: label(table, cur), field, old: old[field] ?? null, new: cur[field] ?? null })
        }
      }
    }
  }
  return changes
}

export interface ChangeCounts {
  add: number
  change: number
  remove: number
}

/** How many records were added, changed (a record with several changed fields counts once) and removed, per table and in all. */
export function countChanges(changes: readonly ReleaseChange[]): { total: ChangeCounts; tables: Partial<Record<ReleaseTable, ChangeCounts>> } {
  const total: ChangeCounts = { add: 0, change: 0, remove: 0 }
  const tables: Partial<Record<ReleaseTable, ChangeCounts>> = {}
  const seen = new Set<string>()
  for (const c of changes) {
    if (c.op === 'change') {
      const key = `${c.table}\0${c.id}`
      if (seen.has(key)) continue
      seen.add(key)
    }
    const t = (tables[c.table] ??= { add: 0, change: 0, remove: 0 })
    t[c.op]++
    total[c.op]++
  }
  return { total, tables }
}
