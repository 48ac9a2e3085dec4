/** Every setting is documented in the README's configuration table, with its default. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { settings } from '../../src/config/settings.ts'

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README configuration table', () => {
  it.each(Object.values(settings).map((s) => [s.env, s]))('documents %s with its default', (env, setting) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${env}\``))
    expect(row, `README has no row for ${env}`).toBeDefined()
    expect(row).toContain(setting.default === undefined ? '(unset)' : `\`${setting.default}\``)
  })
})
