/**
 * @module Data flows one way (DESIGN.md): import/intake → model → store → analysis → service →
 * api → web/cli/export. This test reads every source file's imports and fails when a folder
 * reaches into one it may not use.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src/', import.meta.url))

/** Which folders each folder may import from (besides itself). Everything may import model/. */
const allowed: Record<string, string[]> = {
  model: [],
  config: ['model'],
  import: ['model'],
  intake: ['model'],
  store: ['model', 'config'],
  analysis: ['model'],
  export: ['model', 'analysis'],
  // The operations people run (open the tracker, import, edit, review, accounts, publish).
  service: ['model', 'config', 'import', 'intake', 'store', 'analysis', 'export'],
  // HTTP only: routes, auth middleware, OpenAPI; every operation goes through service/.
  api: ['model', 'config', 'analysis', 'export', 'service'],
  cli: ['model', 'config', 'import', 'intake', 'store', 'analysis', 'export', 'service'],
  web: ['model'],
}

/**
 * The CLI commands that are about HTTP itself (serve it, run requests in-process: request, publish, and release, which keeps a published copy of the site) may use api/;
 * so may import, which writes the persisted snapshot the server starts from, with the server's list index beside it.
 */
const cliUsesApi = new Set(['cli/commands/serve.ts', 'cli/commands/request.ts', 'cli/commands/publish.ts', 'cli/commands/release.ts', 'cli/commands/import.ts'])

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}

describe('import direction', () => {
  it('every folder of src/ is known to the rule', () => {
    const folders = fs.readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    expect(folders.filter((f) => !(f in allowed))).toEqual([])
  })

  it('no file imports from a folder below it', () => {
    const violations: string[] = []
    for (const file of files(src)) {
      const folder = path.relative(src, file).split(path.sep)[0]!
      const text = fs.readFileSync(file, 'utf8')
      for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        const isType = Boolean(m[2])
        const target = path.relative(src, path.resolve(path.dirname(file), m[3]!)).split(path.sep)[0]!
        if (target === folder || target.startsWith('..')) continue
        // The web app may use the API's types (the typed client), never its code.
        if (folder === 'web' && (target === 'api' || target === 'service') && isType) continue
        if (target === 'api' && cliUsesApi.has(path.relative(src, file).split(path.sep).join('/'))) continue
        if (!allowed[folder]?.includes(target)) violations.push(`${path.relative(src, file)} imports ${m[3]} (${folder} → ${target})`)
      }
    }
    expect(violations).toEqual([])
  })
})
