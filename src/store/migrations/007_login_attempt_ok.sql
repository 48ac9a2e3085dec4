-- A successful sign-in keeps its row as 'ok', stamped with when it settled: it still counts for the
-- attempts that arrived before it settled (a burst in flight), so a burst holding the right password
-- gets no more checks than the limit; attempts that arrive later do not count it.
alter table login_attempts drop constraint if exists login_attempts_outcome_check;
alter table login_attempts add constraint login_attempts_outcome_check check (outcome in ('pending', 'failed', 'ok'));
