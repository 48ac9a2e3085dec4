/**
 * @module The revision history of a project (with its events and claims) or a source: each
 * change with who, when and why, the field-by-field diff (before → after), grouped by the write
 * it belonged to. Editors get Revert where it means something: on the latest revision of a record
 * (the API refuses older ones with 409), not on the initial load, nor on a revision already
 * reverted or superseded. A record no longer on the page (a claim or event deleted by a revert)
 * is described from the revision itself, so earlier entries keep their descriptions.
 */
import { useState } from 'preact/hooks'
import { eventLabel, fieldLabel, fmtTimestamp, fmtValue } from '../format.ts'
import { hasMessage, t } from '../i18n/i18n.ts'
import { canEdit, useSession } from '../session.ts'
import type { Claim, List, ProjectFull, Revision } from '../types.ts'
import { useApi } from '../useApi.ts'
import { RevertForm } from './LifecycleForms.tsx'
import { Tools } from './Tools.tsx'
import { fieldName, valueText } from './values.ts'

interface Group {
  key: string
  first: Revision
  items: Revision[]
}

function groups(items: Revision[]): Group[] {
  const out: Group[] = []
  for (const r of items) {
    const last = out[out.length - 1]
    if (last && r.batch && last.first.batch === r.batch) last.items.push(r)
    else out.push({ key: r.batch ?? `r${r.id}`, first: r, items: [r] })
  }
  return out
}

const verb = (action: string) => (hasMessage(`history.verb.${action}`) ? t(`history.verb.${action}`) : action)

/** The record a revision wrote (or, for a deletion, the one it removed), as /api/revisions/{id} gives it. */
type Written = Record<string, unknown> | null | undefined

/** The revisions an editor may meaningfully revert: the latest of each record, not the initial load, not reference data. */
export function revertable(items: Revision[]): Set<number> {
  const out = new Set<number>()
  const seen = new Set<string>()
  for (const r of items) {
    const key = `${r.entity_type}\u0000${r.entity_id}`
    if (seen.has(key)) continue
    seen.add(key)
    if (r.actor === 'system') continue
    if ((r.entity_type === 'program' || r.entity_type === 'province') && (r.action === 'create' || r.action === 'restore')) continue
    out.add(r.id)
  }
  return out
}

function describer(project: ProjectFull | undefined, names?: (id: string) => string) {
  const claims = new Map<string, Claim>()
  for (const c of project?.claims ?? []) claims.set(c.id, c)
  for (const e of project?.events ?? []) for (const c of e.claims) claims.set(c.id, c)
  const eventName = (type: string, label: unknown) => `${eventLabel(type)}${typeof label === 'string' && label ? ` (${label})` : ''}`
  return (r: Revision, written?: Written): string => {
    if (r.entity_type === 'project') return project && r.entity_id !== project.id ? t('history.projectId', { id: r.entity_id }) : t('history.theProject')
    if (r.entity_type === 'source') return t('history.theSource')
    if (r.entity_type === 'event') {
      const e = project?.events.find((x) => x.id === r.entity_id)
      if (e) return t('history.theEvent', { event: eventName(e.type, e.label) })
      if (written && typeof written.type === 'string') return t('history.theEvent', { event: eventName(written.type, written.label) })
      const [, type, label] = r.entity_id.split('~')
      return type ? t('history.theEvent', { event: `${eventLabel(type)}${label ? ` (${label.replace(/-/g, ' ')})` : ''}` }) : t('history.eventId', { id: r.entity_id })
    }
    if (r.entity_type === 'claim') {
      const live = claims.get(r.entity_id)
      const c: Pick<Claim, 'field' | 'value' | 'subject_type' | 'subject_id'> & { source?: { publisher: string } | null } | undefined =
        live ?? (written && typeof written.field === 'string' ? { field: written.field as Claim['field'], value: written.value as Claim['value'], subject_type: written.subject_type as Claim['subject_type'], subject_id: String(written.subject_id ?? ''), source: typeof written.source_id === 'string' ? { publisher: String(written.source_publisher ?? written.source_id) } : null } : undefined)
      if (!c) return t('history.aClaim')
      // The event a claim is about, or (deleted since) its type from its id "project~type~label".
      const about = c.subject_type === 'event' ? (project?.events.find((e) => e.id === c.subject_id) ?? (c.subject_id.split('~')[1] ? { type: c.subject_id.split('~')[1]! } : null)) : null
      const claim = `${fieldLabel(c.field)}: ${fmtValue(c.field, c.value, names)}`
      const key = about && c.source ? 'history.claimOnFrom' : about ? 'history.claimOn' : c.source ? 'history.claimFrom' : 'history.claim'
      return t(key, { claim, event: about ? eventLabel(about.type) : '', source: c.source?.publisher ?? '' })
    }
    return `${r.entity_type} ${r.entity_id}`
  }
}

/** Whether the page can name a revision's record itself, or needs the revision's record to do it. */
function known(project: ProjectFull | undefined, r: Revision): boolean {
  if (r.entity_type === 'event') return !!project?.events.some((e) => e.id === r.entity_id)
  if (r.entity_type === 'claim') return !!(project?.claims.some((c) => c.id === r.entity_id) || project?.events.some((e) => e.claims.some((c) => c.id === r.entity_id)))
  return true
}

function RevisionItem({ r, describe, editor, canRevert, project }: { r: Revision; describe: (r: Revision, written?: Written) => string; editor: boolean; canRevert: boolean; project: ProjectFull | undefined }) {
  // A record the page no longer shows (deleted, e.g. by a revert): read what the revision wrote.
  const detail = useApi<{ before: Written; after: Written }>(known(project, r) ? null : `/api/revisions/${r.id}`)
  const record = detail.data ? (detail.data.after ?? detail.data.before) : undefined
  // …and, for a claim, the publisher of its source (the source itself stays: a cited source is never deleted).
  const sourceId = r.entity_type === 'claim' && record && typeof record.source_id === 'string' ? record.source_id : null
  const source = useApi<{ publisher: string }>(sourceId ? `/api/sources/${encodeURIComponent(sourceId)}` : null)
  const written = record && sourceId ? { ...record, source_publisher: source.data?.publisher ?? sourceId } : record
  return (
    <li class={`rev rev-${r.action}`} data-revision={r.id}>
      <p class="rev-what">
        <span class="rev-action">{verb(r.action)}</span> {describe(r, written)} <span class="hint">· {t('history.revision', { id: r.id })}</span>
        {r.reverts ? <span class="hint"> · {t('history.reverts', { id: r.reverts })}</span> : null}
      </p>
      {r.changes.length > 0 ? (
        <ul class="diff" aria-label={t('history.changesIn', { id: r.id })}>
          {r.changes.map((c) => (
            <li key={c.field} data-field={c.field}>
              <span class="diff-field">{fieldName(c.field)}:</span>{' '}
              <del>
                <span class="visually-hidden">{t('history.before')}</span>
                {valueText(c.field, c.before)}
              </del>{' '}
              <span aria-hidden="true">→</span>{' '}
              <ins>
                <span class="visually-hidden">{t('history.after')}</span>
                {valueText(c.field, c.after)}
              </ins>
            </li>
          ))}
        </ul>
      ) : null}
      {editor && canRevert ? <Tools compact label={t('history.revisionTools', { id: r.id })} items={[{ key: 'revert', label: t('history.revert'), render: (close) => <RevertForm revision={r.id} onDone={close} /> }]} /> : null}
    </li>
  )
}

export default function History({ entity, id, project, names }: { entity: 'projects' | 'sources'; id: string; project?: ProjectFull; names?: (id: string) => string }) {
  const { data, error } = useApi<List<Revision>>(`/api/${entity}/${encodeURIComponent(id)}/history`)
  const { user } = useSession()
  const [shown, setShown] = useState(8)
  const editor = canEdit(user)
  const describe = describer(project, names)
  const all = data ? groups(data.items) : []
  const canRevert = revertable(data?.items ?? [])
  return (
    <section class="history" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t('history.title')}</h2>
      <p class="section-note">{t(`history.note.${entity}${editor ? '.editor' : ''}`)}</p>
      {error ? <p class="error">{t('history.failed', { message: error.message })}</p> : null}
      {!data && !error ? <p class="loading">{t('history.loading')}</p> : null}
      {data && all.length === 0 ? <p class="empty">{t('history.none')}</p> : null}
      {all.length > 0 ? (
        <ol class="revisions">
          {all.slice(0, shown).map((g) => (
            <li key={g.key} class="rev-group">
              <p class="rev-head">
                <time dateTime={g.first.at}>{fmtTimestamp(g.first.at)}</time> · <strong class="rev-actor">{g.first.actor}</strong>
                {g.first.comment ? (
                  <>
                    {' '}
                    · <q class="rev-comment">{g.first.comment}</q>
                  </>
                ) : null}
                {g.first.source_id ? (
                  <>
                    {' '}
                    · {t('history.source')} <a href={`/sources/${encodeURIComponent(g.first.source_id)}`}>{g.first.source_id}</a>
                  </>
                ) : null}
              </p>
              <ul class="rev-items">
                {g.items.slice(0, 4).map((r) => (
                  <RevisionItem r={r} describe={describe} editor={editor} canRevert={canRevert.has(r.id)} project={project} key={r.id} />
                ))}
              </ul>
              {g.items.length > 4 ? (
                <details class="rev-more">
                  <summary>{t('history.more', { count: g.items.length - 4 })}</summary>
                  <ul class="rev-items">
                    {g.items.slice(4).map((r) => (
                      <RevisionItem r={r} describe={describe} editor={editor} canRevert={canRevert.has(r.id)} project={project} key={r.id} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {all.length > shown ? (
        <p>
          <button type="button" class="tool" onClick={() => setShown(shown + 20)}>
            {t('history.older', { count: all.length - shown })}
          </button>
        </p>
      ) : null}
    </section>
  )
}
