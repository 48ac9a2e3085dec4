-- Accounts hardening (issue 11).
-- Sign-in attempts are reserved in this table before the password is checked, under an advisory
-- lock per account and per address, so that concurrent requests (also on several instances
-- sharing one PostgreSQL) cannot all pass the limit; a reservation becomes a failure or is
-- deleted on success. It replaces login_failures, which was written only after the check.
create table login_attempts (
  id integer generated always as identity primary key,
  account text not null, -- the normalised name key that was tried
  address text not null,
  at timestamptz not null default now(),
  outcome text not null default 'pending' check (outcome in ('pending', 'failed'))
);
create index login_attempts_pair on login_attempts (account, address, at);
create index login_attempts_address on login_attempts (address, at);
create index login_attempts_at on login_attempts (at);
drop table login_failures;

-- API tokens expire; null means the token was made before expiry existed (treated as never).
alter table api_tokens add column expires_at timestamptz;

-- The name a user signs in with, normalised (NFKC, lower case): "Alice" and "ＡＬＩＣＥ" are one
-- account. Look-alike names (Cyrillic "а" for Latin "a") are refused by the service when a user
-- is added; this column makes the sign-in lookup exact. Not unique: databases made before this
-- migration may hold names that differ only in case, and the migration must not fail on them.
alter table users add column name_key text;
update users set name_key = lower(normalize(name, NFKC));
alter table users alter column name_key set not null;
create index users_lookup on users (name_key);
