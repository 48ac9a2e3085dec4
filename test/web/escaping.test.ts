/**
 * Text from the data is shown as text: a project note holding markup and a script, written
 * straight into the store, appears literally on the project page and never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planChanges } from '../../src/model/plan.ts'
import { applyPlan } from '../../src/store/applyPlan.ts'
import { loadDataset } from '../../src/store/loadDataset.ts'
import { openPage, startWebTest, type WebTest } from './support.ts'

let t: WebTest
beforeAll(async () => {
  t = await startWebTest()
})
afterAll(async () => t?.close())

const id = '20x10.2024.south-pyongan.songchon'
const note = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> Note with <b>markup</b> & "quotes"`

describe('escaping', () => {
  it('shows a note with <script> as literal text and runs nothing', async () => {
    const tracker = t.server.tracker
    const current = await loadDataset(tracker.store.db)
    const changed = { ...current.dataset, projects: current.dataset.projects.map((p) => (p.id === id ? { ...p, notes: note } : p)) }
    await applyPlan(tracker.store.db, planChanges(current.dataset, changed), { actor: 'test', comment: 'escaping test' })
    tracker.readModel.invalidate()

    const { page, errors, close } = await openPage(t)
    await page.goto(`/projects/${id}`)
    await page.waitForSelector('[data-testid=project-notes]')
    expect(await page.locator('[data-testid=project-notes]').textContent()).toBe(note)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(await page.locator('main script').count()).toBe(0)
    expect(await page.locator('main img[src=x]').count()).toBe(0)
    expect(await page.locator('[data-testid=project-notes] b').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  })
})
