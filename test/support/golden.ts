/**
 * @module Golden-file checks: `actual` is compared with test/golden/<name>. On a mismatch the
 * actual output is written beside it as <name>-changed.<ext> for review. A missing golden file
 * is written when UPDATE_GOLDEN=1 and is an error otherwise (always in CI: never regenerated
 * silently).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

export const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url))

function changedPath(file: string): string {
  const ext = path.extname(file)
  return `${file.slice(0, file.length - ext.length)}-changed${ext}`
}

export function expectGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name)
  const changed = changedPath(file)
  if (!fs.existsSync(file)) {
    if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, actual)
      return
    }
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(changed, actual)
    throw new Error(`golden file ${name} is missing; the actual output is in ${path.relative(process.cwd(), changed)} (review it, then run with UPDATE_GOLDEN=1)`)
  }
  const expected = fs.readFileSync(file, 'utf8')
  if (expected === actual) {
    fs.rmSync(changed, { force: true })
    return
  }
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) {
    fs.writeFileSync(file, actual)
    return
  }
  fs.writeFileSync(changed, actual)
  expect(actual, `output differs from golden ${name}; see ${path.relative(process.cwd(), changed)}`).toBe(expected)
}
