/**
 * @module A synthetic 100× dataset over the real gazetteer, deterministic from a seed (no
 * Math.random): the bundled 20×10 data plus 99 synthetic programmes, each reaching every locality
 * of the gazetteer over its ten years (20 a year) — about 20k projects, 100k events, 300k claims
 * and 10k sources, every record valid per the model schemas. The same data can be written as the
 * CSV tables of the export (src/export/csv.ts) and as wiki-list text (the format read by
 * src/import/wiki.ts), one programme per list.
 *
 * Run `npx tsx bench/synthetic.ts [--check]` to print the counts (and, with --check, validate
 * every record against its schema and the references between records).
 */
import { pathToFileURL } from 'node:url'
import { allTablesCsv } from '../src/export/csv.ts'
import { loadBundledDataset } from '../src/import/bundle.ts'
import { ClaimSchema, type Claim, type SubjectType } from '../src/model/claim.ts'
import type { Dataset } from '../src/model/dataset.ts'
import { EventSchema, type Event } from '../src/model/event.ts'
import { claimId, eventId, projectId } from '../src/model/ids.ts'
import { referenceProblems } from '../src/model/integrity.ts'
import { LocalitySchema, localityLabel, type Locality } from '../src/model/locality.ts'
import { ProgramSchema, type Program } from '../src/model/program.ts'
import { ProjectSchema, type Project } from '../src/model/project.ts'
import { ProvinceSchema } from '../src/model/province.ts'
import { buildSnapshot } from '../src/model/snapshot.ts'
import { SourceSchema, type Source } from '../src/model/source.ts'
import { deriveStatus } from '../src/model/status.ts'
import { facilityKinds, type ClaimField, type EventType, type FacilityKind, type SourceKind, type Status } from '../src/model/vocab.ts'

export interface SyntheticOptions {
  /** PRNG seed (default 20_10). */
  seed?: number
  /** Synthetic programmes besides 20×10 (default 99). */
  programs?: number
  /** Synthetic sources (default 10 000). */
  sources?: number
  /** Localities each programme reaches; default: the whole gazetteer (200). */
  localitiesPerProgram?: number
  /** The date the synthetic world is "now": later events are planned ones (default 2026-06-30). */
  now?: string
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the same seed gives the same stream. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!
  }
  /** `n` distinct members of `list` (n ≤ list.length). */
  sample<T>(list: readonly T[], n: number): T[] {
    const out: T[] = []
    const used = new Set<number>()
    while (out.length < Math.min(n, list.length)) {
      const i = Math.floor(this.next() * list.length)
      if (used.has(i)) continue
      used.add(i)
      out.push(list[i]!)
    }
    return out
  }
  shuffle<T>(list: readonly T[]): T[] {
    const a = [...list]
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[a[i], a[j]] = [a[j]!, a[i]!]
    }
    return a
  }
}

const ordinals = ['first', 'second', 'third', 'fourth']
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** A date in `year` at day, month or year precision (80/15/5 %), month within [m0, m1]. */
function partialDate(rng: Rng, year: number, m0 = 1, m1 = 12): { date: string; full: string } {
  const m = rng.int(m0, m1)
  const d = rng.int(1, daysIn(year, m))
  const full = `${year}-${pad(m)}-${pad(d)}`
  const r = rng.next()
  return { date: r < 0.8 ? full : r < 0.95 ? `${year}-${pad(m)}` : String(year), full }
}

const sourceKindsCycle: SourceKind[] = ['state_media', 'state_media', 'news', 'analysis', 'imagery', 'other']
const publishers: Record<SourceKind, string[]> = {
  state_media: ['KCNA', 'Rodong Sinmun', 'Voice of Korea', 'Uriminzokkiri'],
  news: ['Yonhap', 'NK News', 'Daily NK', 'Korea JoongAng Daily'],
  analysis: ['38 North', 'Beyond Parallel', 'NK Pro'],
  imagery: ['Planet imagery review', 'Airbus imagery review'],
  encyclopedia: ['Wikipedia'],
  other: ['Ministry press release', 'Think-tank brief'],
}

const factoryKinds: FacilityKind[] = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory']
const extraKinds: FacilityKind[] = ['hospital', 'leisure_complex', 'grain_management_station', 'seafood_processing']
const outsideKinds: FacilityKind[] = ['offshore_farm', 'paper_mill', 'housing']
const kindOrder: readonly FacilityKind[] = facilityKinds.values
const outsideReason: Partial<Record<FacilityKind, string>> = {
  offshore_farm: "Offshore farm, outside the year's target",
  paper_mill: "Paper mill, outside the year's target",
  housing: "Housing, outside the year's target",
}

export interface SyntheticData {
  dataset: Dataset
  /** Ids of the synthetic programmes (20×10 not included). */
  programIds: string[]
}

/** The bundled dataset plus the synthetic programmes and their records. */
export function generateSynthetic(options: SyntheticOptions = {}): SyntheticData {
  const rng = new Rng(prng(options.seed ?? 20_10))
  const programCount = options.programs ?? 99
  const sourceCount = options.sources ?? 10_000
  const now = options.now ?? '2026-06-30'
  const nowYear = Number(now.slice(0, 4))
  const base = loadBundledDataset()
  const localities = base.localities
  const perProgram = Math.min(options.localitiesPerProgram ?? localities.length, localities.length)

  // Sources: a pool the claims cite, published over the years the programmes run.
  const sources: Source[] = []
  for (let i = 1; i <= sourceCount; i++) {
    const kind = sourceKindsCycle[i % sourceKindsCycle.length]!
    const publisher = rng.pick(publishers[kind])
    const year = rng.int(2010, nowYear)
    const published = partialDate(rng, year).date
    sources.push({
      id: `syn-${kind.replace('_', '-')}-${pad(i, 6)}`,
      kind,
      publisher,
      title: `${publisher} report no. ${i} on regional construction (${published})`,
      url: `https://example.org/synthetic/${kind}/${i}`,
      published,
      language: kind === 'state_media' ? rng.pick(['en', 'ko']) : 'en',
      archived_url: null,
      notes: rng.chance(0.1) ? 'Synthetic source generated for the benchmark.' : null,
      attribution: null,
      licence: null,
    })
  }
  // Sources sorted by publication year, so claims cite sources of about the right time.
  const sourcesByYear = new Map<number, Source[]>()
  for (const s of sources) {
    const y = Number(s.published!.slice(0, 4))
    sourcesByYear.set(y, [...(sourcesByYear.get(y) ?? []), s])
  }
  const sourceNear = (year: number): Source => {
    const y = Math.max(2010, Math.min(nowYear, year + rng.int(0, 1)))
    return rng.pick(sourcesByYear.get(y) ?? sources)
  }
  const distinctSources = (year: number, n: number): Source[] => {
    const out = new Map<string, Source>()
    for (let guard = 0; out.size < n && guard < 20; guard++) {
      const s = sourceNear(year)
      out.set(s.id, s)
    }
    return [...out.values()]
  }

  const programs: Program[] = []
  const projects: Project[] = []
  const events: Event[] = []
  const claims: Claim[] = []
  const claim = (subject_type: SubjectType, subject_id: string, field: ClaimField, value: Claim['value'], source: Source, extra: Partial<Claim> = {}): void => {
    const core = { subject_type, subject_id, field, value, source_id: source.id }
    claims.push({
      id: claimId(core),
      ...core,
      quote: extra.quote ?? null,
      said: extra.said ?? null,
      rank: extra.rank ?? 'normal',
      reason: extra.reason ?? null,
      first_seen: null,
      last_seen: null,
    })
  }

  for (let p = 1; p <= programCount; p++) {
    const id = `syn-${pad(p, 3)}`
    const start_year = rng.int(2012, 2026)
    const years = 10
    const target_per_year = Math.ceil(perProgram / years)
    const program: Program = {
      id,
      name: `Synthetic Regional Programme ${pad(p, 3)}`,
      short_name: `Syn ${pad(p, 3)}`,
      description: rng.chance(0.5) ? `A synthetic programme generated for the benchmark (seed ${options.seed ?? 20_10}).` : null,
      start_year,
      years,
      target_per_year,
      counts: 'One locality a year per counted project (synthetic).',
      source_ids: [sourceNear(start_year).id],
    }
    programs.push(program)
    const reached = rng.shuffle(localities).slice(0, perProgram)
    reached.forEach((locality, i) => {
      const year = start_year + Math.floor(i / target_per_year)
      generateProject(program, locality, year)
    })
  }

  function generateProject(program: Program, locality: Locality, year: number): void {
    const r = rng.next()
    let kinds: FacilityKind[]
    if (r < 0.05) kinds = [rng.pick(outsideKinds)]
    else if (r < 0.75) kinds = [...factoryKinds]
    else kinds = [...new Set([...factoryKinds, ...rng.sample(extraKinds, rng.int(1, 2))])]
    kinds = kindOrder.filter((k) => kinds.includes(k))
    const outside = kinds.length === 1 && outsideReason[kinds[0]!] !== undefined
    const excluded = !outside && rng.chance(0.02)
    const project: Project = {
      id: projectId({ program_id: program.id, year, locality_id: locality.id }),
      program_id: program.id,
      year,
      pilot: false,
      locality_id: locality.id,
      label: null,
      kinds,
      counted: !outside && !excluded,
      counted_reason: outside ? outsideReason[kinds[0]!]! : excluded ? "Excluded from the year's target" : null,
      notes: rng.chance(0.3) ? `${localityLabel(locality)}: synthetic project of ${program.short_name} in ${year}.` : null,
    }
    projects.push(project)

    // Events up to "now": the further back the year, the further along the project.
    const own: Event[] = []
    const event = (type: EventType, date: string, extra: { label?: string; leader_present?: boolean | null } = {}) => {
      const label = extra.label ?? null
      const e: Event = {
        id: eventId({ project_id: project.id, program_id: program.id, type, label }),
        program_id: program.id,
        project_id: project.id,
        type,
        label,
        date,
        leader_present: extra.leader_present ?? null,
        notes: rng.chance(0.05) ? 'Synthetic event.' : null,
      }
      own.push(e)
    }
    const age = nowYear - year
    if (rng.chance(0.85)) event('announced', partialDate(rng, year - 1, 10, 12).date)
    const started = age > 0 || rng.chance(0.7)
    if (started) {
      const gb = partialDate(rng, year, 1, 4)
      event('groundbreaking', gb.date, { leader_present: rng.chance(0.1) })
      if (rng.chance(0.6)) event('construction_stage', partialDate(rng, year, 5, 6).date, { label: 'frame-complete' })
      if (rng.chance(0.4)) event('construction_stage', partialDate(rng, year, 7, 8).date, { label: 'roofs-on' })
      const visits = rng.int(0, 3)
      for (let v = 1; v <= visits; v++) event('leader_visit', partialDate(rng, year, 4 + v * 2, 5 + v * 2).date, { label: `${ordinals[v - 1]}-visit`, leader_present: true })
      const finished = age >= 2 || (age === 1 && rng.chance(0.7))
      if (finished && !rng.chance(0.04)) {
        const doneYear = year + rng.int(0, 1)
        if (rng.chance(0.5)) event('completion', partialDate(rng, doneYear, 9, 10).date)
        event('inauguration', partialDate(rng, doneYear, 11, 12).date, { leader_present: rng.chance(0.15) })
        if (rng.chance(0.35)) event('production_start', partialDate(rng, doneYear + 1, 1, 3).date)
      }
    }
    events.push(...own)

    // Claims: the events' dates from one to three sources (sometimes disagreeing, then one is
    // preferred), leader presence, the project's stated status, province and kinds.
    for (const e of own) {
      const year = Number(e.date.slice(0, 4))
      const cites = distinctSources(year, rng.int(1, 4))
      const disagree = cites.length > 1 && e.date.length === 10 && rng.chance(0.15)
      cites.forEach((s, i) => {
        if (disagree && i === 1) {
          const other = e.date.slice(0, 7)
          claim('event', e.id, 'date', other, s, { said: `in ${other}` })
        } else {
          claim('event', e.id, 'date', e.date, s, disagree && i === 0 ? { rank: 'preferred', reason: 'The report of the day itself gives the date.' } : { quote: `The ${e.type.replace('_', ' ')} took place on ${e.date}.` })
        }
      })
      if (e.leader_present) claim('event', e.id, 'leader_present', true, cites[0]!)
    }
    const status: Status = deriveStatus({ events: own, claims: [] }).status ?? 'planned'
    for (const s of distinctSources(year + 1, rng.int(1, 2))) claim('project', project.id, 'status', rng.chance(0.01) ? 'suspended' : status, s, { quote: 'Status as reported.' })
    claim('project', project.id, 'province', locality.province, sourceNear(year), { said: `${locality.province.replace('-', ' ')} province` })
    if (rng.chance(0.4)) claim('project', project.id, 'kinds', kinds, sourceNear(year))
    if (rng.chance(0.15)) claim('project', project.id, 'locality', locality.id, sourceNear(year), { said: localityLabel(locality) })
  }

  const dataset: Dataset = {
    programs: [...base.programs, ...programs],
    provinces: base.provinces,
    localities: base.localities,
    sources: [...base.sources, ...sources],
    projects: [...base.projects, ...projects],
    events: [...base.events, ...events],
    claims: [...base.claims, ...claims],
  }
  return { dataset, programIds: programs.map((p) => p.id) }
}

/** Records per entity and in all. */
export function countRecords(ds: Dataset): Record<string, number> {
  const out: Record<string, number> = {}
  let total = 0
  for (const [k, v] of Object.entries(ds)) {
    out[k] = v.length
    total += v.length
  }
  out.total = total
  return out
}

/** The data as the CSV export writes it: "<table>.csv" → text. */
export function syntheticCsv(ds: Dataset): Map<string, string> {
  return allTablesCsv(buildSnapshot(ds, 1))
}

// ---- the wiki list ------------------------------------------------------------------------

const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const provinceSuffix: Record<string, string> = { province: 'Province', directly_governed_city: 'Municipality', special_city: 'Municipality' }
const wikiTypes: [FacilityKind[], string][] = [
  [factoryKinds, 'Regional-industry factories'],
  [['hospital'], 'Hospital'],
  [['leisure_complex'], 'Leisure complex'],
  [['offshore_farm'], 'Offshore farm'],
  [['housing'], "Fishermen's housing"],
  [['paper_mill'], 'Paper factory'],
  [['grain_management_station'], 'Grain management station'],
  [['seafood_processing'], 'Seafood processing facility'],
]
const wikiEventWord: Partial<Record<EventType, string>> = {
  announced: 'Announced',
  groundbreaking: 'Groundbreaking',
  completion: 'Completion',
  inauguration: 'Inauguration',
  leader_visit: 'Visit',
  production_start: 'Production start',
}
const wikiStatus: Record<Status, string> = {
  planned: 'Planned',
  under_construction: 'Under construction',
  operational: 'Completed / Operational',
  suspended: 'Suspended',
}

function wikiDate(date: string): string {
  const [y, m, d] = date.split('-')
  if (m === undefined) return y!
  const month = monthShort[Number(m) - 1]!
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`
}

interface WikiIndex {
  localities: Map<string, Locality>
  provinces: Map<string, Dataset['provinces'][number]>
  eventsOf: Map<string, Event[]>
  statusClaims: Map<string, { value: unknown; rank: Claim['rank']; published: string | null }[]>
}
const wikiIndexes = new WeakMap<Dataset, WikiIndex>()

/** Lookups the wiki writer needs, built once per dataset. */
function wikiIndex(ds: Dataset): WikiIndex {
  const cached = wikiIndexes.get(ds)
  if (cached) return cached
  const eventsOf = new Map<string, Event[]>()
  for (const e of ds.events) {
    if (!e.project_id) continue
    const list = eventsOf.get(e.project_id)
    if (list) list.push(e)
    else eventsOf.set(e.project_id, [e])
  }
  const published = new Map(ds.sources.map((s) => [s.id, s.published]))
  const statusClaims: WikiIndex['statusClaims'] = new Map()
  for (const c of ds.claims) {
    if (c.subject_type !== 'project' || c.field !== 'status') continue
    const entry = { value: c.value, rank: c.rank, published: published.get(c.source_id) ?? null }
    const list = statusClaims.get(c.subject_id)
    if (list) list.push(entry)
    else statusClaims.set(c.subject_id, [entry])
  }
  const index = { localities: new Map(ds.localities.map((l) => [l.id, l])), provinces: new Map(ds.provinces.map((p) => [p.id, p])), eventsOf, statusClaims }
  wikiIndexes.set(ds, index)
  return index
}

export interface WikiListOptions {
  /** The programme whose projects are listed (default "20x10"). */
  programId?: string
  /** At most this many rows (default: all). */
  maxRows?: number
}

/**
 * The projects of one programme as the wiki list writes them: a "=== <year> ===" section per
 * policy year, one pipe-table row per project (Locality | Province/Municipality | Project
 * Type(s) | Status | Key Date(s) | Notes). Pilots (no year) and events the list has no word for
 * are left out, as in the article. Returns the text and the number of rows.
 */
export function syntheticWiki(ds: Dataset, options: WikiListOptions = {}): { text: string; rows: number } {
  const programId = options.programId ?? '20x10'
  const program = ds.programs.find((p) => p.id === programId)
  if (!program) throw new Error(`no programme "${programId}" in the dataset`)
  const { localities, provinces, eventsOf, statusClaims } = wikiIndex(ds)
  const byYear = new Map<number, Project[]>()
  const seen = new Set<string>()
  for (const p of ds.projects) {
    if (p.program_id !== programId || p.year === null) continue
    // One row per locality and year.
    const key = `${p.year}|${p.locality_id}`
    if (seen.has(key)) continue
    seen.add(key)
    byYear.set(p.year, [...(byYear.get(p.year) ?? []), p])
  }
  const lines = [`= ${program.name} =`, '', `${program.description ?? program.name}`, '', `== List of projects under the ${program.short_name} programme ==`]
  let rows = 0
  const max = options.maxRows ?? Number.POSITIVE_INFINITY
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    if (rows >= max) break
    lines.push('', `=== ${year} (Year ${year - program.start_year + 1}) ===`, '| Locality | Province/Municipality | Project Type(s) | Status | Key Date(s) | Notes |')
    for (const p of byYear.get(year)!) {
      if (rows >= max) break
      const locality = localities.get(p.locality_id)!
      const province = provinces.get(locality.province)!
      const types = wikiTypes.filter(([kinds]) => kinds.every((k) => p.kinds.includes(k))).map(([, word]) => word)
      if (types.length === 0) continue // only "other": the list has no word for it
      const events = eventsOf.get(p.id) ?? []
      const status = deriveStatus({ events, claims: statusClaims.get(p.id) ?? [] }).status ?? 'planned'
      const dates = events
        // The list's key-date labels are words: a label with digits cannot be written.
        .filter((e) => wikiEventWord[e.type] !== undefined && !/\d/.test(e.label ?? ''))
        .map((e) => `${wikiEventWord[e.type]}${e.label ? ` of ${e.label}` : ''}: ${wikiDate(e.date)}`)
        .join('; ')
      const notes = p.counted ? '' : p.kinds.every((k) => outsideKinds.includes(k)) ? 'Built beside the year’s localities.' : 'Excluded from the year’s target.'
      lines.push(`| ${localityLabel(locality)} | ${province.plain} ${provinceSuffix[province.kind]} | ${types.join('; ')} | ${wikiStatus[status]} | ${dates} | ${notes} |`)
      rows++
    }
  }
  lines.push('', '== References ==', 'Synthetic list generated for the benchmark.', '')
  return { text: lines.join('\n'), rows }
}

// ---- checking -----------------------------------------------------------------------------

/** Every record against its schema, and every reference; returns the problems (empty when valid). */
export function checkSynthetic(ds: Dataset): string[] {
  const problems: string[] = []
  const schemas = { programs: ProgramSchema, provinces: ProvinceSchema, localities: LocalitySchema, sources: SourceSchema, projects: ProjectSchema, events: EventSchema, claims: ClaimSchema }
  for (const [entity, schema] of Object.entries(schemas)) {
    const ids = new Set<string>()
    for (const r of ds[entity as keyof Dataset] as { id: string }[]) {
      if (ids.has(r.id)) problems.push(`${entity} ${r.id}: duplicate id`)
      ids.add(r.id)
      const result = (schema as { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }).safeParse(r)
      if (!result.success) problems.push(`${entity} ${r.id}: ${result.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`)
      if (problems.length > 20) return problems
    }
  }
  for (const p of referenceProblems(ds).slice(0, 20)) problems.push(`${p.path}: ${p.message}`)
  return problems
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now()
  const { dataset, programIds } = generateSynthetic()
  console.log(`generated in ${Math.round(performance.now() - t0)} ms:`, countRecords(dataset))
  if (process.argv.includes('--check')) {
    const problems = checkSynthetic(dataset)
    console.log(problems.length === 0 ? 'every record is valid' : problems.join('\n'))
    const t1 = performance.now()
    const csv = syntheticCsv(dataset)
    console.log(`csv in ${Math.round(performance.now() - t1)} ms:`, [...csv].map(([n, t]) => `${n} ${(t.length / 1e6).toFixed(1)} MB`).join(', '))
    const wiki = syntheticWiki(dataset, { programId: programIds[0] })
    console.log(`wiki list of ${programIds[0]}: ${wiki.rows} rows, ${wiki.text.length} chars`)
    console.log(wiki.text.split('\n').slice(0, 12).join('\n'))
  }
}
