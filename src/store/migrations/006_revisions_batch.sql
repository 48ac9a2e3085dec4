-- The read model patches its snapshot with the records of a write's batch, found by this index
-- (without it, every write scanned the whole revision log).
create index if not exists revisions_batch on revisions (batch);
