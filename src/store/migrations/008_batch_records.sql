-- Records a write changed without a revision, named by the write's batch: an import that sees claims
-- again moves their last_seen and writes no revision (the history would fill with re-imports). Readers
-- patch these in with the batch's revisions, so a re-import no longer makes every instance read
-- the whole data again (15 s at 100x), and other instances see the new last_seen at all.
create table if not exists batch_records (
  batch text not null,
  entity_type text not null,
  entity_id text not null,
  at timestamptz not null default now()
);
create index if not exists batch_records_batch on batch_records (batch);
create index if not exists batch_records_at on batch_records (at);
