/**
 * @module The structure of the wiki list: "=== 2024 (First year) ===" headings give the policy
 * year of the pipe tables below them; each table starts with its header row. Other text is
 * ignored; a table line that cannot be placed is a problem naming its line.
 */

export const wikiColumns = ['Locality', 'Province/Municipality', 'Project Type(s)', 'Status', 'Key Date(s)', 'Notes'] as const

export interface WikiRow {
  /** 1-based line number in the input. */
  line: number
  year: number
  /** One trimmed cell per column of `wikiColumns`. */
  cells: string[]
}

export interface LineProblem {
  line: number
  message: string
}

const heading = /^(={1,6})\s*(.*?)\s*\1\s*$/
const yearHeading = /^(\d{4})(?!\d)/
const separatorCell = /^:?-{3,}:?$/
const headerText = `| ${wikiColumns.join(' | ')} |`

/** "| a | b |" → ["a", "b"]; the closing pipe is optional. */
export function splitRow(line: string): string[] {
  const body = line.trim().slice(1)
  const inner = body.endsWith('|') ? body.slice(0, -1) : body
  return inner.split('|').map((c) => c.trim())
}

const isHeader = (cells: string[]) =>
  cells.length === wikiColumns.length && cells.every((c, i) => c.toLowerCase().replace(/\s+/g, '') === wikiColumns[i]!.toLowerCase().replace(/\s+/g, ''))

type Section = { kind: 'none' } | { kind: 'year'; year: number } | { kind: 'bad'; line: number; text: string; reported: boolean }

export function scanWikiTables(text: string): { rows: WikiRow[]; problems: LineProblem[] } {
  const rows: WikiRow[] = []
  const problems: LineProblem[] = []
  let section: Section = { kind: 'none' }
  let inTable = false
  text.split(/\r?\n/).forEach((input, index) => {
    const line = index + 1
    // Runs of whitespace mean no more than one space in wiki text; folding them here keeps every
    // pattern of the cell parsers linear. Several of them (" / " in a status, "(…)" qualifiers,
    // "Label :" in key dates) backtrack over a long run of spaces once per position in it: a
    // 200 kB preview, which anyone may POST to /api/import, kept a server busy for 99 s.
    // (Found by the hostile-input tests.)
    const raw = input.replace(/\s+/g, ' ')
    const h = heading.exec(raw.trim())
    if (h) {
      inTable = false
      const level = h[1]!.length
      if (level === 3) {
        // A level-3 heading opens a year's section; one that is not a year is reported only
        // when a table follows it, so an ordinary sub-heading elsewhere does no harm.
        const y = yearHeading.exec(h[2]!)
        const year = y ? Number(y[1]) : NaN
        section = y && year >= 1900 && year <= 2200 ? { kind: 'year', year } : { kind: 'bad', line, text: h[2]!, reported: false }
      } else if (level < 3) section = { kind: 'none' }
      return
    }
    if (!raw.trim().startsWith('|')) return
    const cells = splitRow(raw)
    if (cells.every((c) => separatorCell.test(c))) return
    if (isHeader(cells)) {
      inTable = true
      return
    }
    if (!inTable) {
      problems.push({ line, message: `table starts without its header row "${headerText}"` })
      inTable = true // one problem per table, not one per row
      return
    }
    if (section.kind === 'none') {
      problems.push({ line, message: 'table row before any year heading (expected e.g. "=== 2024 (First year) ===")' })
      return
    }
    if (section.kind === 'bad') {
      if (!section.reported) {
        problems.push({ line: section.line, message: `heading "${section.text}" is not a year (expected e.g. "=== 2024 (First year) ===")` })
        section.reported = true
      }
      return
    }
    if (cells.length !== wikiColumns.length) {
      problems.push({ line, message: `expected ${wikiColumns.length} cells (${wikiColumns.join(' | ')}), found ${cells.length}` })
      return
    }
    rows.push({ line, year: section.year, cells })
  })
  return { rows, problems }
}
