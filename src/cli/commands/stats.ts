/** @module `tracker stats [--as-of DATE]`: progress per year with bars, coverage per province, durations, projection. */
import type { Command } from 'commander'
import { coverage } from '../../analysis/coverage.ts'
import { durations } from '../../analysis/durations.ts'
import { progress } from '../../analysis/progress.ts'
import { projection } from '../../analysis/projection.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { partialDateProblem } from '../../model/partialDate.ts'
import { print, printJson, table } from '../io.ts'
import { today, withTracker } from '../session.ts'

function bar(n: number, of: number, width = 20): string {
  const full = Math.round((Math.min(n, of) / of) * width)
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Progress per year against the target, coverage per province, durations and projection.')
    .option('--as-of <date>', 'the state on a past date (YYYY-MM-DD)')
    .option('--program <id>', 'program id', '20x10')
    .option('--json', 'print everything as JSON')
    .action(async (opts: { asOf?: string; program: string; json?: boolean }) => {
      if (opts.asOf !== undefined && (opts.asOf.length !== 10 || partialDateProblem(opts.asOf))) {
        throw new InvalidInputError(`--as-of ${opts.asOf}: ${partialDateProblem(opts.asOf) ?? 'expected YYYY-MM-DD'}`)
      }
      const result = await withTracker('stats', async (t) => {
        const s = await t.readModel.current()
        const p = s.programs.get(opts.program)
        if (!p) throw new InvalidInputError(`unknown program "${opts.program}" (known: ${[...s.programs.keys()].join(', ')})`)
        // Names with their province: two different counties are both written "Unsan".
        const names = new Map(s.dataset.localities.map((l) => [l.id, `${l.plain} (${s.provinces.get(l.province)?.plain ?? l.province})`]))
        return {
          program: { id: p.id, name: p.name },
          as_of: opts.asOf ?? null,
          data_version: s.version,
          progress: progress(s, p, opts.asOf, today()),
          coverage: coverage(s, p, opts.asOf),
          durations: durations(s, p, opts.asOf),
          projection: projection(s, p, opts.asOf, today()),
          names,
        }
      })
      const { names, ...data } = result
      if (opts.json) return printJson(data)
      const { progress: pr, coverage: cov, durations: du, projection: pj } = data
      print(`${data.program.name}${opts.asOf ? ` — as of ${opts.asOf}` : ''} (data version ${data.data_version})`)
      print('')
      print('Counted localities per policy year begun: counted/target, then the counted ones by status')
      const begun = pr.years.filter((y) => y.counted > 0)
      print(
        table(
          begun.map((y) => [String(y.year), `${bar(y.counted, y.target)} ${y.counted}/${y.target}`, `operational ${y.by_status.operational}`, `under construction ${y.by_status.under_construction}`, `planned ${y.by_status.planned}`]),
        ),
      )
      for (const y of begun) for (const e of y.extra) print(`  ${y.year} extra: ${names.get(e.locality_id) ?? e.locality_id} — ${e.reason ?? 'not counted'}`)
      print('')
      print(`Cumulative: ${pr.cumulative.counted}/${pr.cumulative.total_target} (${Math.round(pr.cumulative.share_of_total * 100)}%) ${bar(pr.cumulative.counted, pr.cumulative.total_target, 40)}`)
      print(`Localities reached: ${pr.localities_reached}; provinces reached: ${pr.provinces_reached}`)
      print('')
      print('Coverage per province: reached/localities')
      print(table(cov.provinces.map((p) => [p.name, `${bar(p.reached, Math.max(1, p.localities), 15)} ${p.reached}/${p.localities}`])))
      print(`Balance: dissimilarity index ${cov.balance.value} (0 = proportional to the number of localities)`)
      print('')
      print(
        `Groundbreaking → opening: median ${du.overall.median ?? '–'} days (range ${du.overall.min ?? '–'}–${du.overall.max ?? '–'}, n=${du.overall.n} day-precise)${du.month_precision.n ? `; ${du.month_precision.n} more known only to the month` : ''}`,
      )
      print('')
      const line = (name: string, l: typeof pj.started) =>
        `${name}: ${l.done}/${pj.total_target}, ${l.pace_per_year ?? '–'} a year → ${l.projected_year ?? 'no projection'}${l.on_track === null ? '' : l.on_track ? ` (on track for ${pj.end_year})` : ` (behind ${pj.end_year})`}`
      print(`Projection — ${line('started', pj.started)}`)
      print(`             ${line('operational', pj.operational)}`)
    })
}
