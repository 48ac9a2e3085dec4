/** docs/cli.md is the real `--help` of every command: regenerate it with `npm run docs` when a command changes. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cliReference } from '../../scripts/cliReference.ts'

describe('CLI reference', () => {
  it('docs/cli.md matches the commands’ --help', () => {
    const doc = fs.readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8')
    expect(doc, 'docs/cli.md is out of date: run `npm run docs`').toBe(cliReference())
  })
})
