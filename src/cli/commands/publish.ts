/**
 * @module `tracker publish --out DIR [--base-url URL]`: a static copy of the whole tracker (pages,
 * JSON, exports, OpenAPI, feed) for any static host, written atomically (see service/publish.ts).
 * It runs the API's read routes in-process, like `tracker request`, with the copy's address as the
 * public URL, so citations and feed links in the copy point at the copy.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { print, printJson, progress } from '../io.ts'
import { withTracker } from '../session.ts'

const defaultWebRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url))

export function registerPublish(program: Command): void {
  program
    .command('publish')
    .description('Write a static copy of the tracker — every page and embed, the JSON they read, every export, the OpenAPI document and the Atom feed — for any static host or a plain file server.')
    .requiredOption('-o, --out <dir>', 'the directory to write; replaced as a whole when the copy is complete (an earlier copy is updated; a directory with other files is refused)')
    .option('--base-url <url>', 'the address the copy will be served at, e.g. https://example.org/tracker/ (its path is where the pages live; citations and feed links use it); default: served at the root of its host')
    .option('--json', 'print what was written as JSON')
    .addHelpText(
      'after',
      `
The web app must be built (npm run build). A second run with unchanged data changes no file.
Writes, sign-in and review are not in the copy; its pages say where the live tracker is
(TRACKER_PUBLIC_URL). Example: tracker publish --out site --base-url https://example.org/tracker/`,
    )
    .action(async (opts: { out: string; baseUrl?: string; json?: boolean }) => {
      const [{ createApp }, { createLogger }, { basePathOf, publishSite }, { checkTarget }] = await Promise.all([import('../../api/app.ts'), import('../../api/log.ts'), import('../../service/publish.ts'), import('../../service/publishFiles.ts')])
      // Refuse a bad address or target before opening the database.
      basePathOf(opts.baseUrl)
      checkTarget(path.resolve(opts.out))
      const result = await withTracker('publish', async (t) => {
        const live = t.config.publicUrl ?? null
        const publicUrl = opts.baseUrl ? opts.baseUrl.replace(/\/+$/, '') : t.config.publicUrl
        const app = createApp({ tracker: { ...t, config: Object.freeze({ ...t.config, publicUrl }) }, log: createLogger('warn') })
        return publishSite({ out: opts.out, baseUrl: opts.baseUrl ?? null, liveUrl: live, webRoot: defaultWebRoot, request: (p) => app.request(p), onProgress: (m) => progress(m, true) })
      })
      if (opts.json) printJson(result)
      else if (result.changed === 0 && result.removed === 0) print(`${result.out}: unchanged (${result.files} files, data version ${result.data_version})`)
      else print(`${result.out}: ${result.files} files (${result.pages} pages), ${result.changed} new or changed, ${result.removed} removed; data version ${result.data_version}; served at ${result.base_url ?? result.base_path}`)
    })
}
