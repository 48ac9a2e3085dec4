/**
 * Browser test of the Review page: a report written in our own words (in the form KCNA reports
 * take) goes in through POST /api/intake and comes back on /review as one "new", one "conflicts"
 * and two "confirms" proposals against the bundled record, each with its evidence marked in the
 * article; the editor accepts the new one with the keyboard (it appears on the project page with
 * the source and the quote), rejects the conflict (it appears nowhere), accepts both confirms in
 * one step, fixes an ambiguous place with "Edit, then accept", and re-ingesting the report queues
 * nothing. The header's "Review (N)" follows along; anonymous readers get a sign-in prompt.
 * Screenshots at phone (390×844) and desktop (1366×900) width go to test/artifacts/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createApiToken } from '../../src/service/accounts.ts'
import { openPage, screenshot, startWebTest, type WebTest } from './support.ts'

let t: WebTest
let token: string
const editor = { name: 'rhea', password: 'rhea-reviews-reports-1' }

beforeAll(async () => {
  t = await startWebTest()
  await createAccount(t.server.tracker.store.db, editor.name, 'editor', editor.password)
  token = await createApiToken(t.server.tracker.store.db, editor.name, 'review test')
})
afterAll(async () => t?.close())

const reportUrl = 'https://kcna.example/en/2025-12-21-regional-factories.html'
/**
 * Against the bundled record: Koksan's inauguration on 20 Dec 2025 and Rangnim's on 15 Dec
 * (confirms), Sinpo's on 17 Dec where the record says 19 Dec (conflicts), and a leader visit in
 * Taegwan, which has none recorded (new).
 */
const report = {
  url: reportUrl,
  published: '2025-12-21',
  title: 'More regional factories go into operation',
  text: [
    'Pyongyang, December 21 (KCNA) -- Modern regional-industry factories built in Koksan County, North Hwanghae Province, were inaugurated on December 20.',
    'The local factories of Sinpo City, South Hamgyong Province, went into operation at a ceremony held on December 17.',
    'Kim Jong Un looked round the new factories in Taegwan County, North Pyongan Province, on the 16th and learned about the production there.',
    'A completion ceremony of the regional factories in Rangnim County, Chagang Province, was held on December 15.',
  ].join('\n'),
}
const taegwan = '20x10.2025.north-pyongan.taegwan'
const sinpo = '20x10.2025.south-hamgyong.sinpo'
const koksanEvent = '20x10.2025.north-hwanghae.koksan~inauguration'

interface Queued {
  id: number
  event: { type: string; locality: string | null; date: string; evidence: string; candidates: string[] }
  match: { kind: string }
}

async function api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${t.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  return { status: res.status, body: (await res.json()) as T }
}

async function signIn(page: Page, next: string): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Name').fill(editor.name)
  await page.getByLabel('Password').fill(editor.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForSelector(`[data-testid=session] >> text=${editor.name}`)
}

/** The header's count, once it shows `n`. */
async function headerCount(page: Page, n: number): Promise<void> {
  await page.locator('[data-testid=review-link]', { hasText: `Review (${n} waiting)` }).waitFor({ timeout: 10_000 })
}

const card = (page: Page, id: number) => page.locator(`[data-testid=proposal][data-proposal="${id}"]`)
const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409)/.test(e))

describe('the Review page', () => {
  it('asks anonymous readers to sign in, and shows them no Review link', async () => {
    const { page, errors, close } = await openPage(t)
    await page.goto('/review')
    const prompt = page.locator('[data-testid=review-signin]')
    await prompt.waitFor()
    expect(await prompt.textContent()).toContain('Sign in as an editor')
    expect(await prompt.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/signin?next=%2Freview')
    expect(await page.locator('[data-testid=review-link]').count()).toBe(0)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('takes a report from intake through review: new, confirms and conflicts, accepted, rejected, and never twice', async () => {
    const { page, errors, close } = await openPage(t, { width: 1366, height: 900 })
    await signIn(page, '/review')
    await page.locator('[data-testid=review-empty]').waitFor()
    await headerCount(page, 0)

    const intake = await api<{ duplicate: boolean; proposals: Queued[] }>('POST', '/api/intake', report)
    expect(intake.status).toBe(201)
    const by = (locality: string) => intake.body.proposals.find((p) => p.event.locality === locality)!
    const visit = by('north-pyongan.taegwan')
    const conflict = by('south-hamgyong.sinpo')
    const confirms = [by('north-hwanghae.koksan'), by('chagang.rangnim')]
    expect([visit.match.kind, conflict.match.kind, ...confirms.map((p) => p.match.kind)]).toEqual(['new', 'conflicts', 'confirms', 'confirms'])

    await page.goto('/review')
    await page.waitForSelector('[data-testid=proposal]')
    await headerCount(page, 4)
    // Each kind is labelled as the record sees it, and explained.
    for (const [p, label] of [[visit, 'New'], [conflict, 'Conflicts'], [confirms[0]!, 'Confirms'], [confirms[1]!, 'Confirms']] as const) {
      await expect(card(page, p.id).locator('[data-testid=kind]').textContent()).resolves.toBe(label)
      expect(await card(page, p.id).getAttribute('data-kind')).toBe(p.match.kind)
    }
    // The conflict shows both dates side by side; the confirm shows the claim it agrees with, with its source's words.
    const differs = card(page, conflict.id).locator('table.differs tr[data-field=date]')
    await expect(differs.textContent()).resolves.toMatch(/19 Dec 2025.*17 Dec 2025/)
    await card(page, confirms[0]!.id).locator('.record-claims .claim', { hasText: '20 Dec 2025' }).first().waitFor()
    await expect(card(page, visit.id).locator('.record-now').textContent()).resolves.toContain('has no leader visit recorded yet')
    // Every proposal's evidence sentence is marked in the article, exactly.
    for (const p of intake.body.proposals) {
      const marked = await page.locator(`[data-testid=article] mark[data-proposals~="${p.id}"]`).allTextContents()
      expect(marked.join('')).toBe(p.event.evidence)
    }
    expect(await page.locator('[data-testid=review-keys]').textContent()).toMatch(/j.*next.*k.*previous.*a.*accept.*e.*edit.*r.*reject/)
    expect(await noSideways(page)).toBe(true)
    await screenshot(page, 'review-desktop', { fullPage: false })

    // Clicking a proposal selects it and marks its evidence as the current one; j and k move through the queue.
    await card(page, visit.id).locator('.proposal-what').click()
    await page.locator(`[data-testid=article] mark.current[data-proposals~="${visit.id}"]`).waitFor()
    expect(await card(page, visit.id).getAttribute('aria-current')).toBe('true')
    await page.keyboard.press('j')
    await page.waitForSelector(`[data-testid=proposal][data-proposal="${intake.body.proposals[intake.body.proposals.indexOf(visit) + 1]!.id}"][aria-current=true]`)
    await page.keyboard.press('k')
    await page.waitForSelector(`[data-testid=proposal][data-proposal="${visit.id}"][aria-current=true]`)

    // a accepts the new visit; the next waiting proposal is selected.
    await page.keyboard.press('a')
    await page.waitForSelector(`[data-testid=proposal][data-proposal="${visit.id}"][data-state=accepted]`)
    await expect(page.locator('[data-testid=review-status]').textContent()).resolves.toContain('Accepted: leader visit in Taegwan County')
    await headerCount(page, 3)
    const selected = page.locator('[data-testid=proposal][aria-current=true]')
    expect(await selected.getAttribute('data-state')).toBe('pending')
    expect(Number(await selected.getAttribute('data-proposal'))).toBe(confirms[1]!.id)

    // r rejects the conflict, with a reason.
    await card(page, conflict.id).locator('.proposal-what').click()
    await page.keyboard.press('r')
    const reason = card(page, conflict.id).getByLabel('Why reject it')
    // The form takes the focus once it is drawn (a frame later on a loaded machine).
    await reason.waitFor()
    const reasonId = await reason.getAttribute('id')
    await page.waitForFunction((id) => document.activeElement?.id === id, reasonId, { timeout: 5_000 })
    await reason.fill('the 17th is when the ceremony was announced, not held')
    await page.keyboard.press('Enter')
    await page.waitForSelector(`[data-testid=proposal][data-proposal="${conflict.id}"][data-state=rejected]`)
    await expect(card(page, conflict.id).locator('[data-testid=decided]').textContent()).resolves.toContain('the 17th is when the ceremony was announced')
    await headerCount(page, 2)

    // Both confirms in one step.
    const all = page.locator('[data-testid=accept-confirms]')
    await expect(all.textContent()).resolves.toBe('Accept all 2 confirms from this report')
    await all.click()
    await page.locator('[data-testid=review-status]', { hasText: 'Accepted 2 proposals confirming the record' }).waitFor()
    await headerCount(page, 0)
    for (const p of confirms) await page.waitForSelector(`[data-testid=proposal][data-proposal="${p.id}"][data-state=accepted]`)
    expect(await all.count()).toBe(0)
    await expect(page.locator('.review-report-count').textContent()).resolves.toBe('Every proposal from this report has been reviewed.')
    const koksan = await api<{ events: { id: string; claims: { value: unknown; source_id: string; quote: string | null }[] }[] }>('GET', '/api/projects/20x10.2025.north-hwanghae.koksan')
    const claims = koksan.body.events.find((e) => e.id === koksanEvent)!.claims
    expect(claims.some((c) => c.value === '2025-12-20' && c.quote === confirms[0]!.event.evidence)).toBe(true)

    // The accepted visit is on Taegwan's page with the report as its source and its sentence as the quote.
    await page.goto(`/projects/${taegwan}`)
    const event = page.locator('.event-line .event.ev-leader_visit', { has: page.locator('time[datetime="2025-12-16"]') })
    await event.waitFor()
    await event.locator('.event-claims summary').click()
    await expect(event.locator('.claims .quote').first().textContent()).resolves.toBe(visit.event.evidence)
    await expect(event.locator('.claims .source-link').first().textContent()).resolves.toContain('KCNA')
    await expect(page.locator('.source-list').textContent()).resolves.toContain(report.title)
    // The rejected date is nowhere on Sinpo's page.
    await page.goto(`/projects/${sinpo}`)
    await page.waitForSelector('.event-line .event')
    expect(await page.locator('main').textContent()).not.toContain('17 Dec 2025')
    expect(await page.locator('.source-list').textContent()).not.toContain(report.title)

    // The same report again adds nothing.
    const again = await api<{ duplicate: boolean }>('POST', '/api/intake', report)
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } })
    expect((await api('POST', '/api/intake', { ...report, url: 'https://mirror.example/kcna/copy' })).body.duplicate).toBe(true)
    expect((await api<{ total: number }>('GET', '/api/proposals?state=pending')).body.total).toBe(0)
    await page.goto('/review')
    await page.locator('[data-testid=review-empty]').waitFor()
    await headerCount(page, 0)
    expect(unexpected(errors)).toEqual([])
    await close()
  })

  it('fixes an ambiguous place with "Edit, then accept", with the errors in words', async () => {
    const ambiguous = {
      url: 'https://kcna.example/en/2025-12-22-unsan.html',
      published: '2025-12-22',
      title: 'Factories of Unsan begin production',
      text: 'Pyongyang, December 22 (KCNA) -- A ceremony was held in Unsan County on December 18 to inaugurate its newly built regional-industry factories.',
    }
    const intake = await api<{ proposals: Queued[] }>('POST', '/api/intake', ambiguous)
    expect(intake.status).toBe(201)
    const p = intake.body.proposals[0]!
    expect(p.event.locality).toBeNull()
    expect(p.event.candidates.sort()).toEqual(['north-pyongan.unsan', 'south-pyongan.unsan'])

    const { page, errors, close } = await openPage(t, { width: 390, height: 844 })
    await signIn(page, '/review')
    await page.waitForSelector(`[data-testid=proposal][data-proposal="${p.id}"]`)
    await headerCount(page, 1)
    const c = card(page, p.id)
    await expect(c.locator('.kind-help').textContent()).resolves.toContain('does not say clearly which place')
    expect(await c.getByRole('button', { name: 'Accept', exact: true }).isDisabled()).toBe(true)
    expect(await noSideways(page)).toBe(true)
    await screenshot(page, 'review-phone')

    // a on a proposal that needs a correction opens the form instead of accepting.
    await c.locator('.proposal-what').click()
    await page.keyboard.press('a')
    const form = c.locator('[data-testid=amend-form]')
    await form.waitFor()
    await expect(form.locator('[data-testid=form-error]').textContent()).resolves.toContain('needs a correction')
    await form.getByRole('button', { name: 'Accept with these changes' }).click()
    await expect(form.locator('[data-testid=form-error]').textContent()).resolves.toContain('Pick the place')
    const place = form.getByLabel('Place')
    expect(await place.locator('optgroup[label="Places the report could mean"] option').allTextContents()).toEqual(['Unsan County, North Pyongan', 'Unsan County, South Pyongan'])
    await place.selectOption({ label: 'Unsan County, North Pyongan' })
    await form.getByLabel('What happened').selectOption('production_start')
    await form.getByLabel('Date').fill('2025-12-1')
    await form.getByRole('button', { name: 'Accept with these changes' }).click()
    await expect(form.locator('[data-testid=form-error]').textContent()).resolves.toContain('The date should be year, month and day (YYYY-MM-DD), e.g. 2025-12-20; "2025-12-1" is not.')
    await form.getByLabel('Precision').selectOption('month')
    expect(await form.getByLabel('Date').inputValue()).toBe('2025-12')
    expect(await noSideways(page)).toBe(true)
    await screenshot(page, 'review-phone-edit', { fullPage: false })
    await form.getByRole('button', { name: 'Accept with these changes' }).click()
    await page.waitForSelector(`[data-testid=proposal][data-proposal="${p.id}"][data-state=accepted]`)
    await headerCount(page, 0)

    await page.goto('/projects/20x10.2024.north-pyongan.unsan')
    const event = page.locator('.event-line .event.ev-production_start')
    await event.waitFor()
    await expect(event.locator('time').getAttribute('datetime')).resolves.toBe('2025-12')
    await expect(event.locator('.precision').textContent()).resolves.toBe('day not known')
    expect(await page.locator('.source-list').textContent()).toContain(ambiguous.title)
    expect(await noSideways(page)).toBe(true)
    expect(unexpected(errors)).toEqual([])
    await close()
  })
})
