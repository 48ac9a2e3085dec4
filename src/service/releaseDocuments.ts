/**
 * @module The human documents of a release: CITATION.cff (Citation File Format 1.2.0, agreeing
 * with the web app's "How to cite" and the data package: the same title, author, licence and
 * canonical address) and CHANGELOG.md (what changed since the previous release, in words, grouped
 * by table and by added / changed / removed).
 */
import { dataLicence } from '../export/datapackage.ts'
import { releaseTables, type ChangeCounts, type ReleaseChange, type ReleaseTable } from '../model/releaseDiff.ts'

/** The title the web app's citations use (src/web/cite.ts); a test keeps the two equal. */
export const citationTitle = "20×10 Tracker: open data on North Korea's Regional Development 20×10 Policy"
/** The author and publisher, as in the citations: the project itself. */
export const citationAuthor = '20×10 Tracker'

const q = (s: string) => JSON.stringify(s)

export function citationCff(r: { version: string; date: string; url: string; apiUrl: string; dataVersion: number }): string {
  return [
    'cff-version: 1.2.0',
    `message: ${q('If you use this dataset, please cite this release as below.')}`,
    'type: dataset',
    `title: ${q(citationTitle)}`,
    `version: ${q(r.version)}`,
    `date-released: ${q(r.date)}`,
    `url: ${q(r.url)}`,
    `license: ${dataLicence.name}`,
    'authors:',
    `  - name: ${q(citationAuthor)}`,
    `abstract: ${q(`Projects, events, sources and claims of North Korea's Regional Development 20×10 Policy (2024–2033), with a gazetteer of every county-level locality; every value cites its source. Release ${r.version}, data version ${r.dataVersion}.`)}`,
    'keywords:',
    `  - ${q('North Korea')}`,
    `  - ${q('regional development')}`,
    `  - ${q('20×10 policy')}`,
    `  - ${q('open data')}`,
    'identifiers:',
    '  - type: url',
    `    value: ${q(r.apiUrl)}`,
    `    description: ${q("The release's files (manifest, data, checksums)")}`,
    '',
  ].join('\n')
}

export const tableTitles: Record<ReleaseTable, string> = {
  programs: 'Programs',
  provinces: 'Provinces',
  localities: 'Localities',
  sources: 'Sources',
  projects: 'Projects',
  events: 'Events',
  claims: 'Claims',
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const singular: Record<ReleaseTable, string> = { programs: 'program', provinces: 'province', localities: 'locality', sources: 'source', projects: 'project', events: 'event', claims: 'claim' }
/** Markdown text with its special characters escaped (labels and ids come from the data). */
const md = (s: string) => s.replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ')
/** A value as a code span that no value can break out of. */
function value(v: unknown): string {
  let text = JSON.stringify(v) ?? 'null'
  if (text.length > 160) text = `${text.slice(0, 157)}…`
  text = text.replace(/\s+/g, ' ')
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

const perGroup = 300

export function changelogMarkdown(r: { version: string; date: string; previous: string | null; dataVersion: number; url: string; counts: Record<ReleaseTable, number>; total: ChangeCounts }, changes: readonly ReleaseChange[]): string {
  const out: string[] = [`# 20×10 Tracker release ${md(r.version)}`, '']
  out.push(`Released ${r.date} · data version ${r.dataVersion} · ${r.url}`, '')
  const held = releaseTables.map((t) => plural(r.counts[t], singular[t], t)).join(', ')
  if (r.previous === null) {
    out.push(`The first release. It holds ${held}. Every record is new; changes.jsonl lists each one.`, '')
    return `${out.join('\n')}\n`
  }
  out.push(`Changes since release ${md(r.previous)}: ${plural(r.total.add, 'record')} added, ${r.total.change} changed, ${r.total.remove} removed.`, '')
  out.push(`This release holds ${held}.`, '')
  if (changes.length === 0) {
    out.push('Nothing changed since the previous release.', '')
    return `${out.join('\n')}\n`
  }
  for (const table of releaseTables) {
    const mine = changes.filter((c) => c.table === table)
    if (mine.length === 0) continue
    out.push(`## ${tableTitles[table]}`, '')
    const groups: [string, ReleaseChange['op']][] = [
      ['Added', 'add'],
      ['Changed', 'change'],
      ['Removed', 'remove'],
    ]
    for (const [title, op] of groups) {
      const lines: string[] = []
      if (op === 'change') {
        const byRecord = new Map<string, ReleaseChange[]>()
        for (const c of mine) if (c.op === 'change') byRecord.set(c.id, [...(byRecord.get(c.id) ?? []), c])
        for (const [id, fields] of byRecord) {
          lines.push(`- **${md(fields[0]!.label)}** (${md(id)})`)
          for (const f of fields) lines.push(`  - ${md(f.field ?? '')}: ${value(f.old)} → ${value(f.new)}`)
        }
      } else for (const c of mine) if (c.op === op) lines.push(`- **${md(c.label)}** (${md(c.id)})`)
      if (lines.length === 0) continue
      const records = op === 'change' ? lines.filter((l) => l.startsWith('- ')).length : lines.length
      out.push(`### ${title} (${records})`, '')
      const shown = lines.slice(0, perGroup * (op === 'change' ? 4 : 1))
      out.push(...shown)
      if (shown.length < lines.length) out.push(`- … and more: changes.jsonl lists every change`)
      out.push('')
    }
  }
  return `${out.join('\n')}\n`
}
