/**
 * @module A project (/projects/<id>): what is built where, its status and key dates, its events
 * on a timeline, every claim with source and quote, conflicting reports side by side with the
 * preferred one marked, and the revision history. Editors also get the editing controls
 * (loaded on demand).
 */
import { ClaimItem } from '../components/ClaimItem.tsx'
import { ProjectFacts } from '../components/ProjectFacts.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { Place } from '../components/Place.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { eventLabel, fieldLabel, fmtDate, fmtValue, localityTypeLabel, num, placeName } from '../format.ts'
import { eventTitle, labelText } from '../eventTitle.ts'
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { comparePartialDates, precisionOf } from '../../model/partialDate.ts'
import { EmbedButton } from '../embed/EmbedButton.tsx'
import { DeletedRecord, EventTools, History, PreferClaim, ProjectTools } from '../editing.ts'
import { canEdit, useSession } from '../session.ts'
import type { Claim, Conflict, ProjectFull } from '../types.ts'
import { useApi } from '../useApi.ts'
import { provinceName, useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

const precisionNote: Record<string, () => string> = { month: () => t('project.dayUnknown'), year: () => t('project.monthUnknown') }

function Conflicts({ project, names, editor }: { project: ProjectFull; names: (id: string) => string; editor: boolean }) {
  const byId = new Map<string, Claim>()
  for (const c of project.claims) byId.set(c.id, c)
  for (const e of project.events) for (const c of e.claims) byId.set(c.id, c)
  const subject = (c: Conflict) => {
    if (c.subject_type === 'event') {
      const e = project.events.find((x) => x.id === c.subject_id)
      return e ? eventTitle(e) : c.subject_id
    }
    return t('project.theProject')
  }
  return (
    <section class="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('project.conflicts')}</h2>
      <p class="section-note">{t('project.conflictsNote')}</p>
      {project.conflict_list.map((c) => (
        <div class="conflict" key={`${c.subject_id}:${c.field}`}>
          <h3>
            {subject(c)}: {fieldLabel(c.field).toLowerCase()}
            {c.settled ? null : <span class="unsettled"> — {t('project.unsettled')}</span>}
          </h3>
          <div class="conflict-values">
            {c.values.map((v) => (
              <div class={`conflict-value${v.preferred ? ' preferred' : ''}`} key={JSON.stringify(v.value)}>
                <p class="conflict-head">
                  <strong>{fmtValue(c.field, v.value, names)}</strong>
                  {v.preferred ? <span class="rank-badge preferred">{t('common.preferred')}</span> : null}
                </p>
                <ul class="claims">
                  {v.claims.map((id) => {
                    const claim = byId.get(id)
                    return claim ? <ClaimItem claim={claim} names={names} showValue={false} key={id} tools={editor && claim.rank !== 'preferred' ? <PreferClaim claim={claim} names={names} /> : null} /> : null
                  })}
                </ul>
              </div>
            ))}
          </div>
        </div>
      ))}
    </section>
  )
}

export default function ProjectPage({ id }: { id: string }) {
  const { data: p, error } = useApi<ProjectFull>(`/api/projects/${encodeURIComponent(id)}`)
  const { names: provinceNames } = useProvinces()
  const { user } = useSession()
  const editor = canEdit(user)
  useTitle(p ? `${placeName(p.locality.name, p.locality.hangul)} ${p.year ?? t('common.pilot')}` : t('common.project'))
  if (error) {
    const notice = <ErrorNotice error={error} what="what.project" />
    return error.status === 404 && editor ? <DeletedRecord entity="projects" id={id} what="project" fallback={notice} /> : notice
  }
  if (!p) return <Loading what="what.project" />
  const names = (v: string) => provinceNames[v] ?? v
  const events = [...p.events].sort((a, b) => comparePartialDates(a.date, b.date))
  const yearLabel = p.year === null ? t('common.pilot') : String(p.year)

  return (
    <article class="page project">
      <nav class="crumbs" aria-label={t('common.breadcrumb')}>
        <a href="/projects">{t('nav.projects')}</a> › <a href={p.year === null ? '/projects?year=pilot' : `/projects?year=${p.year}`}>{yearLabel}</a> › <span>{placeName(p.locality.name, p.locality.hangul)}</span>
      </nav>
      <header class="page-head">
        <h1>
          <Place name={p.locality.name} hangul={p.locality.hangul} /> <span class="h1-year">{yearLabel}</span>
          {p.label ? (
            <span class="h1-label" translate={false}>
              {' '}
              ({p.label})
            </span>
          ) : null}
        </h1>
        <p class="subtitle">
          <Trans k="locality.typeIn" values={{ type: localityTypeLabel(p.locality.type) }} parts={[() => <a href={`/provinces/${p.locality.province_id}`}>{provinceName(p.locality.province, p.locality.province_id)}</a>]} /> · MR {p.locality.mr || '—'} · RR{' '}
          {p.locality.rr || '—'} · <a href={`/localities/${encodeURIComponent(p.locality.id)}`}>{t('project.allIn', { name: placeName(p.locality.name, p.locality.hangul) })}</a>
        </p>
        <p class="status-line">
          <StatusBadge status={p.status} />{' '}
          {p.status_basis === 'claim' ? <span class="hint">{t('project.statusByClaim')}</span> : null}{' '}
          {p.counted ? (
            <span class="counted yes">{t('project.counts', { year: yearLabel })}</span>
          ) : (
            <span class="counted no">{p.counted_reason ? t('project.notCountedWhy', { reason: p.counted_reason }) : t('project.notCounted')}</span>
          )}
        </p>
        {editor ? <ProjectTools project={p} /> : null}
      </header>

      <ProjectFacts project={p} />
      {/* Notes are written in English in the data. */}
      {p.notes ? (
        <p class="notes" data-testid="project-notes" lang="en">
          {p.notes}
        </p>
      ) : null}

      {p.conflict_list.length > 0 ? <Conflicts project={p} names={names} editor={editor} /> : null}

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('project.events')}</h2>
        {events.length === 0 ? (
          <p class="empty">{t('project.noEvents')}</p>
        ) : (
          <ol class="event-line">
            {events.map((e) => {
              const precision = precisionOf(e.date)
              return (
                <li class={`event ev-${e.type} prec-${precision}`} key={e.id}>
                  <div class="event-date">
                    <time dateTime={e.date}>{fmtDate(e.date)}</time>
                    {precisionNote[precision] ? <span class="precision">{precisionNote[precision]()}</span> : null}
                  </div>
                  <div class="event-body">
                    <h3>
                      {eventLabel(e.type)}
                      {e.label ? (
                        <span class="event-label" translate={false}>
                          {' '}
                          ({labelText(e.label)})
                        </span>
                      ) : null}
                      {e.leader_present || e.type === 'leader_visit' ? <span class="leader-badge">{t('project.leader')}</span> : null}
                    </h3>
                    {e.notes ? <p>{e.notes}</p> : null}
                    {editor ? <EventTools project={p} event={e} /> : null}
                    {e.claims.length > 0 ? (
                      <details class="event-claims">
                        <summary>{t('project.claimsFrom', { claims: t('project.claims', { count: e.claims.length }), sources: t('project.sources', { count: new Set(e.claims.map((c) => c.source_id)).size }) })}</summary>
                        <ul class="claims">
                          {e.claims.map((c) => (
                            <ClaimItem claim={c} names={names} showField key={c.id} tools={editor && c.rank !== 'preferred' ? <PreferClaim claim={c} names={names} /> : null} />
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </div>
                </li>
              )
            })}
          </ol>
        )}
      </section>

      {p.claims.length > 0 ? (
        <section aria-labelledby="claims-title">
          <h2 id="claims-title">{t('project.claimsTitle')}</h2>
          <ul class="claims">
            {p.claims.map((c) => (
              <ClaimItem claim={c} names={names} showField key={c.id} tools={editor && c.rank !== 'preferred' ? <PreferClaim claim={c} names={names} /> : null} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t('nav.sources')}</h2>
        <ul class="source-list">
          {p.source_list.map((s) => (
            <li key={s.id}>
              <a href={`/sources/${encodeURIComponent(s.id)}`}>{s.title}</a> — {s.publisher}, {fmtDate(s.published)}
            </li>
          ))}
        </ul>
      </section>
      <EmbedButton embeds={[{ name: 'project', id: p.id, title: t('embed.whatProject', { name: `${placeName(p.locality.name, p.locality.hangul)} ${yearLabel}` }) }]} />
      <History entity="projects" id={p.id} project={p} names={names} />
      <p class="hint">
        {t('project.data')} <a href={`/api/projects/${encodeURIComponent(p.id)}`}>{t('project.json')}</a> · {t('project.version', { version: p.version })}
      </p>
    </article>
  )
}
