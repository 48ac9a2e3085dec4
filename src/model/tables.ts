/**
 * @module The tabular form of every entity: one table per entity, one column per field, with
 * the Table Schema type and description of each column. CSV export, CSV import and the
 * Frictionless Data Package all derive from these definitions, so they cannot drift apart.
 * Lists are written semicolon-separated; a claim's value is written as text with its type beside it.
 */
import type { ClaimValue } from './claim.ts'
import type { Dataset, EntityName } from './dataset.ts'

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean'

export interface Column {
  name: string
  type: ColumnType
  description: string
  required?: boolean
  /** A list written "a; b; c". */
  list?: boolean
  /** Computed for readers on export, ignored on import. */
  derived?: boolean
  enum?: readonly string[]
}

export interface TableDef {
  entity: EntityName
  name: string
  title: string
  columns: Column[]
  primaryKey: string
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[]
}

const id: Column = { name: 'id', type: 'string', description: 'Stable id derived from key fields.', required: true }

export const tables: TableDef[] = [
  {
    entity: 'programs',
    name: 'programs',
    title: 'Programs',
    primaryKey: 'id',
    columns: [
      id,
      { name: 'name', type: 'string', description: 'Name of the program.', required: true },
      { name: 'short_name', type: 'string', description: 'Short name.', required: true },
      { name: 'description', type: 'string', description: 'What the program is.' },
      { name: 'start_year', type: 'integer', description: 'First policy year.', required: true },
      { name: 'years', type: 'integer', description: 'Number of policy years.', required: true },
      { name: 'target_per_year', type: 'integer', description: 'Localities a year that count toward the target.', required: true },
      { name: 'counts', type: 'string', description: 'What counts toward the target.', required: true },
      { name: 'source_ids', type: 'string', list: true, description: 'Sources of the program record (semicolon-separated ids).' },
    ],
  },
  {
    entity: 'provinces',
    name: 'provinces',
    title: 'Provinces and special cities',
    primaryKey: 'id',
    columns: [
      id,
      { name: 'iso', type: 'string', description: 'ISO 3166-2:KP code.' },
      { name: 'kind', type: 'string', description: 'province, directly_governed_city or special_city.', required: true },
      { name: 'hangul', type: 'string', description: 'Name in hangul.', required: true },
      { name: 'mr', type: 'string', description: 'McCune–Reischauer.', required: true },
      { name: 'plain', type: 'string', description: 'Form used by English-language news.', required: true },
      { name: 'rr', type: 'string', description: 'Revised Romanization.', required: true },
      { name: 'hanja', type: 'string', description: 'Name in Chinese characters (hanja).' },
      { name: 'hanja_source', type: 'string', description: 'Source id of the hanja form.' },
      { name: 'aliases', type: 'string', list: true, description: 'Other spellings (semicolon-separated).' },
    ],
  },
  {
    entity: 'localities',
    name: 'localities',
    title: 'Localities (county-level units): the gazetteer',
    primaryKey: 'id',
    foreignKeys: [{ fields: 'province', reference: { resource: 'provinces', fields: 'id' } }],
    columns: [
      id,
      { name: 'province', type: 'string', description: 'Province id.', required: true },
      { name: 'type', type: 'string', description: 'city, county or district.', required: true },
      { name: 'hangul', type: 'string', description: 'Name in hangul with the unit suffix.', required: true },
      { name: 'mr', type: 'string', description: 'McCune–Reischauer with diacritics.', required: true },
      { name: 'plain', type: 'string', description: 'Form used by English-language news.', required: true },
      { name: 'rr', type: 'string', description: 'Revised Romanization.', required: true },
      { name: 'hanja', type: 'string', description: 'Name in Chinese characters (hanja) with the unit suffix.' },
      { name: 'hanja_source', type: 'string', description: 'Source id of the hanja form.' },
      { name: 'aliases', type: 'string', list: true, description: 'Other spellings (semicolon-separated).' },
      { name: 'former_names', type: 'string', list: true, description: 'Earlier names (semicolon-separated).' },
      { name: 'lat', type: 'number', description: 'Latitude (WGS 84).' },
      { name: 'lon', type: 'number', description: 'Longitude (WGS 84).' },
      { name: 'coord_precision', type: 'string', description: 'seat, centroid or approximate.' },
      { name: 'coord_source', type: 'string', description: 'Source id of the coordinate.' },
      { name: 'coord_note', type: 'string', description: 'How the coordinate was obtained, when approximate.' },
      { name: 'uncertain', type: 'string', description: 'What is not settled about the unit.' },
      { name: 'sources', type: 'string', list: true, description: 'Sources of the entry (semicolon-separated ids).' },
    ],
  },
  {
    entity: 'sources',
    name: 'sources',
    title: 'Sources',
    primaryKey: 'id',
    columns: [
      id,
      { name: 'kind', type: 'string', description: 'state_media, analysis, news, encyclopedia, imagery or other.', required: true },
      { name: 'publisher', type: 'string', description: 'Publisher or outlet.', required: true },
      { name: 'title', type: 'string', description: 'Title of the document.', required: true },
      { name: 'url', type: 'string', description: 'Where it was read.' },
      { name: 'published', type: 'string', description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.' },
      { name: 'language', type: 'string', description: 'Language code.' },
      { name: 'archived_url', type: 'string', description: 'Archived copy.' },
      { name: 'notes', type: 'string', description: 'Notes on the source.' },
      { name: 'attribution', type: 'string', description: 'Credit line its licence requires.' },
      { name: 'licence', type: 'string', description: 'Licence of the source material.' },
    ],
  },
  {
    entity: 'projects',
    name: 'projects',
    title: 'Projects',
    primaryKey: 'id',
    foreignKeys: [
      { fields: 'program_id', reference: { resource: 'programs', fields: 'id' } },
      { fields: 'locality_id', reference: { resource: 'localities', fields: 'id' } },
    ],
    columns: [
      id,
      { name: 'program_id', type: 'string', description: 'Program id.', required: true },
      { name: 'year', type: 'integer', description: 'Policy year (empty for a pilot).' },
      { name: 'pilot', type: 'boolean', description: 'A pilot before the program.', required: true },
      { name: 'locality_id', type: 'string', description: 'Locality id.', required: true },
      { name: 'label', type: 'string', description: 'Tells two projects of one locality in one year apart.' },
      { name: 'kinds', type: 'string', list: true, description: 'Facility kinds (semicolon-separated).', required: true },
      { name: 'counted', type: 'boolean', description: "Counts toward its year's target.", required: true },
      { name: 'counted_reason', type: 'string', description: 'Why it does not count.' },
      { name: 'notes', type: 'string', description: 'Notes.' },
      { name: 'locality', type: 'string', derived: true, description: 'Locality name (derived).' },
      { name: 'hangul', type: 'string', derived: true, description: 'Locality name in hangul (derived).' },
      { name: 'province_id', type: 'string', derived: true, description: 'Province id (derived).' },
      { name: 'status', type: 'string', derived: true, description: 'Status derived from events and claims.' },
      { name: 'groundbreaking', type: 'string', derived: true, description: 'First groundbreaking date (derived).' },
      { name: 'finished', type: 'string', derived: true, description: 'Inauguration or completion date (derived).' },
      { name: 'lat', type: 'number', derived: true, description: 'Latitude of the locality (derived).' },
      { name: 'lon', type: 'number', derived: true, description: 'Longitude of the locality (derived).' },
    ],
  },
  {
    entity: 'events',
    name: 'events',
    title: 'Events',
    primaryKey: 'id',
    foreignKeys: [{ fields: 'program_id', reference: { resource: 'programs', fields: 'id' } }],
    columns: [
      id,
      { name: 'program_id', type: 'string', description: 'Program id.', required: true },
      { name: 'project_id', type: 'string', description: 'Project id (empty for a program-level event).' },
      { name: 'type', type: 'string', description: 'announced, groundbreaking, construction_stage, leader_visit, completion, inauguration, production_start or other.', required: true },
      { name: 'label', type: 'string', description: 'Tells two events of one type apart.' },
      { name: 'date', type: 'string', description: 'YYYY, YYYY-MM or YYYY-MM-DD: the form gives the precision.', required: true },
      { name: 'precision', type: 'string', derived: true, description: 'day, month or year (derived from date).' },
      { name: 'leader_present', type: 'boolean', description: 'The leader attended.' },
      { name: 'notes', type: 'string', description: 'Notes.' },
    ],
  },
  {
    entity: 'claims',
    name: 'claims',
    title: 'Claims: what each source asserts',
    primaryKey: 'id',
    foreignKeys: [{ fields: 'source_id', reference: { resource: 'sources', fields: 'id' } }],
    columns: [
      id,
      { name: 'subject_type', type: 'string', description: 'program, locality, project, event or source.', required: true },
      { name: 'subject_id', type: 'string', description: 'Id of the record the claim is about.', required: true },
      { name: 'field', type: 'string', description: 'The field asserted (date, status, province…).', required: true },
      { name: 'value', type: 'string', description: 'The value asserted (lists semicolon-separated).', required: true },
      { name: 'value_type', type: 'string', description: 'string, number, boolean or list.', required: true },
      { name: 'source_id', type: 'string', description: 'Source id.', required: true },
      { name: 'quote', type: 'string', description: "At most one sentence of the source's words." },
      { name: 'said', type: 'string', description: 'What the source wrote, when it differs from the value.' },
      { name: 'rank', type: 'string', description: 'preferred, normal or deprecated.', required: true },
      { name: 'reason', type: 'string', description: 'Why this rank.' },
      { name: 'first_seen', type: 'string', description: 'When the tracker first recorded the claim.' },
      { name: 'last_seen', type: 'string', description: 'When the tracker last saw it asserted.' },
    ],
  },
]

export const tableByName = new Map(tables.map((t) => [t.name, t]))

export const listSeparator = '; '

/** A record as a flat row of strings (before CSV quoting); derived columns come from `derive`. */
export function recordToRow(table: TableDef, record: Record<string, unknown>, derived: Record<string, unknown> = {}): string[] {
  const flat = flatten(table, record)
  return table.columns.map((c) => {
    const v = c.derived ? derived[c.name] : flat[c.name]
    if (v === null || v === undefined) return ''
    if (Array.isArray(v)) return v.join(listSeparator)
    return String(v)
  })
}

function flatten(table: TableDef, r: Record<string, unknown>): Record<string, unknown> {
  if (table.entity === 'localities') {
    const coord = r.coord as { lat: number; lon: number; precision: string; source: string; note?: string | null } | null
    return { ...r, lat: coord?.lat, lon: coord?.lon, coord_precision: coord?.precision, coord_source: coord?.source, coord_note: coord?.note }
  }
  if (table.entity === 'claims') {
    const v = r.value as ClaimValue
    const type = Array.isArray(v) ? 'list' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string'
    return { ...r, value: v, value_type: type }
  }
  return r
}

/** Parses one cell by its column type; returns an error message instead of throwing. */
export function parseCell(column: Column, text: string): { value: unknown } | { error: string } {
  if (text === '') return { value: column.list ? [] : null }
  if (column.list) return { value: text.split(';').map((s) => s.trim()).filter((s) => s !== '') }
  switch (column.type) {
    case 'integer':
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { error: `${column.name}: "${text}" is not a whole number` }
    case 'number':
      return Number.isFinite(Number(text)) ? { value: Number(text) } : { error: `${column.name}: "${text}" is not a number` }
    case 'boolean':
      if (text === 'true') return { value: true }
      if (text === 'false') return { value: false }
      return { error: `${column.name}: "${text}" is not true or false` }
    default:
      return { value: text }
  }
}

/** Rebuilds a record from parsed cells (the inverse of recordToRow for non-derived columns). */
export function rowToRecord(table: TableDef, cells: Record<string, unknown>): Record<string, unknown> {
  const r: Record<string, unknown> = {}
  for (const c of table.columns) if (!c.derived && c.name in cells) r[c.name] = cells[c.name]
  if (table.entity === 'localities') {
    const { lat, lon, coord_precision, coord_source, coord_note, ...rest } = r
    return { ...rest, coord: lat === null || lat === undefined ? null : { lat, lon, precision: coord_precision, source: coord_source, ...(coord_note ? { note: coord_note } : {}) } }
  }
  if (table.entity === 'claims') {
    const { value, value_type, ...rest } = r
    const text = value as string
    const typed =
      value_type === 'list' ? (text ?? '').split(';').map((s) => s.trim()).filter(Boolean) : value_type === 'number' ? Number(text) : value_type === 'boolean' ? text === 'true' : text
    return { ...rest, value: typed }
  }
  return r
}

export function tableOfEntity(entity: EntityName): TableDef {
  return tables.find((t) => t.entity === entity)!
}

export type TableRows = Record<string, Record<string, unknown>[]>
export type { Dataset }
