/**
 * Browser tests of the editing forms as an editor meets them: an empty "Add an event" shows every
 * field's problem at once (date, source, comment) beside its field and in a summary that links to
 * the fields, in English and in Korean; required fields are marked; "What happened" defaults to the
 * next step of the project's lifecycle; a source is recorded inline from the picker and the event
 * saved with it; Revert is offered only on revisions it means something for. Screenshots of the
 * form with its errors at 1366 and 390 px, English and Korean, go to test/artifacts/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'
import { violations } from './axe.ts'
import { songchon } from './everyPage.ts'

let t: WebTest
let token: string
const editor = { name: 'edith', password: 'edith-editor-password-1' }
// Songchon has a groundbreaking (2024) and was inaugurated; Koksan has a groundbreaking only.
const koksan = '20x10.2025.north-hwanghae.koksan'

beforeAll(async () => {
  t = await startWebTest()
  await createAccount(t.server.tracker.store.db, editor.name, 'editor', editor.password)
  token = await createApiToken(t.server.tracker.store.db, editor.name, 'tests')
})

async function post(path: string, body: unknown): Promise<number> {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return res.status
}

const eventTypesOf = async (id: string) => ((await (await fetch(`${t.url}/api/projects/${id}`)).json()) as { events: { type: string }[] }).events.map((e) => e.type)
afterAll(async () => t?.close())

async function signIn(page: Page): Promise<void> {
  await page.goto('/signin')
  await page.locator('input[name=name]').fill(editor.name)
  await page.locator('input[name=password]').fill(editor.password)
  await page.locator('form button[type=submit]').click()
  await page.waitForSelector(`[data-testid=session] >> text=${editor.name}`)
}

const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409|412)/.test(e))

async function openAddEvent(page: Page, lang: 'en' | 'ko') {
  await page.goto(`/projects/${koksan}${lang === 'ko' ? '?lang=ko' : ''}`)
  await page.locator('[data-testid=project-tools]').waitFor()
  await page.locator('[data-testid=project-tools] button', { hasText: lang === 'ko' ? '사건 추가' : 'Add event' }).first().click()
  const form = page.locator('[data-testid=event-form]')
  await form.waitFor()
  return form
}

describe('the "Add an event" form', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`shows every field's problem at once, beside each field and in a linked summary (${lang})`, async () => {
      for (const width of [1366, 390]) {
        const { page, errors, close } = await openPage(t, { width, height: 900 })
        await signIn(page)
        const form = await openAddEvent(page, lang)
        // Required fields are marked, for the eye and for screen readers.
        for (const name of ['type', 'date', 'comment']) {
          const field = form.locator(`[data-field=${name}]`)
          await expect(field.locator('.req').textContent()).resolves.toBe(lang === 'ko' ? ' (필수)' : ' (required)')
          expect(await field.locator(`[name=${name}]`).getAttribute('aria-required')).toBe('true')
        }
        expect(await form.locator('input[role=combobox]').getAttribute('aria-required')).toBe('true')
        await form.locator('button[type=submit]').click()
        const summary = form.locator('[data-testid=error-summary]')
        await summary.waitFor()
        const expected =
          lang === 'ko'
            ? { date: '사건의 날짜를 입력하십시오 (예: 2025-06-14 또는 2025-06)', source: '이 내용을 전한 출처를 고르십시오', comment: '왜 바꾸는지 몇 마디로 적으십시오' }
            : { date: 'Enter the date of the event, e.g. 2025-06-14 or 2025-06', source: 'Choose the source that reports this', comment: 'Say in a few words why you make this change' }
        expect(await summary.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')))).toEqual(['date', 'source', 'comment'])
        for (const [field, message] of Object.entries(expected)) {
          await expect(form.locator(`[data-field=${field}] > [data-testid=field-error]`).textContent()).resolves.toContain(message)
          await expect(summary.locator(`li[data-field=${field}] a`).textContent()).resolves.toBe(message)
        }
        expect(await form.locator('[aria-invalid=true]').count()).toBe(3)
        // Nothing was sent: no request, so no "" is not a date from the API.
        expect(await form.textContent()).not.toContain('is not a date')
        // The summary took the focus; its links lead to the fields.
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('form-error')
        await summary.locator('li[data-field=source] a').click()
        expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox')
        await form.evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await screenshot(page, `edit-form-errors-${width}-${lang}`, { fullPage: false })
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
        expect(scroll).toBeLessThanOrEqual(inner)
        // Fixing one field and sending again leaves the others flagged.
        await form.locator('[name=date]').fill('2025-13')
        await form.locator('button[type=submit]').click()
        await expect(form.locator('[data-field=date] > [data-testid=field-error]').textContent()).resolves.toContain(lang === 'ko' ? '실제 있는 날짜' : 'Enter a date that exists')
        expect(await summary.locator('li').count()).toBe(3)
        expect(unexpected(errors)).toEqual([])
        await close()
      }
    })
  }

  it('defaults "What happened" to the next step of the lifecycle, not a groundbreaking the project already has', async () => {
    const { page, close } = await openPage(t)
    await signIn(page)
    const form = await openAddEvent(page, 'en')
    const types = await eventTypesOf(koksan)
    expect(types).toContain('groundbreaking')
    const chosen = await form.locator('[name=type]').inputValue()
    expect(chosen).not.toBe('groundbreaking')
    // The step after the latest of the lifecycle the project has reached.
    const lifecycle = ['announced', 'groundbreaking', 'completion', 'inauguration', 'production_start']
    const reached = Math.max(...types.map((x) => lifecycle.indexOf(x)))
    expect(chosen).toBe(lifecycle[reached + 1] ?? 'leader_visit')
    // A project without events starts at groundbreaking.
    await close()
  })

  it('records a new source inline, chooses it, and saves the event with it', async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page)
    const form = await openAddEvent(page, 'en')
    await form.locator('[name=type]').selectOption('completion')
    await form.locator('[name=date]').fill('2026-11')
    await form.locator('[name=comment]').fill('NK News reports the completion')
    await form.locator('[data-testid=new-source-inline]').click()
    const inline = form.locator('[data-testid=inline-source-form]')
    await inline.waitFor()
    // The inline form checks its own fields and leaves the event form alone.
    await inline.getByRole('button', { name: 'Add the source and choose it' }).click()
    await inline.locator('[data-testid=error-summary]').waitFor()
    expect(await inline.locator('[data-testid=error-summary] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')))).toEqual(['publisher', 'title', 'id'])
    expect(await form.locator(':scope > [data-testid=form-error]').count()).toBe(0)
    await inline.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'edit-form-inline-source', { fullPage: false })
    await inline.getByLabel('Kind').selectOption('news')
    await inline.getByLabel('Publisher').fill('NK News')
    await inline.getByLabel('Title').fill('Koksan factories completed')
    await inline.getByLabel('Address (URL)').fill('https://www.nknews.org/2026/11/koksan-factories-completed/')
    await inline.getByLabel('Published', { exact: false }).fill('2026-11-20')
    // Enter in a field of the inline form sends the inline form, not the event.
    await inline.getByLabel('Title').press('Enter')
    await form.locator('.picked code', { hasText: 'nk-news-2026-11-20-koksan-factories-completed' }).waitFor()
    expect(await form.locator('[data-testid=inline-source-form]').count()).toBe(0)
    await expect(form.locator('input[role=combobox]').inputValue()).resolves.toContain('NK News')
    // What was typed into the event form is still there.
    expect(await form.locator('[name=date]').inputValue()).toBe('2026-11')
    expect(await form.locator('[name=comment]').inputValue()).toBe('NK News reports the completion')
    const source = await (await fetch(`${t.url}/api/sources/nk-news-2026-11-20-koksan-factories-completed`)).json()
    expect(source).toMatchObject({ publisher: 'NK News', kind: 'news', published: '2026-11-20' })
    await form.locator('button[type=submit]').click()
    await page.waitForSelector('.tool-status .saved')
    const p = (await (await fetch(`${t.url}/api/projects/${koksan}`)).json()) as { events: { type: string; date: string; claims: { source: { id: string } | null }[] }[] }
    const completion = p.events.find((e) => e.type === 'completion' && e.date === '2026-11')
    expect(completion?.claims.map((c) => c.source?.id)).toEqual(['nk-news-2026-11-20-koksan-factories-completed'])
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it("maps the API's refusal onto the field it names, in the same words", async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page)
    const form = await openAddEvent(page, 'en')
    // The browser cannot know this id is taken; the API says so, on the field.
    await form.locator('[data-testid=new-source-inline]').click()
    const inline = form.locator('[data-testid=inline-source-form]')
    await inline.getByLabel('Publisher').fill('NK News')
    await inline.getByLabel('Title').fill('Another report')
    await inline.getByLabel('Address (URL)').fill('ftp://example')
    await inline.getByRole('button', { name: 'Add the source and choose it' }).click()
    await expect(inline.locator('[data-field=url] > [data-testid=field-error]').textContent()).resolves.toContain('Enter the full address, starting with https://')
    await inline.getByLabel('Address (URL)').fill('https://www.nknews.org/2026/11/another-report/')
    await inline.getByLabel('Id (required)').fill('NK News report')
    await inline.getByRole('button', { name: 'Add the source and choose it' }).click()
    const idError = inline.locator('[data-field=id] > [data-testid=field-error]')
    await idError.waitFor()
    expect(await idError.textContent()).toContain('lower-case letters')
    expect(await inline.locator('[data-testid=error-summary] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')))).toEqual(['id'])
    expect(await inline.locator('[data-field=url] > [data-testid=field-error]').count()).toBe(0)
    expect((await fetch(`${t.url}/api/sources?q=another%20report`).then((r) => r.json())).total).toBe(0)
    expect(unexpected(errors)).toEqual([])
    await close()
  })
})

describe('Revert in the history', () => {
  it('is offered only on the latest change of a record, not on the initial load, and earlier entries keep their descriptions', async () => {
    const { page, errors, close } = await openPage(t)
    await signIn(page)
    const sinpo = '20x10.2024.south-hamgyong.sinpo'
    expect(await post('/api/sources', { id: 'test-2026-11-01-sinpo-visit', kind: 'news', publisher: 'Test Wire', title: 'Sinpo farm visited', published: '2026-11-01', comment: 'a report' })).toBe(201)
    expect(await post('/api/events', { project: sinpo, type: 'leader_visit', label: 'October 2026', date: '2026-10', source: 'test-2026-11-01-sinpo-visit', comment: 'Test Wire reports a visit' })).toBe(201)
    await page.goto(`/projects/${sinpo}`)
    const history = page.locator('[data-testid=history]')
    await history.locator('.rev-group', { hasText: 'Test Wire reports a visit' }).waitFor()
    const initial = history.locator('.rev-group', { hasText: 'Initial load of the bundled dataset' })
    expect(await initial.locator('.rev').count()).toBeGreaterThan(0)
    expect(await initial.getByRole('button', { name: 'Revert…' }).count()).toBe(0)
    const added = history.locator('.rev-group').first()
    await expect(added.locator('.rev-comment').textContent()).resolves.toBe('Test Wire reports a visit')
    const createdClaim = added.locator('.rev', { hasText: 'Created the claim' })
    const before = await createdClaim.locator('.rev-what').textContent()
    expect(before).toContain('from Test Wire')
    expect(await added.getByRole('button', { name: 'Revert…' }).count()).toBe(2)
    // Revert the event's creation: the event goes with its claim; neither creation is revertable any more.
    const createdEvent = added.locator('.rev', { hasText: 'Created the event' })
    const eventBefore = await createdEvent.locator('.rev-what').textContent()
    expect(eventBefore).toContain('Leader visit (October 2026)')
    await createdEvent.getByRole('button', { name: 'Revert…' }).click()
    await createdEvent.locator('[data-testid=revert-form] [name=comment]').fill('the visit is not confirmed')
    await createdEvent.locator('[data-testid=revert-form] button[type=submit]').click()
    await history.locator('.rev-comment', { hasText: 'the visit is not confirmed' }).waitFor({ timeout: 10_000 })
    await page.waitForFunction(() => !document.querySelector('.event-line .event.ev-leader_visit time[datetime="2026-10"]'))
    // The earlier entries still say what they were about, though the event and claim are gone from the page.
    const old = history.locator('.rev-group', { hasText: 'Test Wire reports a visit' })
    await expect(old.locator('.rev', { hasText: 'Created the claim' }).locator('.rev-what').textContent()).resolves.toBe(before)
    await expect(old.locator('.rev', { hasText: 'Created the event' }).locator('.rev-what').textContent()).resolves.toBe(eventBefore)
    expect(await old.getByRole('button', { name: 'Revert…' }).count()).toBe(0)
    expect(await history.locator('.rev').first().getByRole('button', { name: 'Revert…' }).count()).toBe(1)
    expect(unexpected(errors)).toEqual([])
    await close()
  })
})

// The walk of every page in test/web/layout.test.ts runs axe on the reader's pages; these are the editor's.
describe('accessibility of the editing tools (axe-core, WCAG 2.1 A and AA)', () => {
  it("finds no violation on an editor's project page and its edit form showing errors", async () => {
    const w = await openPage(t, { width: 1366, height: 900 })
    await signIn(w.page)
    await w.page.goto(`/projects/${songchon}`)
    await w.page.waitForSelector('.event-line .event')
    expect(await violations(w.page), 'the project page with its editing tools').toEqual([])
    await w.page.getByRole('button', { name: 'Edit project' }).click()
    const form = w.page.locator('[data-testid=project-form]')
    await form.waitFor()
    await form.getByRole('button', { name: 'Save' }).click()
    await w.page.locator('[data-testid=project-form] [aria-invalid=true]').first().waitFor()
    expect(await violations(w.page), 'the edit form with its errors').toEqual([])
    await w.close()
  }, 60_000)
})
