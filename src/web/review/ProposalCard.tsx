/**
 * @module One proposal beside the record: what the report says (type, place, date with its
 * precision, leader, facilities), how it matches ("new", "confirms", "conflicts", "new
 * project"), the record's event and the claims it confirms or conflicts with, each with its
 * source and quote; the buttons to accept, edit then accept, or reject; and, once decided, who
 * decided what.
 */
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import type { ComponentChildren } from 'preact'
import type { MatchKind } from '../../model/match.ts'
import { precisionOf } from '../../model/partialDate.ts'
import { eventLabel, fieldLabel, fmtDate, fmtTimestamp, fmtValue, kindLabel, pct } from '../format.ts'
import type { ProposalDetail, ProposalView } from './reviewApi.ts'
import type { Places } from './usePlaces.ts'

/** The match kinds' names ("New", "Confirms"…), in the reader's language. */
export const matchLabel = (kind: MatchKind): string => t(`review.kind.${kind}`)

const kindHelp = (kind: MatchKind): string => t(`review.kindHelp.${kind}`)

function dateText(date: string | null | undefined): string {
  if (!date) return t('review.noDate')
  const precision = precisionOf(date)
  return precision === 'day' ? fmtDate(date) : t(precision === 'month' ? 'review.dateNoDay' : 'review.dateNoMonth', { date: fmtDate(date) })
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
  if (claims.length === 0) return <p class="hint">{t('review.noClaims')}</p>
  const names = (v: string) => (v.includes('.') ? places.name(v) : provinces(v))
  // The preferred claim and one more show at once; the rest fold away (a well-reported event has many).
  const sorted = [...claims].sort((a, b) => (b.rank === 'preferred' ? 1 : 0) - (a.rank === 'preferred' ? 1 : 0))
  const item = (c: RecordClaim) => (
        <li class={`claim rank-${c.rank}`} key={c.id}>
          <div class="claim-head">
            <span class="claim-field">{fieldLabel(c.field)}: </span>
            <strong class="claim-value">{fmtValue(c.field, c.value, names)}</strong> —{' '}
            {c.source ? <a href={`/sources/${encodeURIComponent(c.source.id)}`}>{c.source.publisher}</a> : <code>{c.source_id}</code>}
            {c.rank === 'preferred' ? <span class="rank-badge preferred">{t('common.preferred')}</span> : null}
          </div>
          {c.quote ? <blockquote class="quote">{c.quote}</blockquote> : null}
        </li>
  )
  return (
    <>
      <ul class="claims record-claims">{sorted.slice(0, 2).map(item)}</ul>
      {sorted.length > 2 ? (
        <details class="more-claims">
          <summary>{t('review.moreClaims', { count: sorted.length - 2 })}</summary>
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
      <h4>{t('review.inRecord')}</h4>
      {m.kind === 'new_project' ? (
        <p>{t(m.year ? 'review.noProjectYear' : 'review.noProject', { year: m.year ?? '', place: places.name(m.locality_id ?? p.event.locality) })}</p>
      ) : !p.event.locality ? (
        <p>{t('review.noPlace')}</p>
      ) : m.kind === 'new' ? (
        <p>
          <Trans k="review.noEvent" values={{ event: eventLabel(p.event.type).toLowerCase() }} parts={[(text) => projectLink ?? text]} />
        </p>
      ) : event ? (
        <p>
          <Trans
            k={event.leader_present ? 'review.recordEventLeader' : 'review.recordEvent'}
            values={{ event: eventLabel(event.type).toLowerCase(), date: dateText(event.date) }}
            parts={[() => projectLink, (text) => <strong>{text}</strong>]}
          />
        </p>
      ) : (
        <p>{projectLink}</p>
      )}
      {m.differs.filter((d) => d.field !== 'kinds' || m.kind === 'conflicts').length > 0 ? (
        <table class="differs">
          <thead>
            <tr>
              <th scope="col">{t('review.differs')}</th>
              <th scope="col">{t('review.theRecord')}</th>
              <th scope="col">{t('review.thisReport')}</th>
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
        ✓ {t('review.acceptedBy', { who: p.decided_by })}
        {when}
        {project ? (
          <>
            {' '}
            · <a href={`/projects/${encodeURIComponent(project)}`}>{t('review.seeProject')}</a>
          </>
        ) : null}
      </p>
    )
  }
  return (
    <p class="decided rejected" data-testid="decided">
      ✕ {t('review.rejectedBy', { who: p.decided_by })}
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
          {matchLabel(kind)}
        </span>{' '}
        <span class="proposal-what">
          {eventLabel(e.type)} · {ambiguous ? t('review.placeUnclear') : places.name(e.locality)} · {dateText(e.date)}
        </span>
      </h3>
      <p class="kind-help">{ambiguous ? t('review.ambiguousHelp') : kindHelp(kind)}</p>
      <div class="proposal-body">
        <div class="proposed">
          <h4>{t('review.reportSays')}</h4>
          <dl class="proposed-fields">
            <div>
              <dt>{t('review.what')}</dt>
              <dd>{eventLabel(e.type)}</dd>
            </div>
            <div>
              <dt>{t('review.where')}</dt>
              <dd>
                {ambiguous ? (e.candidates.length ? t('review.couldBe', { places: e.candidates.map((c) => places.full(c)).join(t('search.or')) }) : t('review.notInGazetteer')) : places.full(e.locality)}
                {e.province_conflict || (e.province && !ambiguous && p.match.differs.some((d) => d.field === 'province')) ? <span class="warn"> {t('review.reportNames', { province: provinces(e.province ?? '') })}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t('review.when')}</dt>
              <dd>{dateText(e.date)}</dd>
            </div>
            {e.leader_present ? (
              <div>
                <dt>{t('review.leader')}</dt>
                <dd>{t('history.field.leader_present')}</dd>
              </div>
            ) : null}
            {e.kinds.length ? (
              <div>
                <dt>{t('table.facilities')}</dt>
                <dd>{e.kinds.map(kindLabel).join(', ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('review.confidence')}</dt>
              <dd>{pct(e.confidence)}</dd>
            </div>
          </dl>
          <blockquote class="quote evidence-quote">{e.evidence}</blockquote>
          <button type="button" class="link-button show-evidence" onClick={onShowEvidence}>
            {t('review.showInArticle')}
          </button>
        </div>
        {pending ? <Record p={p} detail={detail} places={places} provinces={provinces} /> : null}
      </div>
      {pending ? (
        <div class="proposal-actions" role="group" aria-label={t('review.decide')}>
          <button type="button" class="primary" disabled={busy || needsEdit} onClick={onAccept} title={needsEdit ? t('review.editFirst') : undefined}>
            {t('review.accept')}
          </button>
          <button type="button" disabled={busy} onClick={onEdit}>
            {t('review.editAccept')}
          </button>
          <button type="button" class="danger" disabled={busy} onClick={onReject}>
            {t('review.reject')}
          </button>
        </div>
      ) : (
        <Decided p={p} />
      )}
      {children}
    </li>
  )
}
