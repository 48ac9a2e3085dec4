/**
 * @module `tracker intake <file|dir|feed URL|article URL|->…`: takes reports into the review queue
 * — a text or HTML file, every file of a directory, a feed (a .xml/.json file or a URL: its items
 * not seen before), an article page by URL, or stdin. `--dry-run` prints what would be queued and
 * writes nothing; `--watch` polls the given feeds every TRACKER_FEED_INTERVAL until Ctrl-C.
 * The work itself is in intakeRun.ts.
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import { loadConfig } from '../../config/config.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { PartialDate } from '../../model/partialDate.ts'
import type { IntakeOpts } from './intakeRun.ts'
import { withTracker } from '../session.ts'

const isUrl = (s: string) => /^https?:\/\//i.test(s)

export function registerIntake(program: Command): void {
  program
    .command('intake')
    .description('Take reports into the review queue: text or HTML files, a directory, a feed (file or URL), an article URL or stdin. --dry-run writes nothing.')
    .argument('<input...>', 'a .txt or .html file, a directory (every file), a feed (.xml/.json file or URL), an article URL, or - for stdin')
    .option('-n, --dry-run', 'print what would be queued; write nothing')
    .option('-w, --watch', 'poll the given feed URLs every TRACKER_FEED_INTERVAL until Ctrl-C')
    .option('--json', 'print the results as JSON')
    .option('--source-url <url>', 'where the report was published (one file, stdin or an article URL)')
    .option('--published <date>', 'the date the report gives (YYYY, YYYY-MM or YYYY-MM-DD); the dateline wins')
    .option('--lang <code>', 'its language (en, ko, ja, zh, ru, es, fr, de); detected when absent')
    .option('--title <title>', 'its title (one report)')
    .option('--as <user>', 'record the intake in the name of this editor (default: cli)')
    .addHelpText(
      'after',
      `
Examples:
  tracker intake report.txt --published 2025-01-21 --source-url https://example.org/a.html
  tracker intake reports/ --dry-run
  tracker intake https://example.org/feed.xml          # its items not seen before
  curl -s https://example.org/a.html | tracker intake - --source-url https://example.org/a.html
  tracker intake --watch https://example.org/feed.xml https://example.org/other.atom

A report taken in before (same URL or same text) adds nothing. Review with \`tracker review list\`.`,
    )
    .action(async (inputs: string[], opts: IntakeOpts) => {
      if (opts.published && !PartialDate.safeParse(opts.published).success) throw new InvalidInputError(`--published: "${opts.published}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`)
      if (opts.lang && !/^[a-z]{2,3}$/.test(opts.lang)) throw new InvalidInputError(`--lang: "${opts.lang}" is not a language code such as en, ko, ru`)
      if (opts.sourceUrl && !isUrl(opts.sourceUrl)) throw new InvalidInputError(`--source-url: "${opts.sourceUrl}" is not an http(s) URL`)
      if ((opts.sourceUrl || opts.title) && (inputs.length > 1 || (inputs[0] !== '-' && fs.existsSync(inputs[0]!) && fs.statSync(inputs[0]!).isDirectory()))) {
        throw new InvalidInputError('--source-url and --title name one report: give one file, an article URL or -')
      }
      if (inputs.filter((i) => i === '-').length > 1) throw new InvalidInputError('stdin (-) can be read once')
      const config = loadConfig()
      if (opts.watch) {
        if (opts.dryRun) throw new InvalidInputError('--watch with --dry-run would show the same items at every poll: run once with --dry-run instead')
        const bad = inputs.filter((i) => !isUrl(i))
        if (bad.length) throw new InvalidInputError(`--watch polls feed URLs; not a URL: ${bad.join(', ')}`)
      }
      const { runIntake } = await import('./intakeRun.ts')
      await withTracker('intake', (tracker) => runIntake(tracker, inputs, opts, config))
    })
}
