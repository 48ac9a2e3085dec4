/**
 * Browser tests of accessibility: axe-core (the engine behind most accessibility checkers) finds
 * no WCAG 2.1 A or AA violation on any page of the app, in English and in Korean, at a laptop's
 * and a phone's width — and none on an editor's forms with their errors showing.
 */
import { createRequire } from 'node:module'
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { everyPage, songchon } from './everyPage.ts'
import { createAccount } from '../../src/service/accounts.ts'
import { openPage, startWebTest, type WebTest } from './support.ts'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let t: WebTest
let source = ''
const editor = { name: 'alma', password: 'alma-editor-password-1' }
beforeAll(async () => {
  t = await startWebTest()
  await createAccount(t.server.tracker.store.db, editor.name, 'editor', editor.password)
  const sources = (await (await fetch(`${t.url}/api/sources?limit=1`)).json()) as { items: { id: string }[] }
  source = sources.items[0]!.id
})
afterAll(async () => t?.close())

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** The WCAG 2.1 A/AA violations axe finds on the page as it is now, each with up to three of its elements. */
async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  })
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const width of [1366, 390]) {
    for (const lang of ['en', 'ko']) {
      it(`finds no violation on any page at ${width} px in ${lang === 'en' ? 'English' : 'Korean'}`, async () => {
        const w = await openPage(t, { width, height: 900 })
        const found: Record<string, Violation[]> = {}
        for (const p of everyPage(source)) {
          await w.page.goto(`${p.path}?lang=${lang}`)
          await w.page.waitForSelector(p.ready, { timeout: 15_000 })
          await w.page.waitForLoadState('networkidle')
          const v = await violations(w.page)
          if (v.length > 0) found[p.path] = v
        }
        expect(found).toEqual({})
        expect(w.errors).toEqual([])
        await w.close()
      }, 180_000)
    }
  }

  it("finds no violation on an editor's project page and its edit form showing errors", async () => {
    const w = await openPage(t, { width: 1366, height: 900 })
    await w.page.goto(`/signin?next=${encodeURIComponent(`/projects/${songchon}`)}`)
    await w.page.getByLabel('Name').fill(editor.name)
    await w.page.getByLabel('Password').fill(editor.password)
    await w.page.getByRole('button', { name: 'Sign in' }).click()
    await w.page.waitForSelector(`[data-testid=session] >> text=${editor.name}`)
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
