/**
 * bin/bundle.js, the bundle `tracker serve` runs (it sits here beside the persisted snapshot: both
 * make the server start fast, and neither may serve what the current code would not): it is
 * built once and then reused, rebuilt when any source file it was built from changes (content,
 * not time), also a file only imported by another, and each file keeps its own import.meta.url.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error: plain JavaScript without declarations
import { bundledMain } from '../../bin/bundle.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-bundle-'))
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  fs.writeFileSync(path.join(root, file), text)
}
let runs = 0
/** Builds (or reuses) the bundle and runs its entry's exported value. */
async function run(): Promise<{ main: string; value: unknown }> {
  const main = (await bundledMain(root)) as string | null
  expect(main).not.toBeNull()
  const mod = (await import(`${pathToFileURL(main!).href}?run=${runs++}`)) as { value: () => unknown }
  return { main: main!, value: mod.value() }
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('the serve bundle', () => {
  it('is reused while the sources are the same and rebuilt as soon as one differs', async () => {
    write('src/cli/main.ts', "import { word } from '../model/word.ts'\nexport const value = (): string => `${word} ${new URL('.', import.meta.url).pathname}`\n")
    write('src/model/word.ts', "export const word: string = 'one'\n")
    const first = await run()
    expect(first.value).toBe(`one ${path.join(root, 'src/cli')}/`)
    const again = await run()
    expect(again.main).toBe(first.main)
    // A dependency's content changes, same size, same modification time: a new build.
    const stat = fs.statSync(path.join(root, 'src/model/word.ts'))
    write('src/model/word.ts', "export const word: string = 'two'\n")
    fs.utimesSync(path.join(root, 'src/model/word.ts'), stat.atime, stat.mtime)
    const changed = await run()
    expect(changed.main).not.toBe(first.main)
    expect(changed.value).toBe(`two ${path.join(root, 'src/cli')}/`)
    // Back to the first sources: a build of those (kept or rebuilt), never the second.
    write('src/model/word.ts', "export const word: string = 'one'\n")
    expect((await run()).value).toMatch(/^one /)
  })
})
