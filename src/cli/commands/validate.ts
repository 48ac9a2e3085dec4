/** @module `tracker validate`: checks the whole database; exits 1 when it finds errors. */
import type { Command } from 'commander'
import { print, printJson } from '../io.ts'
import { today, withTracker } from '../session.ts'

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check the data: broken references, events out of order, unsourced facts, double counting, year totals, spellings, unsettled conflicts.')
    .option('--json', 'print the findings as JSON')
    .option('--errors-only', 'list errors only')
    .action(async (opts: { json?: boolean; errorsOnly?: boolean }) => {
      const [{ createResolver }, { validateDataset }] = await Promise.all([import('../../model/names/resolve.ts'), import('../../model/validate.ts')])
      const findings = await withTracker('validate', async (t) => {
        const s = await t.readModel.current()
        return validateDataset(s, createResolver({ localities: s.dataset.localities, provinces: s.dataset.provinces }), today())
      })
      const errors = findings.filter((f) => f.level === 'error')
      const warnings = findings.filter((f) => f.level === 'warning')
      if (opts.json) printJson({ ok: errors.length === 0, errors, warnings: opts.errorsOnly ? [] : warnings })
      else {
        for (const f of opts.errorsOnly ? errors : findings) print(`${f.level === 'error' ? 'ERROR  ' : 'warning'} ${f.code.padEnd(20)} ${f.subject}: ${f.message}`)
        print(`${errors.length} error(s), ${warnings.length} warning(s)`)
      }
      if (errors.length > 0) process.exitCode = 1
    })
}
