/** @module `tracker resolve <name> [--province P]`: which locality a spelling means, or the candidates when it is ambiguous. */
import type { Command } from 'commander'
import { createResolver } from '../../model/names/resolve.ts'
import { localityLabel } from '../../model/locality.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { print, printJson } from '../io.ts'
import { withTracker } from '../session.ts'

export function registerResolve(program: Command): void {
  program
    .command('resolve')
    .description('Resolve a locality name in any spelling (MR, RR, DPRK, hangul, with typos) to the gazetteer.')
    .argument('<name>', 'the name as a source wrote it, e.g. "Jongphyong" or "Unsan County, North Pyongan"')
    .option('-p, --province <province>', 'the province the source gives, in any form')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, opts: { province?: string; json?: boolean }) => {
      if (name.trim() === '') throw new InvalidInputError('the name is empty')
      const out = await withTracker('resolve', async (t) => {
        const s = await t.readModel.current()
        const resolver = createResolver({ localities: s.dataset.localities, provinces: s.dataset.provinces })
        const match = resolver.resolveLocality(name, opts.province ? { province: opts.province } : {})
        const describe = (id: string) => {
          const l = s.localities.get(id)!
          const p = s.provinces.get(l.province)
          return { id, name: localityLabel(l), province: p?.plain ?? l.province, hangul: l.hangul, mr: l.mr, rr: l.rr, type: l.type }
        }
        return { match, candidates: match.candidates.map((c) => ({ ...describe(c.id), score: c.score, matched: c.matched })) }
      })
      const { match, candidates } = out
      if (opts.json) {
        printJson({ input: name, province: opts.province ?? null, status: match.status, ...(match.status === 'match' ? { locality: match.locality } : {}), ...(match.status === 'none' ? { reason: match.reason } : {}), candidates })
      } else if (match.status === 'match') {
        const c = candidates.find((x) => x.id === match.locality)!
        print(`${c.name}, ${c.province}, ${c.hangul} (${c.mr}; RR ${c.rr}) — ${c.id}, score ${c.score.toFixed(2)} via ${c.matched}`)
      } else {
        print(match.status === 'ambiguous' ? `"${name}" is ambiguous: ${candidates.length} candidates` : `no locality matches "${name}" (${match.reason})${candidates.length ? '; closest:' : ''}`)
        for (const c of candidates) print(`  ${c.name}, ${c.province}, ${c.hangul} — ${c.id}, score ${c.score.toFixed(2)} via ${c.matched}`)
      }
      if (match.status !== 'match') process.exitCode = 1
    })
}
