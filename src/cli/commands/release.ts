/**
 * @module `tracker release [--version X]`: freezes the current record as a numbered, dated,
 * immutable release in the releases directory, with the changes since the previous release; and
 * `tracker release --list`. While a server holds the embedded database the command stops and says
 * how to make the release through that server instead.
 */
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { createApp } from '../../api/app.ts'
import { createLogger } from '../../api/log.ts'
import { loadConfig } from '../../config/config.ts'
import { UnavailableError } from '../../model/errors.ts'
import { print, printJson, progress, table } from '../io.ts'
import { withTracker } from '../session.ts'

const webRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url))

export function registerRelease(program: Command): void {
  program
    .command('release')
    .description('Freeze the current record as a numbered, dated, immutable release: Data Package, CSV, JSON, GeoJSON, CITATION.cff, SHA256SUMS, the changes since the previous release and a copy of the site as of the release.')
    .option('-v, --version <version>', 'the version to write (letters, digits, . _ -); default the release date YYYY-MM-DD, then YYYY-MM-DD.2, … if taken; an existing version is refused')
    .option('-m, --comment <text>', 'why this release: kept in its release.json')
    .option('-l, --list', 'list the releases instead of making one')
    .option('--json', 'print the manifest (or the list) as JSON')
    .addHelpText(
      'after',
      `
Releases go to TRACKER_RELEASES_DIR (default: the folder releases in TRACKER_DATA_DIR), one folder
per version; a release is written into a temporary folder and renamed at the end, and never changed
afterwards. With the web app built (npm run build), a release also keeps a copy of the site as it
is (site/, served at /releases/VERSION/site/): every page with the frozen data, saying which release
it shows. The server serves them at /api/releases and /releases.
While \`tracker serve\` holds the embedded database, make the release through it:
  curl -X POST -H 'Authorization: Bearer TOKEN' -H 'Content-Type: application/json' \\
       -d '{"comment":"why"}' http://localhost:8020/api/releases`,
    )
    .action(async (opts: { version?: string; comment?: string; list?: boolean; json?: boolean }) => {
      const [{ checkVersion, createRelease, ReleaseExistsError }, { listReleases, releasesDir }, { readLock }] = await Promise.all([import('../../service/release.ts'), import('../../service/releaseStore.ts'), import('../../store/lock.ts')])
      const config = loadConfig()
      const dir = releasesDir(config)
      if (opts.list) {
        const all = listReleases(dir)
        if (opts.json) return printJson({ items: all, total: all.length })
        if (all.length === 0) return print(`no releases in ${dir} yet; \`tracker release\` makes one`)
        print(table([['version', 'date', 'data version', 'added', 'changed', 'removed'], ...all.map((r) => [r.version, r.date, r.data_version, r.changes.total.add, r.changes.total.change, r.changes.total.remove])], ['l', 'l', 'r', 'r', 'r', 'r']))
        return
      }
      // Refused before opening the database (seconds): a bad name, or a folder that is there already.
      if (opts.version) checkVersion(opts.version)
      if (opts.version && listReleases(dir).some((r) => r.version === opts.version)) throw new ReleaseExistsError(opts.version)
      let made
      try {
        made = await withTracker('release', (t) => {
          // The copy of the site reads the app in-process, with the copy's own address as its public URL.
          const requestFor = (publicUrl: string) => {
            const app = createApp({ tracker: { ...t, config: Object.freeze({ ...t.config, publicUrl }) }, log: createLogger('warn') })
            return (p: string) => app.request(p)
          }
          return createRelease(t, { ...(opts.version ? { version: opts.version } : {}), ...(opts.comment ? { comment: opts.comment } : {}), by: 'cli', site: { webRoot, requestFor }, onProgress: (m) => progress(m, true) })
        })
      } catch (error) {
        const holder = config.databaseUrl ? null : readLock(config.dataDir)
        if (error instanceof UnavailableError && holder?.url) {
          throw new UnavailableError(`the database in ${config.dataDir} is in use by a tracker server (pid ${holder.pid}, ${holder.url}); stop it and run \`tracker release\` again, or make the release through it: POST ${holder.url}/api/releases as an editor (see \`tracker release --help\`)`)
        }
        throw error
      }
      if (opts.json) return printJson(made)
      const t = made.changes.total
      print(`release ${made.version} (${made.date}, data version ${made.data_version}) written to ${dir}/${made.version}`)
      print(made.previous ? `changes since ${made.previous}: ${t.add} added, ${t.change} changed, ${t.remove} removed` : `the first release: ${t.add} records`)
      print(`files: ${[...made.files.map((f) => f.name), 'release.json', 'SHA256SUMS'].join(', ')}`)
      if (made.site) print(`site: ${made.site.files} files (${(made.site.bytes / 1e6).toFixed(1)} MB, ${made.site.linked} linked to the previous release's), served at ${made.site.url}`)
      else print('site: none (the web app is not built: npm run build)')
    })
}
