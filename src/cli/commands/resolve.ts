/**
 * @module `tracker resolve <name> [--province P] [--accept-fuzzy]`: which place a spelling means — a
 * locality or a province-level unit — and how it matched. A typo is answered with "did you mean
 * …?" and exit 1 unless `--accept-fuzzy`; ambiguous and unmatched names exit 1 with the candidates.
 */
import type { Command } from 'commander'
import { createResolver, type PlaceCandidate } from '../../model/names/resolve.ts'
import { localityLabel } from '../../model/locality.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { print, printJson } from '../io.ts'
import { withTracker } from '../session.ts'

const kindLabel: Record<string, string> = { province: 'province', directly_governed_city: 'directly governed city', special_city: 'special city' }

export function registerResolve(program: Command): void {
  program
    .command('resolve')
    .description('Resolve a place name in any spelling (MR, RR, DPRK, hangul, hanja, Russian, typos) to a locality or province-level unit of the gazetteer.')
    .argument('<name>', 'the name as a source wrote it, e.g. "Jongphyong", "Unsan County, North Pyongan", 成川郡 or Кандон')
    .option('-p, --province <province>', 'the province the source gives, in any form')
    .option('--accept-fuzzy', 'exit 0 for a typo match too (otherwise only exact and normalised matches exit 0)')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, opts: { province?: string; acceptFuzzy?: boolean; json?: boolean }) => {
      if (name.trim() === '') throw new InvalidInputError('the name is empty')
      const out = await withTracker('resolve', async (t) => {
        const s = await t.readModel.current()
        const resolver = createResolver({ localities: s.dataset.localities, provinces: s.dataset.provinces })
        if (opts.province && opts.province.trim() !== '' && !resolver.resolveProvince(opts.province)) {
          const known = s.dataset.provinces.map((p) => `${p.plain} (${p.id}, ${p.hangul})`).join(', ')
          throw new InvalidInputError(`unknown province "${opts.province}"; the provinces are: ${known}`)
        }
        const match = resolver.resolve(name, opts.province ? { province: opts.province } : {})
        const describe = (c: PlaceCandidate) => {
          const how = { level: c.level, id: c.id, method: c.method, score: c.score, ...(c.distance !== undefined ? { distance: c.distance } : {}), matched: c.matched }
          if (c.level === 'province') {
            const p = s.provinces.get(c.id)!
            return { ...how, name: p.plain, province: p.plain, kind: p.kind, hangul: p.hangul, hanja: p.hanja, mr: p.mr, rr: p.rr }
          }
          const l = s.localities.get(c.id)!
          const p = s.provinces.get(l.province)
          return { ...how, name: localityLabel(l), province: p?.plain ?? l.province, type: l.type, hangul: l.hangul, hanja: l.hanja, mr: l.mr, rr: l.rr }
        }
        return {
          match,
          candidates: match.candidates.map(describe),
          also: match.status === 'match' ? match.also.map(describe) : [],
        }
      })
      const { match, candidates, also } = out
      const accepted = match.status === 'match' && (match.method !== 'fuzzy' || opts.acceptFuzzy === true)
      if (opts.json) {
        printJson({
          input: name,
          province: opts.province ?? null,
          status: match.status,
          method: match.method,
          ...(match.status === 'match'
            ? { level: match.level, id: match.id, ...(match.level === 'locality' ? { locality: match.id } : {}), score: match.score, ...(match.distance !== undefined ? { distance: match.distance } : {}), matched: match.matched }
            : {}),
          ...(match.status === 'none' ? { reason: match.reason } : {}),
          asked: match.asked,
          candidates,
          also,
        })
      } else if (match.status === 'match') {
        const c = candidates.find((x) => x.id === match.id && x.level === match.level)!
        const names = `${c.hangul}${c.hanja ? ` ${c.hanja}` : ''} (${c.mr}; RR ${c.rr})`
        const what = c.level === 'province' ? `${c.name} (province-level: ${kindLabel[(c as { kind: string }).kind] ?? 'province'}), ${names}` : `${c.name}, ${c.province}, ${names}`
        if (match.method === 'fuzzy') {
          print(`did you mean ${what}? — ${c.id}; fuzzy: ${match.distance} edit${match.distance === 1 ? '' : 's'} from ${c.matched}, score ${c.score.toFixed(2)}`)
        } else print(`${what} — ${c.id}; ${match.method}, score ${c.score.toFixed(2)} via ${c.matched}`)
        for (const a of also) {
          print(`  the name also fits ${a.level === 'province' ? 'the province-level unit' : 'the locality'} ${a.name}${a.level === 'locality' ? `, ${a.province}` : ''}, ${a.hangul} — ${a.id} (${a.method}); the ${match.level === 'province' ? 'province-level unit' : 'locality'} was ${match.asked ? `asked for ("${name}")` : 'taken: add a unit word such as "County" or "City" to choose'}`)
        }
      } else {
        if (match.status === 'ambiguous') print(`"${name}" is ambiguous: ${candidates.length} candidates`)
        else if (match.reason === 'province-mismatch') print(`"${name}" does not fit the province given (${opts.province ?? 'in the text'}); the name matches:`)
        else print(`no place matches "${name}" (${match.reason})${candidates.length ? '; closest:' : ''}`)
        for (const c of candidates) {
          const where = c.level === 'province' ? 'province-level' : c.province
          print(`  ${c.name}, ${where}, ${c.hangul} — ${c.id}, ${c.method}${c.distance !== undefined ? ` (${c.distance} edit${c.distance === 1 ? '' : 's'})` : ''}, score ${c.score.toFixed(2)} via ${c.matched}`)
        }
      }
      if (!accepted) process.exitCode = 1
    })
}
