/**
 * @module `tracker extract <file|-> [--published D] [--url U] [--title T] [--language L] [--json]`:
 * reads one report (text or HTML) and prints the events it proposes, against the bundled gazetteer
 * and the bundled record's projects (to tell look-alike places apart). Writes nothing, opens no database.
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import { fileURLToPath } from 'node:url'
import { InvalidInputError } from '../../model/errors.ts'
import { print, printJson, readInput } from '../io.ts'

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url))
const readJson = (file: string) => JSON.parse(fs.readFileSync(dataDir + file, 'utf8'))

function bundledProjects(): { locality: string; kinds: string[] }[] {
  const out: { locality: string; kinds: string[] }[] = []
  for (const f of fs.readdirSync(dataDir + 'dataset').filter((n) => /^projects-\d{4}\.json$/.test(n))) {
    const d = readJson(`dataset/${f}`)
    for (const p of Array.isArray(d) ? d : (d.projects ?? [])) out.push({ locality: p.locality, kinds: p.kinds ?? [] })
  }
  return out
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('Read a report (text or HTML) and print the events it proposes. Writes nothing.')
    .argument('<file>', 'the report, or - for stdin')
    .option('--published <date>', 'the date the page gives (YYYY-MM-DD)')
    .option('--url <url>', 'where the report was found')
    .option('--title <title>', 'its title')
    .option('--language <code>', 'its language (en, ko, ja, zh, ru, es, fr, de); detected when absent')
    .option('--json', 'print {source, events} as JSON')
    .action(async (file: string, opts: { published?: string; url?: string; title?: string; language?: string; json?: boolean }) => {
      const [{ createExtractor }, { ReportInputSchema }] = await Promise.all([import('../../intake/extractReport.ts'), import('../../intake/types.ts')])
      const { text } = await readInput(file)
      const isHtml = /^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(text)
      const parsed = ReportInputSchema.safeParse({ [isHtml ? 'html' : 'text']: text, url: opts.url, published: opts.published, title: opts.title, language: opts.language })
      if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      const extractor = createExtractor({ localities: readJson('gazetteer/localities.json'), provinces: readJson('gazetteer/provinces.json') }, { projects: bundledProjects() })
      const result = extractor.extract(parsed.data)
      if (opts.json) {
        printJson({ source: result.source, events: result.events })
        return
      }
      const s = result.source
      print(`${s.publisher ?? 'unknown publisher'} · ${s.published ?? 'no date'} · ${s.language} · ${s.kind}${s.title ? ` · ${s.title}` : ''}`)
      if (result.events.length === 0) print('no events proposed')
      for (const e of result.events) {
        const where = e.locality ?? `ambiguous: ${e.candidates.join(', ') || e.place_text}`
        print(`- ${e.type} · ${where}${e.province ? ` (${e.province}${e.province_conflict ? ', as the text says' : ''})` : ''} · ${e.date ?? 'no date'}${e.date_precision ? ` [${e.date_precision}]` : ''}${e.leader_present ? ' · leader present' : ''}${e.kinds.length ? ` · ${e.kinds.join(', ')}` : ''} · ${e.confidence.toFixed(2)}`)
        print(`    "${e.evidence}"`)
      }
    })
}
