/**
 * @module What the feed poller remembers, in the database so it holds across restarts and
 * instances: each feed's failures and when to poll it next (backoff), and every item seen —
 * claiming an item is an insert that only one caller can win, so no item is taken in twice.
 * With PostgreSQL, one instance polls a feed at a time under an advisory lock held on one
 * pooled connection for the poll; the embedded database belongs to one process anyway.
 */
import { sql, type Kysely } from 'kysely'
import { shortHash } from '../model/ids.ts'
import type { Store } from './open.ts'
import type { DB } from './schema.ts'

export interface FeedState {
  url: string
  failures: number
  next_poll_at: string
  last_polled_at: string | null
  last_ok_at: string | null
  last_error: string | null
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

export async function feedState(db: Kysely<DB>, url: string): Promise<FeedState> {
  await db.insertInto('feeds').values({ url, next_poll_at: new Date(0).toISOString() }).onConflict((oc) => oc.column('url').doNothing()).execute()
  const r = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirstOrThrow()
  return { ...r, next_poll_at: iso(r.next_poll_at)!, last_polled_at: iso(r.last_polled_at), last_ok_at: iso(r.last_ok_at) }
}

export async function recordPoll(db: Kysely<DB>, url: string, outcome: { ok: true; nextAt: Date } | { ok: false; error: string; nextAt: Date }): Promise<void> {
  const now = new Date().toISOString()
  await db
    .updateTable('feeds')
    .set(
      outcome.ok
        ? { failures: 0, last_error: null, last_ok_at: now, last_polled_at: now, next_poll_at: outcome.nextAt.toISOString() }
        : { failures: sql`failures + 1`, last_error: outcome.error.slice(0, 500), last_polled_at: now, next_poll_at: outcome.nextAt.toISOString() },
    )
    .where('url', '=', url)
    .execute()
}

/** Claims an item for this poller: true the first time anyone sees it, false ever after. */
export async function claimItem(db: Kysely<DB>, feedUrl: string, itemKey: string): Promise<boolean> {
  const row = await db.insertInto('feed_items').values({ feed_url: feedUrl, item_key: itemKey.slice(0, 2000) }).onConflict((oc) => oc.doNothing()).returning('item_key').executeTakeFirst()
  return row !== undefined
}

export async function finishItem(db: Kysely<DB>, feedUrl: string, itemKey: string, outcome: { report_id?: string | null; error?: string | null }): Promise<void> {
  await db
    .updateTable('feed_items')
    .set({ report_id: outcome.report_id ?? null, error: outcome.error?.slice(0, 500) ?? null })
    .where('feed_url', '=', feedUrl)
    .where('item_key', '=', itemKey.slice(0, 2000))
    .execute()
}

/** Gives a claimed item back (its article could not be fetched this time): the next poll takes it again. */
export async function releaseItem(db: Kysely<DB>, feedUrl: string, itemKey: string): Promise<void> {
  await db.deleteFrom('feed_items').where('feed_url', '=', feedUrl).where('item_key', '=', itemKey.slice(0, 2000)).where('report_id', 'is', null).execute()
}

export async function seenItems(db: Kysely<DB>, feedUrl: string): Promise<{ item_key: string; report_id: string | null; error: string | null }[]> {
  return db.selectFrom('feed_items').select(['item_key', 'report_id', 'error']).where('feed_url', '=', feedUrl).orderBy('seen_at').execute()
}

/** The advisory-lock key of a feed: a stable 31-bit number from its URL. */
function lockKey(url: string): number {
  return Number.parseInt(shortHash('feed', url).slice(0, 7), 16)
}

/**
 * Runs `fn` only if no other instance is polling this feed right now; returns false when it was
 * busy. PostgreSQL: pg_try_advisory_lock on one pooled connection, released on the same one.
 */
export async function withFeedLock(store: Store, url: string, fn: () => Promise<void>): Promise<boolean> {
  if (store.engine !== 'postgres') {
    if (busy.has(url)) return false
    busy.add(url)
    try {
      await fn()
    } finally {
      busy.delete(url)
    }
    return true
  }
  const key = lockKey(url)
  return store.db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn)
    if (!got.rows[0]?.ok) return false
    try {
      await fn()
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn)
    }
    return true
  })
}
const busy = new Set<string>()
