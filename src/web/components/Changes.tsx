/**
 * @module The latest recorded changes to the data (GET /api/changes), grouped by write: one line
 * per batch saying who changed what and why, with the true number of records the write touched
 * (the API's `batches`, not what one page of revisions shows) and links to the pages it is about,
 * titled in words ("Musan County regional-industry factories (2026)", hangul in Korean). Hidden
 * when the server has no such feed.
 */
import { apiPath } from '../api.ts'
import { fmtTimestamp, kindLabel, localityTypeLabel } from '../format.ts'
import { hasMessage, language, locale, t } from '../i18n/i18n.ts'
import type { Change } from '../types.ts'
import { useApi } from '../useApi.ts'

/** The record a change is seen on, as GET /api/changes describes it. */
export interface ChangeSubject {
  type: 'project' | 'source' | 'locality' | 'province' | 'program'
  id: string
  page: string
  title: string
  locality: { id: string; name: string; hangul: string; type: string } | null
  year: number | null
  kinds: string[]
}

interface BatchSize {
  batch: string
  records: number
  by_type: Record<string, number>
}

type ChangeItem = Change & { subject?: ChangeSubject | null }

interface ChangeList {
  items: ChangeItem[]
  total: number
  batches?: BatchSize[]
}

export function entityHref(type: string, id: string): string | null {
  const enc = encodeURIComponent
  if (type === 'project' || type === 'projects') return `/projects/${enc(id)}`
  if (type === 'event' || type === 'events') return `/projects/${enc(id.split('~')[0]!)}`
  if (type === 'locality' || type === 'localities') return `/localities/${enc(id)}`
  if (type === 'source' || type === 'sources') return `/sources/${enc(id)}`
  if (type === 'province' || type === 'provinces') return `/provinces/${enc(id)}`
  return null
}

interface Group {
  key: string
  first: ChangeItem
  items: ChangeItem[]
}

/** Consecutive changes of one write (same batch, or same actor, comment and time) as one group. */
export function groupChanges(items: ChangeItem[]): Group[] {
  const groups: Group[] = []
  for (const c of items) {
    const key = c.batch ?? `${c.actor}\u0000${c.comment ?? ''}\u0000${c.at.slice(0, 16)}`
    const last = groups[groups.length - 1]
    if (last && last.key === key) last.items.push(c)
    else groups.push({ key, first: c, items: [c] })
  }
  return groups
}

/** "3 events" in the reader's language; a type without a message reads as its name. */
function countOf(type: string, n: number): string {
  const key = `changes.type.${type}`
  return hasMessage(`${key}_other`) ? t(key, { count: n }) : `${n} ${type.replace(/_/g, ' ')}`
}

function actionOf(action: string, type: string): string {
  const what = hasMessage(`changes.entity.${type}`) ? t(`changes.entity.${type}`) : type.replace(/_/g, ' ')
  return hasMessage(`changes.action.${action}`) ? t(`changes.action.${action}`, { what }) : `${action} ${what}`
}

/** The order types are counted in: from the projects down to the reference data. */
const typeOrder = ['project', 'event', 'claim', 'source', 'locality', 'province', 'program']
const rank = (type: string) => (typeOrder.includes(type) ? typeOrder.indexOf(type) : typeOrder.length)

const factoryKinds = ['foodstuff_factory', 'garment_factory', 'daily_necessities_factory']

/** "Musan County regional-industry factories (2026)" / "무산군 지방공업공장 (2026년)"; a source by its title. */
export function subjectTitle(s: ChangeSubject): string {
  const place = s.locality ? (language() === 'ko' && s.locality.hangul ? s.locality.hangul : t('changes.placeWithType', { name: s.locality.name, type: localityTypeLabel(s.locality.type) })) : s.title
  if (s.type === 'project') {
    // The three regional-industry factories read as one; other facilities by name, lower-case mid-title.
    const factories = s.kinds.filter((k) => factoryKinds.includes(k)).length >= 2
    const parts = [...s.kinds.filter((k) => !factories || !factoryKinds.includes(k)).map((k) => kindLabel(k).toLowerCase()), ...(factories ? [t('changes.factories')] : [])]
    const what = parts.length === 0 ? t('changes.aProject') : new Intl.ListFormat(locale(), { type: 'conjunction' }).format(parts.slice(0, 3)) + (parts.length > 3 ? '…' : '')
    return s.year === null ? t('changes.projectTitlePilot', { place, what }) : t('changes.projectTitle', { place, what, year: s.year })
  }
  return s.type === 'locality' ? place : s.title
}

function SubjectLink({ subject }: { subject: ChangeSubject }) {
  return (
    <a href={subject.page} translate={subject.type === 'source' ? false : undefined}>
      {subjectTitle(subject)}
    </a>
  )
}

function What({ group, size }: { group: Group; size: BatchSize | undefined }) {
  const records = size?.records ?? group.items.length
  if (records === 1 && group.items.length === 1) {
    const c = group.first
    return (
      <span class="change-what">
        {actionOf(c.action, c.entity_type)} {c.subject ? <SubjectLink subject={c.subject} /> : <code>{c.entity_id}</code>}
      </span>
    )
  }
  const counts = (size ? Object.entries(size.by_type) : [...group.items.reduce((m, c) => m.set(c.entity_type, (m.get(c.entity_type) ?? 0) + 1), new Map<string, number>())]).sort((a, b) => rank(a[0]) - rank(b[0]))
  const subjects = [...new Map(group.items.filter((c) => c.subject).map((c) => [c.subject!.page, c.subject!])).values()]
  // The pages a write is about, when it is about a few; an import of hundreds names none.
  const few = subjects.length > 0 && subjects.length <= 3 && records <= 50
  return (
    <span class="change-what">
      {t('changes.records', { count: records })}: {counts.map(([type, n]) => countOf(type, n)).join(', ')}
      {few ? (
        <>
          {' '}
          (
          {subjects.map((s, i) => (
            <span key={s.page}>
              {i > 0 ? ', ' : ''}
              <SubjectLink subject={s} />
            </span>
          ))}
          )
        </>
      ) : null}
    </span>
  )
}

export function Changes({ groups: shown = 6 }: { groups?: number }) {
  const { data, error } = useApi<ChangeList>(apiPath('/api/changes', { limit: 100 }))
  if (error || !data) return null
  const groups = groupChanges(data.items)
  const sizes = new Map((data.batches ?? []).map((b) => [b.batch, b]))
  return (
    <section class="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('changes.title')}</h2>
      {groups.length === 0 ? (
        <p class="empty">{t('changes.none')}</p>
      ) : (
        <ol class="change-list">
          {groups.slice(0, shown).map((g) => (
            <li key={g.key}>
              <time dateTime={g.first.at}>{fmtTimestamp(g.first.at)}</time> <span class="change-who">· {g.first.actor}</span>{' '}
              {g.first.comment ? <q class="change-comment">{g.first.comment}</q> : null}
              <What group={g} size={g.first.batch ? sizes.get(g.first.batch) : undefined} />
            </li>
          ))}
        </ol>
      )}
      <p class="hint">{t('changes.total', { count: data.total })}</p>
    </section>
  )
}
