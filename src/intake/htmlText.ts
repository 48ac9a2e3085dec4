/**
 * @module Reduces an article page (HTML) to the article's text: @mozilla/readability over a
 * linkedom document finds the article; when it finds none, the body's text is used. Block elements
 * become line breaks, so paragraphs stay sentences apart and the dateline keeps its own line.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

const blockTags = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
])
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD'])

interface MinimalNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<MinimalNode>
}

function textOf(root: MinimalNode): string {
  const out: string[] = []
  const walk = (node: MinimalNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '))
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    const tag = node.nodeName.toUpperCase()
    if (skippedTags.has(tag)) return
    const block = blockTags.has(tag)
    if (block) out.push('\n')
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!)
    if (block) out.push('\n')
  }
  walk(root)
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

export interface HtmlArticle {
  text: string
  /** The page's own title (Readability's guess), when it has one. */
  title: string | null
  /** False when Readability found no article and the body's text was taken instead. */
  article: boolean
}

/** The main text of an HTML page. Never throws on malformed HTML: the parser is lenient. */
export function htmlToText(html: string): HtmlArticle {
  const { document } = parseHTML(html)
  const title = (document.querySelector('title')?.textContent ?? '').trim() || null
  let parsed: { content?: string | null; title?: string | null } | null = null
  try {
    // Readability changes the document it reads; the fallback below re-parses.
    parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse()
  } catch {
    parsed = null
  }
  if (parsed?.content) {
    const { document: inner } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`)
    const text = textOf(inner.body as unknown as MinimalNode)
    if (text.length > 0) return { text, title: parsed.title?.trim() || title, article: true }
  }
  const { document: again } = parseHTML(html)
  const body = (again.body ?? again.documentElement) as unknown as MinimalNode | null
  return { text: body ? textOf(body) : '', title, article: false }
}
