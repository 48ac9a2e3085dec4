/**
 * Accounts: API tokens expire (the default setting and per token), are listed and revoked one by
 * one (GET/DELETE /api/tokens for your own, `tracker token list|revoke` for an admin), and stop
 * working after a password reset or when the user is disabled; user names are normalised and
 * look-alikes of an existing name are refused.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/api/app.ts'
import { createLogger } from '../../src/api/log.ts'
import { createAccount, createApiToken, disableAccount, resetPassword, revokeApiToken, tokensOf } from '../../src/service/accounts.ts'
import { sameSecret } from '../../src/service/passwords.ts'
import { openTracker, type Tracker } from '../../src/service/tracker.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/engines.ts'

describe('sameSecret', () => {
  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true)
    expect(sameSecret('abc', 'abd')).toBe(false)
    expect(sameSecret('abc', 'abcd')).toBe(false)
    expect(sameSecret(undefined, 'abc')).toBe(false)
    expect(sameSecret('', null)).toBe(false)
  })
})

describe.each(engines())('accounts on %s', (engine) => {
  let db: TestDatabase
  let tracker: Tracker
  let app: App

  beforeAll(async () => {
    db = await freshDatabase(engine, { TRACKER_TOKEN_DAYS: '30' })
    tracker = await openTracker(db.config, { loadBundled: false })
    app = createApp({ tracker, log: createLogger('silent') })
    await createAccount(tracker.store.db, 'admin1', 'admin', 'admin-password-123')
    await createAccount(tracker.store.db, 'tess', 'editor', 'tess-password-123')
    await createAccount(tracker.store.db, 'other', 'editor', 'other-password-123')
  }, 120_000)
  afterAll(async () => {
    await tracker?.close()
    await db?.cleanup()
  })

  const call = async (method: string, url: string, token: string | null, body?: unknown) => {
    const headers: Record<string, string> = {}
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await app.request(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const whoami = async (token: string) => (await call('GET', '/api/session', token)).status

  it('a new token expires after TRACKER_TOKEN_DAYS by default, or after the days asked for; then it is refused', async () => {
    const first = await createApiToken(tracker.store.db, 'tess', 'bootstrap', { days: tracker.config.tokenDays })
    const made = await call('POST', '/api/tokens', first, { label: 'default expiry' })
    expect(made.status).toBe(201)
    const days = (Date.parse(made.body.expires_at) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThan(30.1)
    const short = await call('POST', '/api/tokens', first, { label: 'one day', expires_in_days: 1 })
    expect((Date.parse(short.body.expires_at) - Date.now()) / 86_400_000).toBeCloseTo(1, 1)
    expect((await call('POST', '/api/tokens', first, { label: 'never', expires_in_days: 0 })).body.expires_at).toBeNull()
    expect((await call('POST', '/api/tokens', first, { label: 'too long', expires_in_days: 99_999 })).status).toBe(400)
    expect(await whoami(short.body.token)).toBe(200)
    await sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${short.body.id}`.execute(tracker.store.db)
    const refused = await call('GET', '/api/session', short.body.token)
    expect(refused.status).toBe(401)
    expect(refused.body.error.message).toMatch(/expired/)
  })

  it('GET /api/tokens lists only your own tokens, without secrets; DELETE revokes one of them, not somebody else’s', async () => {
    const mine = await createApiToken(tracker.store.db, 'tess', 'mine')
    const spare = await createApiToken(tracker.store.db, 'tess', 'spare')
    const theirs = await createApiToken(tracker.store.db, 'other', 'theirs')
    const list = await call('GET', '/api/tokens', mine)
    expect(list.status).toBe(200)
    expect(list.body.items.every((t: { user: string }) => t.user === 'tess')).toBe(true)
    expect(list.body.items.map((t: { label: string }) => t.label)).toEqual(expect.arrayContaining(['mine', 'spare']))
    expect(JSON.stringify(list.body)).not.toContain(spare.slice(13))
    const spareId = spare.split('_')[1]!
    const theirId = theirs.split('_')[1]!
    expect((await call('DELETE', `/api/tokens/${theirId}`, mine)).status).toBe(404)
    expect(await whoami(theirs)).toBe(200)
    expect((await call('DELETE', `/api/tokens/${spareId}`, mine)).status).toBe(200)
    expect(await whoami(spare)).toBe(401)
    expect(await whoami(mine)).toBe(200)
    const after = await call('GET', '/api/tokens', mine)
    expect(after.body.items.find((t: { id: string }) => t.id === spareId)).toMatchObject({ active: false })
    expect((await call('GET', '/api/tokens', null)).status).toBe(401)
  })

  it('a token with the right id but a wrong secret is refused', async () => {
    const token = await createApiToken(tracker.store.db, 'tess', 'tamper')
    const forged = `${token.slice(0, 13)}${'A'.repeat(token.length - 13)}`
    expect(await whoami(token)).toBe(200)
    expect(await whoami(forged)).toBe(401)
  })

  it('a password reset revokes the user’s tokens; disabling the user too', async () => {
    await createAccount(tracker.store.db, 'resetme', 'editor', 'resetme-password-1')
    const token = await createApiToken(tracker.store.db, 'resetme', 'before reset')
    expect(await whoami(token)).toBe(200)
    await resetPassword(tracker.store.db, 'resetme', 'resetme-password-2')
    expect(await whoami(token)).toBe(401)
    expect((await tokensOf(tracker.store.db, 'resetme'))[0]!.revoked_at).not.toBeNull()
    const again = await createApiToken(tracker.store.db, 'resetme', 'after reset')
    expect(await whoami(again)).toBe(200)
    await disableAccount(tracker.store.db, 'resetme')
    expect(await whoami(again)).toBe(401)
  })

  it('tokens can be revoked by id (as `tracker token revoke` does); an unknown id is a clear error', async () => {
    const token = await createApiToken(tracker.store.db, 'other', 'cli')
    await revokeApiToken(tracker.store.db, token.split('_')[1]!)
    expect(await whoami(token)).toBe(401)
    await expect(revokeApiToken(tracker.store.db, 'nosuchid')).rejects.toThrow(/no API token with id "nosuchid"/)
  })

  it('refuses look-alike user names beside an existing one, and signs in whatever the case', async () => {
    const admin = await createApiToken(tracker.store.db, 'admin1', 'admin')
    for (const name of ['Admin1', 'ADMIN1', 'ａｄｍｉｎ１', 'admln1']) {
      const r = await call('POST', '/api/users', admin, { name, role: 'editor', password: 'lookalike-password-1' })
      expect(r.status, name).toBe(409)
      expect(r.body.error.message, name).toMatch(/admin1/)
    }
    // Cyrillic а among Latin letters: refused outright (mixed scripts).
    const cyrillic = await call('POST', '/api/users', admin, { name: 'аdmin1', role: 'editor', password: 'lookalike-password-1' })
    expect(cyrillic.status).toBe(400)
    // All-Cyrillic look-alike of a Latin name: same skeleton, refused as a look-alike.
    await createAccount(tracker.store.db, 'copec', 'viewer', 'copec-password-12')
    expect((await call('POST', '/api/users', admin, { name: 'сорес', role: 'editor', password: 'lookalike-password-1' })).status).toBe(409)
    expect((await call('POST', '/api/users', admin, { name: 'admin2', role: 'editor', password: 'admin2-password-1' })).status).toBe(201)
    const signIn = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ＡＤＭＩＮ２', password: 'admin2-password-1' }) })
    expect(signIn.status).toBe(200)
    expect((await signIn.json()).user.name).toBe('admin2')
    const users = await call('GET', '/api/users', admin)
    expect(users.body.items.map((u: { name: string }) => u.name).filter((n: string) => /admin/i.test(n))).toEqual(['admin1', 'admin2'])
  })

  it('refuses unknown fields in account bodies', async () => {
    const admin = await createApiToken(tracker.store.db, 'admin1', 'admin')
    const r = await call('POST', '/api/users', admin, { name: 'newbie', role: 'editor', password: 'newbie-password-1', is_admin: true })
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body.error)).toContain('is_admin')
  })
})
