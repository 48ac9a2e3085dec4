/**
 * @module The recent changes as an Atom feed (RFC 4287): one entry per revision, titled in words a
 * reader follows ("Songchon County 2024: inauguration date changed") and linked to the web page
 * of the record. Links are built from the tracker's public address, never from the request; text
 * is escaped and stripped of the characters XML 1.0 cannot carry, so the feed always parses.
 */
import { eventTypes, localityTypes, type EventType } from '../model/vocab.ts'
import type { Snapshot } from '../model/snapshot.ts'

/** What the feed needs of a revision. */
export interface FeedRevision {
  id: number
  at: string
  actor: string
  entity_type: string
  entity_id: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  comment: string
}

// XML 1.0 allows tab, newline, carriage return and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text safe inside an XML element or attribute. */
export function xmlText(s: string): string {
  return s.replace(notXml, '').replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!)
}

const record = (r: FeedRevision) => r.after ?? r.before ?? {}

/** "Songchon County", "Sinuiju City". */
function localityName(s: Snapshot, id: unknown): string {
  const l = typeof id === 'string' ? s.localities.get(id) : undefined
  return l ? `${l.plain} ${localityTypes.labels[l.type]}` : String(id)
}

function projectName(s: Snapshot, id: unknown, fallback?: Record<string, unknown>): string {
  const p = (typeof id === 'string' && s.projects.get(id)) || (fallback as { locality_id?: string; year?: number | null; pilot?: boolean } | undefined)
  if (!p) return String(id)
  return `${localityName(s, p.locality_id)} ${p.year ?? (p.pilot ? 'pilot' : '')}`.trim()
}

const eventWords = (type: unknown) => (eventTypes.labels[type as EventType] ?? String(type)).toLowerCase()

/** The fields an update changed, in words. */
function changedFields(r: FeedRevision): string[] {
  if (!r.before || !r.after) return []
  const keys = new Set([...Object.keys(r.before), ...Object.keys(r.after)])
  return [...keys].filter((k) => !['version', 'updated_at', 'created_at'].includes(k) && JSON.stringify(r.before![k]) !== JSON.stringify(r.after![k])).map((k) => k.replaceAll('_', ' '))
}

/** "Songchon County 2024, groundbreaking": an event by its project and type, also once it is deleted (its id is "project~type~label"). */
function eventSubject(s: Snapshot, id: string): string {
  const e = s.events.get(id)
  const [projectId, type, label] = id.split('~')
  const project = e?.project_id ?? projectId
  const what = `${eventWords(e?.type ?? type)}${(e?.label ?? label) ? ` (${String(e?.label ?? label).replaceAll('-', ' ')})` : ''}`
  return project && (s.projects.has(project) || id.includes('~')) ? `${projectName(s, project)}, ${what}` : what
}

const verbs: Record<string, string> = { create: 'added', delete: 'removed', restore: 'restored' }

/** "Songchon County 2024: inauguration date changed", "Source “…”: added". */
export function revisionTitle(s: Snapshot, r: FeedRevision): string {
  const rec = record(r)
  const verb = verbs[r.action]
  const fields = changedFields(r)
  const change = (what: string) => (verb ? `${what} ${verb}` : fields.length ? `${what ? `${what} ` : ''}${fields.slice(0, 3).join(', ')}${fields.length > 3 ? '…' : ''} changed` : `${what} changed`.trim())
  switch (r.entity_type) {
    case 'project':
      return `${projectName(s, r.entity_id, rec)}: ${change(verb ? 'project' : '')}`
    case 'event': {
      const what = `${eventWords(rec.type)}${rec.label ? ` (${String(rec.label).replaceAll('-', ' ')})` : ''}`
      const head = rec.project_id ? projectName(s, rec.project_id) : (s.programs.get(String(rec.program_id))?.short_name ?? String(rec.program_id))
      return `${head}: ${verb ? `${what} ${verb}` : fields.length ? `${what} ${fields.slice(0, 3).join(', ')} changed` : `${what} changed`}`
    }
    case 'claim': {
      const subject =
        rec.subject_type === 'project'
          ? projectName(s, rec.subject_id)
          : rec.subject_type === 'locality'
            ? localityName(s, rec.subject_id)
            : rec.subject_type === 'event'
              ? eventSubject(s, String(rec.subject_id))
              : rec.subject_type === 'source'
                ? `Source “${s.sources.get(String(rec.subject_id))?.title ?? String(rec.subject_id)}”`
                : String(rec.subject_id)
      const publisher = s.sources.get(String(rec.source_id))?.publisher
      return `${subject}: ${String(rec.field).replaceAll('_', ' ')} claim${publisher ? ` by ${publisher}` : ''} ${verb ?? (fields.length ? `(${fields.slice(0, 3).join(', ')}) changed` : 'changed')}`
    }
    case 'source':
      return `Source “${String(rec.title ?? r.entity_id)}”: ${change('')}`.replace(/: $/, '')
    case 'locality':
      return `${localityName(s, r.entity_id)}: ${change(verb ? 'locality' : '')}`
    case 'program':
      return `${String(rec.name ?? r.entity_id)}: ${change(verb ? 'program' : '')}`
    default:
      return `${r.entity_type} ${r.entity_id}: ${verb ?? 'changed'}`
  }
}

/** The web page where a reader sees the changed record. */
export function revisionPage(r: FeedRevision): string {
  const rec = record(r)
  const enc = encodeURIComponent
  switch (r.entity_type) {
    case 'project':
      return `/projects/${enc(r.entity_id)}`
    case 'event':
      return rec.project_id ? `/projects/${enc(String(rec.project_id))}` : '/timeline'
    case 'claim':
      if (rec.subject_type === 'project') return `/projects/${enc(String(rec.subject_id))}`
      if (rec.subject_type === 'locality') return `/localities/${enc(String(rec.subject_id))}`
      if (rec.subject_type === 'source') return `/sources/${enc(String(rec.subject_id))}`
      if (rec.subject_type === 'event' && String(rec.subject_id).includes('~')) return `/projects/${enc(String(rec.subject_id).split('~')[0] ?? '')}`
      return `/sources/${enc(String(rec.source_id))}`
    case 'source':
      return `/sources/${enc(r.entity_id)}`
    case 'locality':
      return `/localities/${enc(r.entity_id)}`
    default:
      return '/'
  }
}

/** The Atom document; `base` is the public address without a trailing slash. */
/** A filtered feed names what it follows in its title and its own id and address. */
export interface FeedScope {
  /** E.g. "South Pyongan", "Songchon County", "inauguration". */
  label: string
  /** The query string that selects it, without "?" (e.g. "province=south-pyongan"). */
  query: string
}

export function atomFeed(snapshot: Snapshot, revisions: readonly FeedRevision[], base: string, scope: FeedScope | null = null): string {
  const updated = revisions[0]?.at ?? new Date(0).toISOString()
  const entries = revisions
    .map(
      (r) => `  <entry>
    <id>tag:20x10-tracker,2024:revision/${r.id}</id>
    <title>${xmlText(revisionTitle(snapshot, r))}</title>
    <updated>${r.at}</updated>
    <author><name>${xmlText(r.actor)}</name></author>
    <link rel="alternate" type="text/html" href="${xmlText(base + revisionPage(r))}"/>
    <link rel="related" type="application/json" href="${xmlText(`${base}/api/revisions/${r.id}`)}"/>
    <summary>${xmlText(r.comment)}</summary>
  </entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:20x10-tracker,2024:changes${scope ? `?${xmlText(scope.query)}` : ''}</id>
  <title>20×10 Tracker: recent changes${scope ? ` — ${xmlText(scope.label)}` : ''}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${xmlText(`${base}/api/changes.atom${scope ? `?${scope.query}` : ''}`)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${base}/`)}"/>
${entries}
</feed>
`
}
