/** @module The tables as Kysely sees them (see migrations/). */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

type Timestamps = {
  version: Generated<number>
  created_at: ColumnType<Date | string, string | undefined, string>
  updated_at: ColumnType<Date | string, string | undefined, string>
  deleted_at: ColumnType<Date | string | null, string | null | undefined, string | null>
}
/** jsonb columns are written as JSON text and read back parsed. */
type Json<T> = ColumnType<T, string, string>

export interface MetaTable {
  key: string
  value: string
}

export type ProgramsTable = Timestamps & {
  id: string
  name: string
  short_name: string
  description: string | null
  start_year: number
  years: number
  target_per_year: number
  counts: string
  source_ids: Json<string[]>
}

export type ProvincesTable = Timestamps & {
  id: string
  iso: string | null
  kind: string
  hangul: string
  mr: string
  plain: string
  rr: string
  hanja: string | null
  hanja_source: string | null
  aliases: Json<string[]>
}

export type SourcesTable = Timestamps & {
  id: string
  kind: string
  publisher: string
  title: string
  url: string | null
  published: string | null
  language: string | null
  archived_url: string | null
  notes: string | null
  attribution: string | null
  licence: string | null
}

export type LocalitiesTable = Timestamps & {
  id: string
  province_id: string
  type: string
  hangul: string
  mr: string
  plain: string
  rr: string
  hanja: string | null
  hanja_source: string | null
  aliases: Json<string[]>
  former_names: Json<string[]>
  coord: Json<unknown>
  uncertain: string | null
  source_ids: Json<string[]>
}

export type ProjectsTable = Timestamps & {
  id: string
  program_id: string
  year: number | null
  pilot: boolean
  locality_id: string
  label: string | null
  kinds: Json<string[]>
  counted: boolean
  counted_reason: string | null
  notes: string | null
}

export type EventsTable = Timestamps & {
  id: string
  program_id: string
  project_id: string | null
  type: string
  label: string | null
  date: string
  date_start: string
  date_end: string
  leader_present: boolean | null
  notes: string | null
}

export type ClaimsTable = Timestamps & {
  id: string
  subject_type: string
  subject_id: string
  field: string
  value: Json<unknown>
  source_id: string
  quote: string | null
  said: string | null
  rank: string
  reason: string | null
  first_seen: string | null
  last_seen: string | null
}

export interface RevisionsTable {
  id: Generated<number>
  at: ColumnType<Date | string, string | undefined, never>
  actor: string
  entity_type: string
  entity_id: string
  action: string
  before: Json<unknown>
  after: Json<unknown>
  comment: string
  source_id: string | null
  batch: string | null
  reverts: ColumnType<number | null, number | null | undefined, number | null>
  proposal_id: ColumnType<number | null, number | null | undefined, number | null>
}

/** Records a write changed without a revision (claims seen again by an import), by the write's batch. */
export interface BatchRecordsTable {
  batch: string
  entity_type: string
  entity_id: string
  at: ColumnType<Date | string, string | undefined, never>
}

export interface UsersTable {
  id: Generated<number>
  name: string
  /** The name normalised for look-ups (NFKC, lower case). */
  name_key: string
  role: string
  password_hash: string
  disabled_at: ColumnType<Date | string | null, string | null | undefined, string | null>
  created_at: ColumnType<Date | string, string | undefined, string>
  updated_at: ColumnType<Date | string, string | undefined, string>
}

export interface SessionsTable {
  id: string
  user_id: number
  csrf_token: string
  created_at: ColumnType<Date | string, string | undefined, string>
  expires_at: ColumnType<Date | string, string, string>
  last_seen_at: ColumnType<Date | string, string | undefined, string>
}

export interface ApiTokensTable {
  id: string
  user_id: number
  label: string
  token_hash: string
  created_at: ColumnType<Date | string, string | undefined, string>
  last_used_at: ColumnType<Date | string | null, string | null | undefined, string | null>
  revoked_at: ColumnType<Date | string | null, string | null | undefined, string | null>
  expires_at: ColumnType<Date | string | null, string | null | undefined, string | null>
}

export interface LoginAttemptsTable {
  id: Generated<number>
  account: string
  address: string
  at: ColumnType<Date | string, string | undefined, never>
  outcome: ColumnType<'pending' | 'failed' | 'ok', 'pending' | 'failed' | 'ok' | undefined, 'pending' | 'failed' | 'ok'>
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: ColumnType<Date | string, string | undefined, never>
}

type Stamp = ColumnType<Date | string, string | undefined, string>
type MaybeStamp = ColumnType<Date | string | null, string | null | undefined, string | null>

export interface ReportsTable {
  id: string
  url: string | null
  text_hash: string
  text: string
  title: string | null
  published: string | null
  language: string | null
  publisher: string | null
  kind: string
  via: string
  feed_url: string | null
  received_by: string
  received_at: Stamp
  source_id: string | null
}

export interface ProposalsTable {
  id: Generated<number>
  report_id: string
  seq: number
  event: Json<Record<string, unknown>>
  match_kind: string
  match: Json<Record<string, unknown>>
  state: ColumnType<string, string | undefined, string>
  decided_by: string | null
  decided_at: MaybeStamp
  reason: string | null
  accepted: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  batch: string | null
  created_at: Stamp
}

export interface FeedsTable {
  url: string
  failures: ColumnType<number, number | undefined, number>
  next_poll_at: Stamp
  last_polled_at: MaybeStamp
  last_ok_at: MaybeStamp
  last_error: string | null
}

export interface FeedItemsTable {
  feed_url: string
  item_key: string
  seen_at: Stamp
  report_id: string | null
  error: string | null
}

export interface DB {
  meta: MetaTable
  programs: ProgramsTable
  provinces: ProvincesTable
  sources: SourcesTable
  localities: LocalitiesTable
  projects: ProjectsTable
  events: EventsTable
  claims: ClaimsTable
  revisions: RevisionsTable
  batch_records: BatchRecordsTable
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  login_attempts: LoginAttemptsTable
  schema_migrations: SchemaMigrationsTable
  reports: ReportsTable
  proposals: ProposalsTable
  feeds: FeedsTable
  feed_items: FeedItemsTable
}

export type Row<T extends keyof DB> = Selectable<DB[T]>
export type NewRow<T extends keyof DB> = Insertable<DB[T]>
