/**
 * Browser tests of editing: signing in, changing a project's note with a comment and seeing it
 * in the history with its diff, the 412 path (someone else saves first: their version side by
 * side with ours, then re-applied), the API's validation messages next to their fields, adding
 * an event with a source picked from the search, changing an event's date, deleting and
 * restoring, reverting a revision (and the 409 when a later change blocks it), and no editing
 * controls for viewers. Screenshots of the edit form and the conflict view go to test/artifacts/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
let otherToken: string
const editor = { name: 'edna', password: 'edna-editor-password-1' }
const viewer = { name: 'vera', password: 'vera-viewer-password-1' }

beforeAll(async () => {
  t = await startWebTest()
  const db = t.server.tracker.store.db
  await createAccount(db, editor.name, 'editor', editor.password)
  await createAccount(db, 'otto', 'editor', 'otto-editor-password-1')
  await createAccount(db, viewer.name, 'viewer', viewer.password)
  otherToken = await createApiToken(db, 'otto', 'second editor in the tests')
})
afterAll(async () => t?.close())

const songchon = '20x10.2024.south-pyongan.songchon'
const koksan = '20x10.2025.north-hwanghae.koksan'
const sinyang = '20x10.2025.south-pyongan.sinyang'
const ryonggang = '20x10.2025.nampo.ryonggang'

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${otherToken}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`
  const res = await fetch(`${t.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  return { status: res.status, body: (await res.json()) as T }
}

const project = async (id: string) => (await api<{ version: number; notes: string | null; events: { id: string; type: string; date: string; version: number; claims: { id: string; value: unknown; rank: string }[] }[] }>('GET', `/api/projects/${id}`)).body

async function signIn(page: Page, who: { name: string; password: string }, next = '/'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Name').fill(who.name)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForSelector(`[data-testid=session] >> text=${who.name}`)
}

/** Console errors other than the browser's notes about the 4xx answers these tests provoke. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409|412)/.test(e))

async function openEditForm(page: Page, id: string) {
  await page.goto(`/projects/${id}`)
  await page.getByRole('button', { name: 'Edit project' }).click()
  const form = page.locator('[data-testid=project-form]')
  await form.waitFor()
  return form
}

describe('signing in', () => {
  it('signs in from the header link, shows who is signed in, and signs out', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto(`/projects/${songchon}`)
    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.waitForURL('**/signin?next=*')
    await page.getByLabel('Name').fill(editor.name)
    await page.getByLabel('Password').fill('wrong password!')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.locator('.form-error').textContent()).resolves.toContain('Wrong name or password')
    await page.getByLabel('Password').fill(editor.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`**/projects/${songchon}`)
    await expect(page.locator('[data-testid=session]').textContent()).resolves.toMatch(/edna\s*editor/)
    await page.locator('[data-testid=project-tools]').waitFor()
    // The session survives a reload (HttpOnly cookie; the CSRF token is read again from GET /api/session).
    await page.reload()
    await page.locator('[data-testid=project-tools]').waitFor()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('link', { name: 'Sign in' }).waitFor()
    expect(await page.locator('[data-testid=project-tools]').count()).toBe(0)
    expect(unexpected(errors)).toEqual([])
    await close()
  })
})

describe('viewers', () => {
  it('see no editing controls, signed in or not', async () => {
    const { page, errors, close } = await openPage(t)
    for (const signedIn of [false, true]) {
      if (signedIn) await signIn(page, viewer)
      await page.goto(`/projects/${songchon}`)
      await page.waitForSelector('.event-line .event')
      await page.waitForSelector('[data-testid=history] .rev-group')
      expect(await page.locator('[data-testid=project-tools], [data-testid=event-tools], .tools, .edit-form').count()).toBe(0)
      expect(await page.getByRole('button', { name: /Revert|Prefer|Edit|Delete/ }).count()).toBe(0)
      await page.goto('/sources')
      await page.waitForSelector('table.data tbody tr')
      expect(await page.locator('[data-testid=new-source]').count()).toBe(0)
    }
    expect(unexpected(errors)).toEqual([])
    await close()
  })
})

describe('editing as an editor', () => {
  it("changes a project's note with a comment: saved, and in the history with its diff", async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page, editor)
    const before = await project(songchon)
    const form = await openEditForm(page, songchon)
    // The form takes the focus, so it can be filled from the keyboard right away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('notes')
    const note = 'Checked against the KCNA report of 20 December 2024 <b>not bold</b>.'
    await form.getByLabel('Notes').fill(note)
    await form.getByLabel('Why this change').fill('clarify the note')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'edit-form', { fullPage: false })
    await form.getByRole('button', { name: 'Save' }).click()
    await page.waitForSelector('.tool-status .saved')
    // "Saved" shows as soon as the API answers; the page then reads the project and its history again.
    await page.locator('[data-testid=project-notes]', { hasText: note }).waitFor({ timeout: 10_000 })
    await page.locator('[data-testid=history] .rev-comment', { hasText: 'clarify the note' }).first().waitFor({ timeout: 10_000 })
    await expect(page.locator('[data-testid=project-notes]').textContent()).resolves.toBe(note)
    expect(await page.locator('[data-testid=project-notes] b').count()).toBe(0)
    expect((await project(songchon)).version).toBe(before.version + 1)
    const latest = page.locator('[data-testid=history] .rev-group').first()
    await expect(latest.locator('.rev-comment').textContent()).resolves.toBe('clarify the note')
    await expect(latest.locator('.rev-actor').textContent()).resolves.toBe(editor.name)
    await expect(latest.locator('.diff [data-field=notes] del').textContent()).resolves.toContain(before.notes!.slice(0, 40))
    await expect(latest.locator('.diff [data-field=notes] ins').textContent()).resolves.toContain(note)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('checks the fields before sending and shows every problem beside its field: no comment, no source for a new event', async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page, editor)
    const form = await openEditForm(page, koksan)
    await form.getByLabel('Notes').fill('A note without a reason.')
    await form.getByRole('button', { name: 'Save' }).click()
    const comment = form.locator('[data-field=comment] [data-testid=field-error]')
    await comment.waitFor()
    expect(await comment.textContent()).toContain('Say in a few words why you make this change')
    expect(await form.locator('[data-testid=form-error]').textContent()).toContain('Correct the field marked below.')
    expect(await form.locator('[data-testid=error-summary] a').allTextContents()).toEqual(['Say in a few words why you make this change'])
    expect(await form.getByLabel('Why this change').getAttribute('aria-invalid')).toBe('true')
    expect(await form.locator('[data-field=notes] [data-testid=field-error]').count()).toBe(0)
    await form.getByRole('button', { name: 'Cancel' }).click()
    expect((await project(koksan)).notes).not.toBe('A note without a reason.')

    const eventsBefore = await page.locator('.event-line .event').count()
    await page.getByRole('button', { name: 'Add event' }).click()
    const add = page.locator('[data-testid=event-form]')
    await add.getByLabel('What happened').selectOption('leader_visit')
    // Dated before the source picked below was published (2025-02): a report cannot tell of a later visit.
    await add.getByLabel('Label').fill('November 2024')
    await add.getByLabel('Date').fill('2024-11')
    await add.getByLabel('Why this change').fill('KCNA reports a visit')
    await add.getByRole('button', { name: 'Add event' }).click()
    const sourceError = add.locator('[data-field=source] [data-testid=field-error]')
    await sourceError.waitFor()
    expect(await sourceError.textContent()).toContain('Choose the source that reports this')
    expect(await add.locator('[data-testid=error-summary]').textContent()).toContain('Choose the source that reports this')
    // Pick the source from the search, with the keyboard.
    const picker = add.getByRole('combobox', { name: /Source/ })
    await picker.fill('38 North')
    await add.locator('[role=option]').first().waitFor()
    await picker.press('ArrowDown')
    await picker.press('Enter')
    await expect(add.locator('.picked code').textContent()).resolves.toMatch(/^38north/)
    await add.getByLabel('Quote').fill('Kim Jong Un visited the construction site in November.')
    await add.getByRole('button', { name: 'Add event' }).click()
    await page.waitForSelector('.tool-status .saved')
    await page.waitForFunction((n) => document.querySelectorAll('.event-line .event').length === n + 1, eventsBefore)
    const added = (await project(koksan)).events.find((e) => e.id === `${koksan}~leader_visit~november-2024`)
    expect(added?.date).toBe('2024-11')
    expect(added?.claims).toHaveLength(1)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('someone else saves first: 412, their version beside ours, then our change re-applied on theirs', async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page, editor)
    const start = await project(sinyang)
    const form = await openEditForm(page, sinyang)
    // Meanwhile a second editor changes the same project through the API.
    const theirs = await api('PATCH', `/api/projects/${sinyang}`, { notes: 'Otto: groundbreaking confirmed by satellite imagery.', comment: 'otto adds imagery' }, start.version)
    expect(theirs.status).toBe(200)
    const mine = 'Edna: the factories were inaugurated in December.'
    await form.getByLabel('Notes').fill(mine)
    await form.getByLabel('Why this change').fill('edna updates the note')
    await form.getByRole('button', { name: 'Save' }).click()
    const conflict = page.locator('[data-testid=conflict]')
    await conflict.waitFor()
    await expect(conflict.locator('h3').textContent()).resolves.toBe('Someone else changed this — here is their version')
    const row = conflict.locator('tr[data-field=notes]')
    await expect(row.locator('td').nth(0).textContent()).resolves.toContain('Otto: groundbreaking confirmed')
    await expect(row.locator('td').nth(1).textContent()).resolves.toContain(mine)
    await expect(conflict.textContent()).resolves.toContain(`version ${start.version + 1}`)
    // Focus moves to the conflict, so keyboard and screen-reader users learn of it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'conflict', { fullPage: false })
    await conflict.getByRole('button', { name: 'Apply my change to their version' }).click()
    await page.waitForSelector('.tool-status .saved')
    // "Saved" shows as soon as the API answers; the page then reads the project again.
    await page.locator('[data-testid=project-notes]', { hasText: mine }).waitFor({ timeout: 10_000 })
    await page.locator('[data-testid=history] .rev-comment', { hasText: 'edna updates the note' }).first().waitFor({ timeout: 10_000 })
    await expect(page.locator('[data-testid=project-notes]').textContent()).resolves.toBe(mine)
    const after = await project(sinyang)
    expect(after.notes).toBe(mine)
    expect(after.version).toBe(start.version + 2)
    const comments = await page.locator('[data-testid=history] .rev-comment').allTextContents()
    expect(comments.slice(0, 2)).toEqual(['edna updates the note', 'otto adds imagery'])
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('discards a change that lost to someone else: their version stays and is shown', async () => {
    const { page, close } = await openPage(t)
    await signIn(page, editor)
    const start = await project(ryonggang)
    const form = await openEditForm(page, ryonggang)
    expect((await api('PATCH', `/api/projects/${ryonggang}`, { notes: 'Otto was first.', comment: 'otto first' }, start.version)).status).toBe(200)
    await form.getByLabel('Notes').fill('Edna was second.')
    await form.getByLabel('Why this change').fill('edna second')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.locator('[data-testid=conflict]').getByRole('button', { name: 'Discard my change' }).click()
    await expect(page.locator('[data-testid=project-notes]').textContent()).resolves.toBe('Otto was first.')
    expect((await project(ryonggang)).notes).toBe('Otto was first.')
    await close()
  })

  it('reverts a revision from the history, and shows the 409 when a later change blocks it', async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page, editor)
    await page.goto(`/projects/${sinyang}`)
    // The latest change (Edna's note) is reverted: Otto's note comes back.
    const latest = page.locator('[data-testid=history] .rev').first()
    await latest.waitFor()
    const revised = await latest.getAttribute('data-revision')
    await latest.getByRole('button', { name: 'Revert…' }).click()
    const form = latest.locator('[data-testid=revert-form]')
    await form.getByLabel('Why this change').fill('the December date is not confirmed')
    await form.getByRole('button', { name: 'Revert' }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid=project-notes]')?.textContent?.startsWith('Otto'))
    const top = page.locator('[data-testid=history] .rev').first()
    await expect(top.textContent()).resolves.toContain(`reverts revision ${revised}`)
    await expect(page.locator('[data-testid=history] .rev-comment').first().textContent()).resolves.toBe('the December date is not confirmed')
    // Otto's older revision is superseded: no Revert is offered on it, nor on the initial load.
    const older = page.locator('[data-testid=history] .rev-group', { hasText: 'otto adds imagery' }).locator('.rev').first()
    await older.waitFor()
    expect(await older.getByRole('button', { name: 'Revert…' }).count()).toBe(0)
    const initial = page.locator('[data-testid=history] .rev-group', { hasText: 'Initial load of the bundled dataset' })
    expect(await initial.locator('.rev').count()).toBeGreaterThan(0)
    expect(await initial.getByRole('button', { name: 'Revert…' }).count()).toBe(0)
    // The revert itself can be undone; when someone else changes the record meanwhile, the 409 says why.
    const again = page.locator('[data-testid=history] .rev').first()
    await again.getByRole('button', { name: 'Revert…' }).click()
    const current = await project(sinyang)
    expect((await api('PATCH', `/api/projects/${sinyang}`, { notes: 'Otto: a third note.', comment: 'otto again' }, current.version)).status).toBe(200)
    const blocked = again.locator('[data-testid=revert-form]')
    await blocked.getByLabel('Why this change').fill('try to go back further')
    await blocked.getByRole('button', { name: 'Revert' }).click()
    await expect(blocked.locator('[data-testid=form-error]').textContent()).resolves.toMatch(/changed again after revision \d+.*revert the later revisions first/)
    expect((await project(sinyang)).notes).toMatch(/^Otto/)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it("changes an event's date with its source and a reason: the new claim is preferred", async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page, editor)
    await page.goto(`/projects/${koksan}`)
    const before = (await project(koksan)).events.find((e) => e.type === 'groundbreaking')!
    const event = page.locator('.event-line .event.ev-groundbreaking').first()
    await event.getByRole('button', { name: 'Change date…' }).click()
    const form = event.locator('[data-testid=event-edit-form]')
    await form.getByLabel('Date (required)').fill('2025-02-21')
    const picker = form.getByRole('combobox', { name: /Source/ })
    await picker.fill('KCNA')
    await form.locator('[role=option]').first().click()
    await form.getByLabel('Why this date is preferred').fill('the state-media report gives the day')
    await form.getByLabel('Why this change').fill('groundbreaking day from KCNA')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.waitForSelector('.event.ev-groundbreaking time[datetime="2025-02-21"]')
    const after = (await project(koksan)).events.find((e) => e.id === before.id)!
    expect(after.date).toBe('2025-02-21')
    expect(after.claims.filter((c) => c.rank === 'preferred').map((c) => c.value)).toEqual(['2025-02-21'])
    expect(after.claims.length).toBe(before.claims.length + 1)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('deletes a project and restores it with its events', async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page, editor)
    const before = await project(ryonggang)
    await page.goto(`/projects/${ryonggang}`)
    await page.getByRole('button', { name: 'Delete project' }).click()
    const form = page.locator('[data-testid=delete-form]')
    await form.getByLabel('Why this change').fill('testing delete')
    await form.getByRole('button', { name: 'Delete' }).click()
    await page.locator('[data-testid=deleted-record]').waitFor()
    await expect(page.locator('h1').textContent()).resolves.toBe('This project was deleted')
    expect((await api('GET', `/api/projects/${ryonggang}`)).status).toBe(404)
    await page.getByRole('button', { name: 'Restore project' }).click()
    const restore = page.locator('[data-testid=restore-form]')
    await restore.getByLabel('Why this change').fill('it was right after all')
    await restore.getByRole('button', { name: 'Restore' }).click()
    await page.waitForSelector('.event-line .event')
    expect((await project(ryonggang)).events).toHaveLength(before.events.length)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('adds a source on the "new source" page, edits it, and fits a 360 px screen', async () => {
    const { page, errors, close } = await openPage(t, { width: 360, height: 740 })
    await signIn(page, editor)
    await page.goto('/sources')
    await page.locator('[data-testid=new-source]').click()
    const form = page.locator('[data-testid=new-source-form]')
    await form.waitFor()
    await form.getByLabel('Kind').selectOption('news')
    await form.getByLabel('Publisher').fill('NK News')
    await form.getByLabel('Title').fill('Factories open in Koksan')
    await form.getByLabel('Address (URL)').fill('not a url')
    await form.getByLabel('Published', { exact: false }).fill('2026-01-05')
    await form.getByLabel('Language').fill('en')
    await form.getByLabel('Why this change').fill('new report')
    await form.getByRole('button', { name: 'Add source' }).click()
    await form.locator('[data-field=url] [data-testid=field-error]').waitFor()
    await form.getByLabel('Address (URL)').fill('https://www.nknews.org/2026/01/factories-open-in-koksan/')
    expect(await form.getByLabel('Id (required)').inputValue()).toBe('nk-news-2026-01-05-factories-open-in-koksan')
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 12).map((el) => `${el.tagName}.${el.getAttribute('class')} ${Math.round(el.getBoundingClientRect().right)}`))
    expect(scroll, wide.join('\n')).toBeLessThanOrEqual(inner)
    await form.getByRole('button', { name: 'Add source' }).click()
    await page.waitForURL('**/sources/nk-news-2026-01-05-factories-open-in-koksan')
    await expect(page.locator('h1').textContent()).resolves.toBe('Factories open in Koksan')
    await page.getByRole('button', { name: 'Edit source' }).click()
    const edit = page.locator('[data-testid=source-form]')
    await edit.getByLabel('Title').fill('Regional factories open in Koksan')
    await edit.getByLabel('Why this change').fill('fix the title')
    await edit.getByRole('button', { name: 'Save' }).click()
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Regional factories open in Koksan')
    await expect(page.locator('[data-testid=history] .diff [data-field=title] ins').first().textContent()).resolves.toContain('Regional factories open in Koksan')
    const [scroll2, inner2] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
    expect(scroll2).toBeLessThanOrEqual(inner2)
    expect(unexpected(errors)).toEqual([])
    await close()
  })
})
