-- The intake's review queue. A report (an article, a feed item) is taken in once: its URL and the
-- hash of its text are unique, so re-ingesting it — also by two instances at once — adds nothing.
-- Each fact the extractor read from it is a proposal that waits for an editor's accept or reject.
-- Feeds remember what they have seen, so no item is taken in twice, across restarts.

create table reports (
  id text primary key, -- "r-" + the first 16 hex digits of text_hash
  url text unique, -- normalized (lower-case host, no fragment, no tracking parameters)
  text_hash text not null unique, -- sha-256 of the article text with its white space folded
  text text not null, -- the article text the evidence offsets refer to
  title text,
  published text,
  language text,
  publisher text,
  kind text not null,
  via text not null check (via in ('api', 'cli', 'feed')),
  feed_url text,
  received_by text not null,
  received_at timestamptz not null default now(),
  source_id text -- the source the report became when a proposal from it was accepted
);
create index reports_received on reports (received_at);

create table proposals (
  id integer generated always as identity primary key,
  report_id text not null references reports (id),
  seq integer not null, -- order within the report
  event jsonb not null, -- the extracted fields (type, locality, candidates, province, date…)
  match_kind text not null check (match_kind in ('new', 'confirms', 'conflicts', 'new_project', 'duplicate')),
  match jsonb not null, -- kind, project_id, event_id and what differs, as matched at intake
  state text not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  reason text,
  accepted jsonb, -- the fields as accepted (amended or not) and the records written
  batch text, -- the revision batch of the accept
  created_at timestamptz not null default now(),
  unique (report_id, seq)
);
create index proposals_state on proposals (state, match_kind);

alter table revisions add column proposal_id integer;

create table feeds (
  url text primary key,
  failures integer not null default 0,
  next_poll_at timestamptz not null default now(),
  last_polled_at timestamptz,
  last_ok_at timestamptz,
  last_error text
);

create table feed_items (
  feed_url text not null,
  item_key text not null, -- the item's guid or id, else its link
  seen_at timestamptz not null default now(),
  report_id text,
  error text,
  primary key (feed_url, item_key)
);
