/**
 * @module One proposal beside the record: what the report says (type, place, date with its
 * precision, leader, facilities), how it matches ("new", "confirms", "conflicts", "new
 * project"), the record's event and the claims it confirms or conflicts with, each with its
 * source and quote; the buttons to accept, edit then accept, or reject; and, once decided, who
 * decided what.
 */
import type { ComponentChildren } from 'preact'
import type { MatchKind } from '../../model/match.ts'
import { precisionOf } from '../../model/partialDate.ts'
import { eventLabel, fieldLabel, fmtDate, fmtTimestamp, fmtValue, kindLabel } from '../format.ts'
import type { ProposalDetail, ProposalView } from './reviewApi.ts'
import type { Places } from './usePlaces.ts'

export const kindLabels: Record<MatchKind, string> = { new: 'New', confirms: 'Confirms', conflicts: 'Conflicts', new_project: 'New project', duplicate: 'Already recorded' }

const kindHelp: Record<MatchKind, string> = {
  new: 'Not in the record yet: accepting adds this event, with this report as its source.',
  confirms: 'The record already says this: accepting adds this report as one more source.',
  conflicts: 'The record says otherwise: accepting adds this report’s value beside it as a competing claim; the preferred value stays.',
  new_project: 'The record has no project for this place and year: accepting creates it.',
  duplicate: 'This source is already in the record saying this: nothing to add.',
}

const precisionNote: Record<string, string> = { month: ' (day not known)', year: ' (month not known)' }

function dateText(date: string | null | undefined): string {
  return date ? `${fmtDate(date)}${precisionNote[precisionOf(date)] ?? ''}` : 'no date given'
}

interface RecordClaim {
  id: string
  field: string
  value: unknown
  rank: string
  quote?: string | null
  source_id: string
  source: { id: string; publisher: string; title: string } | null
}

function Claims({ claims, places, provinces }: { claims: RecordClaim[]; places: Places; provinces: (id: string) => string }) {
  if (claims.length === 0) return <p class="hint">No claims recorded on it yet.</p>
  const names = (v: string) => (v.includes('.') ? places.name(v) : provinces(v))
  // The preferred claim and one more show at once; the rest fold away (a well-reported event has many).
  const sorted = [...claims].sort((a, b) => (b.rank === 'preferred' ? 1 : 0) - (a.rank === 'preferred' ? 1 : 0))
  const item = (c: RecordClaim) => (
        <li class={`claim rank-${c.rank}`} key={c.id}>
          <div class="claim-head">
            <span class="claim-field">{fieldLabel(c.field)}: </span>
            <strong class="claim-value">{fmtValue(c.field, c.value, names)}</strong> —{' '}
            {c.source ? <a href={`/sources/${encodeURIComponent(c.source.id)}`}>{c.source.publisher}</a> : <code>{c.source_id}</code>}
            {c.rank === 'preferred' ? <span class="rank-badge preferred">✓ preferred</span> : null}
          </div>
          {c.quote ? <blockquote class="quote">{c.quote}</blockquote> : null}
        </li>
  )
  return (
    <>
      <ul class="claims record-claims">{sorted.slice(0, 2).map(item)}</ul>
      {sorted.length > 2 ? (
        <details class="more-claims">
          <summary>{sorted.length - 2} more claim{sorted.length === 3 ? '' : 's'}</summary>
          <ul class="claims record-claims">{sorted.slice(2).map(item)}</ul>
        </details>
      ) : null}
    </>
  )
}

function Record({ p, detail, places, provinces }: { p: ProposalView; detail: ProposalDetail | undefined; places: Places; provinces: (id: string) => string }) {
  const m = p.match
  const project = detail?.record.project as { id: string; year: number | null } | null | undefined
  const event = detail?.record.event as { id: string; type: string; date: string; leader_present?: boolean | null } | null | undefined
  const projectLink = m.project_id ? <a href={`/projects/${encodeURIComponent(m.project_id)}`}>{`${places.name(m.locality_id)} ${project?.year ?? m.year ?? ''}`.trim()}</a> : null
  const names = (v: string) => (v.includes('.') ? places.name(v) : provinces(v))
  return (
    <div class="record-now">
      <h4>In the record now</h4>
      {m.kind === 'new_project' ? (
        <p>
          No {m.year ?? ''} project in {places.name(m.locality_id ?? p.event.locality)} yet.
        </p>
      ) : !p.event.locality ? (
        <p>Nothing can be matched until the place is known.</p>
      ) : m.kind === 'new' ? (
        <p>
          {projectLink ?? 'The project'} has no {eventLabel(p.event.type).toLowerCase()} recorded yet.
        </p>
      ) : event ? (
        <p>
          {projectLink}: {eventLabel(event.type).toLowerCase()}, <strong>{dateText(event.date)}</strong>
          {event.leader_present ? ', Kim Jong Un present' : ''}.
        </p>
      ) : (
        <p>{projectLink}</p>
      )}
      {m.differs.filter((d) => d.field !== 'kinds' || m.kind === 'conflicts').length > 0 ? (
        <table class="differs">
          <thead>
            <tr>
              <th scope="col">Where they differ</th>
              <th scope="col">The record</th>
              <th scope="col">This report</th>
            </tr>
          </thead>
          <tbody>
            {m.differs.map((d) => (
              <tr key={d.field} data-field={d.field}>
                <th scope="row">{fieldLabel(d.field)}</th>
                <td>{d.field === 'date' ? dateText(d.record as string) : fmtValue(d.field, d.record, names)}</td>
                <td>{d.field === 'date' ? dateText(d.proposed as string) : fmtValue(d.field, d.proposed, names)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {event && detail ? <Claims claims={detail.record.claims as unknown as RecordClaim[]} places={places} provinces={provinces} /> : null}
    </div>
  )
}

function Decided({ p }: { p: ProposalView }) {
  const when = p.decided_at ? `, ${fmtTimestamp(p.decided_at)}` : ''
  if (p.state === 'accepted') {
    const project = p.match.project_id ?? (p.accepted as { records?: string[] } | null)?.records?.find((r) => r.startsWith('project:'))?.slice(8)
    return (
      <p class="decided accepted" data-testid="decided">
        ✓ Accepted by {p.decided_by}
        {when}
        {project ? (
          <>
            {' '}
            · <a href={`/projects/${encodeURIComponent(project)}`}>see the project</a>
          </>
        ) : null}
      </p>
    )
  }
  return (
    <p class="decided rejected" data-testid="decided">
      ✕ Rejected by {p.decided_by}
      {when}
      {p.reason ? <>: {p.reason}</> : null}
    </p>
  )
}

export function ProposalCard({
  p,
  detail,
  selected,
  places,
  provinces,
  busy,
  onSelect,
  onShowEvidence,
  onAccept,
  onEdit,
  onReject,
  children,
}: {
  p: ProposalView
  detail: ProposalDetail | undefined
  selected: boolean
  places: Places
  provinces: (id: string) => string
  busy: boolean
  onSelect: () => void
  onShowEvidence: () => void
  onAccept: () => void
  onEdit: () => void
  onReject: () => void
  /** The open form (edit or reject) of the selected proposal. */
  children?: ComponentChildren
}) {
  const e = p.event
  const kind = p.match.kind
  const ambiguous = !e.locality
  const pending = p.state === 'pending'
  const needsEdit = ambiguous || !e.date || (kind === 'new_project' && e.kinds.length === 0)
  const titleId = `proposal-${p.id}-title`
  return (
    <li
      class={`proposal kind-${kind} state-${p.state}${selected ? ' selected' : ''}`}
      data-testid="proposal"
      data-proposal={p.id}
      data-kind={kind}
      data-state={p.state}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      tabIndex={-1}
      onClick={(ev) => {
        if (!(ev.target as Element).closest('button, a, input, select, textarea, label')) onSelect()
      }}
    >
      <h3 id={titleId} class="proposal-head">
        <span class={`kind-badge kind-${kind}`} data-testid="kind">
          {kindLabels[kind]}
        </span>{' '}
        <span class="proposal-what">
          {eventLabel(e.type)} · {ambiguous ? 'place not clear' : places.name(e.locality)} · {dateText(e.date)}
        </span>
      </h3>
      <p class="kind-help">{ambiguous ? 'The report does not say clearly which place it means: edit it to pick the place, then accept.' : kindHelp[kind]}</p>
      <div class="proposal-body">
        <div class="proposed">
          <h4>This report says</h4>
          <dl class="proposed-fields">
            <div>
              <dt>What</dt>
              <dd>{eventLabel(e.type)}</dd>
            </div>
            <div>
              <dt>Where</dt>
              <dd>
                {ambiguous ? (e.candidates.length ? `could be ${e.candidates.map((c) => places.full(c)).join(' or ')}` : 'a place not in the gazetteer') : places.full(e.locality)}
                {e.province_conflict || (e.province && !ambiguous && p.match.differs.some((d) => d.field === 'province')) ? <span class="warn"> (the report names {provinces(e.province ?? '')})</span> : null}
              </dd>
            </div>
            <div>
              <dt>When</dt>
              <dd>{dateText(e.date)}</dd>
            </div>
            {e.leader_present ? (
              <div>
                <dt>Leader</dt>
                <dd>Kim Jong Un present</dd>
              </div>
            ) : null}
            {e.kinds.length ? (
              <div>
                <dt>Facilities</dt>
                <dd>{e.kinds.map(kindLabel).join(', ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>Confidence</dt>
              <dd>{Math.round(e.confidence * 100)}%</dd>
            </div>
          </dl>
          <blockquote class="quote evidence-quote">{e.evidence}</blockquote>
          <button type="button" class="link-button show-evidence" onClick={onShowEvidence}>
            Show in the article
          </button>
        </div>
        {pending ? <Record p={p} detail={detail} places={places} provinces={provinces} /> : null}
      </div>
      {pending ? (
        <div class="proposal-actions" role="group" aria-label="Decide">
          <button type="button" class="primary" disabled={busy || needsEdit} onClick={onAccept} title={needsEdit ? 'Edit it first: the place, date or facilities are missing' : undefined}>
            Accept
          </button>
          <button type="button" disabled={busy} onClick={onEdit}>
            Edit, then accept
          </button>
          <button type="button" class="danger" disabled={busy} onClick={onReject}>
            Reject
          </button>
        </div>
      ) : (
        <Decided p={p} />
      )}
      {children}
    </li>
  )
}
