-- The records of the tracker. Ids are text derived from key fields (see docs/data-format.md).
-- Every record has a version (for If-Match), timestamps and a soft-delete mark; every write
-- also appends to revisions and bumps meta.data_version in the same transaction.

create table meta (
  key text primary key,
  value text not null
);
insert into meta (key, value) values ('data_version', '0');

create table programs (
  id text primary key,
  name text not null,
  short_name text not null,
  description text,
  start_year integer not null,
  years integer not null check (years > 0),
  target_per_year integer not null check (target_per_year > 0),
  counts text not null,
  source_ids jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create table provinces (
  id text primary key,
  iso text,
  kind text not null,
  hangul text not null,
  mr text not null,
  plain text not null,
  rr text not null,
  aliases jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create table sources (
  id text primary key,
  kind text not null,
  publisher text not null,
  title text not null,
  url text,
  published text,
  language text,
  archived_url text,
  notes text,
  attribution text,
  licence text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create table localities (
  id text primary key,
  province_id text not null references provinces (id),
  type text not null,
  hangul text not null,
  mr text not null,
  plain text not null,
  rr text not null,
  aliases jsonb not null default '[]',
  former_names jsonb not null default '[]',
  coord jsonb,
  uncertain text,
  source_ids jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index localities_province on localities (province_id);

create table projects (
  id text primary key,
  program_id text not null references programs (id),
  year integer,
  pilot boolean not null default false,
  locality_id text not null references localities (id),
  label text,
  kinds jsonb not null,
  counted boolean not null,
  counted_reason text,
  notes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index projects_program_year on projects (program_id, year);
create index projects_locality on projects (locality_id);

create table events (
  id text primary key,
  program_id text not null references programs (id),
  project_id text references projects (id),
  type text not null,
  label text,
  date text not null,
  date_start text not null,
  date_end text not null,
  leader_present boolean,
  notes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index events_project on events (project_id);
create index events_date on events (date_start);

create table claims (
  id text primary key,
  subject_type text not null,
  subject_id text not null,
  field text not null,
  value jsonb not null,
  source_id text not null references sources (id),
  quote text,
  said text,
  rank text not null default 'normal',
  reason text,
  first_seen text,
  last_seen text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index claims_subject on claims (subject_type, subject_id);
create index claims_source on claims (source_id);

create table revisions (
  id integer generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  entity_type text not null,
  entity_id text not null,
  action text not null,
  before jsonb,
  after jsonb,
  comment text not null,
  source_id text,
  batch text
);
create index revisions_entity on revisions (entity_type, entity_id);
create index revisions_at on revisions (at);
