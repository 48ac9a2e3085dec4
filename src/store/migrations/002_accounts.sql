-- Accounts, sessions and API tokens. Passwords and tokens are stored only as hashes.
-- Sessions live in the database so several app instances behind a load balancer share them.

create table users (
  id integer generated always as identity primary key,
  name text not null unique,
  role text not null check (role in ('viewer', 'editor', 'admin')),
  password_hash text not null,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table sessions (
  id text primary key, -- sha-256 of the cookie value
  user_id integer not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id text primary key, -- the token's public prefix
  user_id integer not null references users (id),
  label text not null,
  token_hash text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table login_failures (
  id integer generated always as identity primary key,
  account text not null,
  address text not null,
  at timestamptz not null default now()
);
create index login_failures_account on login_failures (account, at);
create index login_failures_address on login_failures (address, at);

alter table revisions add column reverts integer;
