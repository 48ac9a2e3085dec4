/**
 * @module The latest recorded changes to the data (GET /api/changes), grouped by write: one line
 * per batch saying who changed what and why. Hidden when the server has no such feed.
 */
import { apiPath } from '../api.ts'
import { fmtTimestamp } from '../format.ts'
import { hasMessage, t } from '../i18n/i18n.ts'
import type { Change, List } from '../types.ts'
import { useApi } from '../useApi.ts'

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
  first: Change
  items: Change[]
}

/** Consecutive changes of one write (same batch, or same actor, comment and time) as one group. */
export function groupChanges(items: Change[]): Group[] {
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

function What({ group, more }: { group: Group; more: boolean }) {
  if (group.items.length === 1) {
    const c = group.first
    const href = entityHref(c.entity_type, c.entity_id)
    return (
      <span class="change-what">
        {actionOf(c.action, c.entity_type)} {href ? <a href={href}>{c.entity_id}</a> : <code>{c.entity_id}</code>}
      </span>
    )
  }
  if (more) return <span class="change-what">{t('changes.large', { count: group.items.length })}</span>
  const counts = new Map<string, number>()
  for (const c of group.items) counts.set(c.entity_type, (counts.get(c.entity_type) ?? 0) + 1)
  const projects = [...new Set(group.items.filter((c) => c.entity_type === 'project' || c.entity_type === 'event').map((c) => c.entity_id.split('~')[0]!))]
  return (
    <span class="change-what">
      {t('changes.records', { count: group.items.length })}: {[...counts].map(([type, n]) => countOf(type, n)).join(', ')}
      {projects.length > 0 && projects.length <= 3 ? (
        <>
          {' '}
          (
          {projects.map((id, i) => (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              <a href={`/projects/${encodeURIComponent(id)}`}>{id.split('.').slice(1).join(' ')}</a>
            </span>
          ))}
          )
        </>
      ) : null}
    </span>
  )
}

export function Changes({ groups: shown = 6 }: { groups?: number }) {
  const { data, error } = useApi<List<Change>>(apiPath('/api/changes', { limit: 100 }))
  if (error || !data) return null
  const groups = groupChanges(data.items)
  const lastIsPartial = data.total > data.items.length
  return (
    <section class="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('changes.title')}</h2>
      {groups.length === 0 ? (
        <p class="empty">{t('changes.none')}</p>
      ) : (
        <ol class="change-list">
          {groups.slice(0, shown).map((g, i) => (
            <li key={g.key}>
              <time dateTime={g.first.at}>{fmtTimestamp(g.first.at)}</time> <span class="change-who">· {g.first.actor}</span>{' '}
              {g.first.comment ? <q class="change-comment">{g.first.comment}</q> : null}
              <What group={g} more={lastIsPartial && i === groups.length - 1} />
            </li>
          ))}
        </ol>
      )}
      <p class="hint">{t('changes.total', { count: data.total })}</p>
    </section>
  )
}
