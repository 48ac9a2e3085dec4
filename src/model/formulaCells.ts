/**
 * @module Spreadsheet-safe CSV cells (OWASP's rule against CSV injection): a text cell that
 * begins with = + - @, a tab or a carriage return would be run as a formula by Excel, LibreOffice
 * or Google Sheets, so the CSV export writes it with a single quote in front, which spreadsheets
 * show as text. A cell that is a plain number (-124.5, +3, 1e-5) is left alone: spreadsheets read
 * it as that number, never as a formula. The CSV importer takes the quote off again, so our own
 * export reads back exactly (to keep that exact, a value that already begins with quotes followed
 * by one of those characters gets one more quote, which the importer also removes).
 */

const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const risky = /^'*[=+\-@\t\r]/

function needsQuote(text: string): boolean {
  return risky.test(text) && !plainNumber.test(text)
}

/** The cell as the CSV export writes it. */
export function neutralizeCell(text: string): string {
  return needsQuote(text) ? `'${text}` : text
}

/** The value a CSV cell written by neutralizeCell stood for (other cells come back as they are). */
export function restoreCell(text: string): string {
  return text.startsWith("'") && needsQuote(text.slice(1)) ? text.slice(1) : text
}
