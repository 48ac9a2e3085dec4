/**
 * @module What the browser tests check on a page shown in Korean: interface text with English words
 * left in it, and dates written the Korean way (2026년 2월 21일).
 */
import type { Page } from 'playwright-core'

/**
 * Latin words allowed in the Korean interface: names of formats, standards, licences, citation
 * styles and romanization systems' abbreviations. Place names and data (titles, labels) are
 * marked translate="no" or with their own lang, and are skipped.
 */
const allowed = new Set(['API', 'JSON', 'CSV', 'PNG', 'SVG', 'GeoJSON', 'OpenAPI', 'MR', 'RR', 'APA', 'Chicago', 'BibTeX', 'CSL', 'zip', 'MIT', 'CC', 'BY', 'GeoNames', 'Tracker'])

/** Text of the interface's labels that still holds English words: [selector, text] pairs. */
export async function englishLabels(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const skip = (el: Element) => el.closest('[translate="no"], [lang]:not([lang="ko"]), code, .brand') !== null
    for (const el of document.querySelectorAll('nav, h1, h2, button, legend, th, summary, label, dt, .legend li, .chip')) {
      if (skip(el)) continue
      let text = ''
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement && !skip(n.parentElement)) text += n.textContent
      out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}: ${text.replace(/\s+/g, ' ').trim()}`)
    }
    return out
  })
  return texts.filter((line) => {
    const text = line.slice(line.indexOf(': ') + 2)
    return (text.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !allowed.has(word))
  })
}

export async function dates(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((d) => d.trim()).filter((d) => d !== '—')
}

export const koreanDate = /^\d{4}년( \d{1,2}월( \d{1,2}일)?)?$/
