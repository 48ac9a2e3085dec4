/**
 * @module /embed/project/<id>: one project as a card — place and year, status, whether it counts,
 * what it builds, its key dates and its events in order — with the credit line linking to the
 * project page (where every claim and source is).
 */
import { ProjectFacts } from '../components/ProjectFacts.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { Place } from '../components/Place.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { eventLabel, fmtDate, num, placeName } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { comparePartialDates } from '../../model/partialDate.ts'
import type { ProjectFull } from '../types.ts'
import { useApi } from '../useApi.ts'
import { provinceName } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'
import { Credit } from './Credit.tsx'
import { fullPageOf } from './embeds.ts'

export function EmbedProject({ id }: { id: string }) {
  const { data: p, error } = useApi<ProjectFull>(`/api/projects/${encodeURIComponent(id)}`)
  const yearLabel = p ? (p.year === null ? t('common.pilot') : String(p.year)) : ''
  useTitle(p ? `${placeName(p.locality.name, p.locality.hangul)} ${yearLabel}` : t('common.project'))
  const events = p ? [...p.events].sort((a, b) => comparePartialDates(a.date, b.date)) : []
  return (
    <>
      {error ? <ErrorNotice error={error} what="what.project" /> : null}
      {!p && !error ? <Loading what="what.project" /> : null}
      {p ? (
        <article class="embed-figure" data-testid="embed-data">
          <h1 class="embed-title">
            <Place name={p.locality.name} hangul={p.locality.hangul} /> <span class="h1-year">{yearLabel}</span>
            {p.label ? <span translate={false}> ({p.label})</span> : null}
          </h1>
          <p class="status-line">
            {provinceName(p.locality.province, p.locality.province_id)} · <StatusBadge status={p.status} />{' '}
            {p.counted ? <span class="counted yes">{t('project.counts', { year: yearLabel })}</span> : <span class="counted no">{p.counted_reason ? t('project.notCountedWhy', { reason: p.counted_reason }) : t('project.notCounted')}</span>}
          </p>
          <ProjectFacts project={p} visits={false} />
          {events.length > 0 ? (
            <ol class="embed-events" aria-label={t('project.events')}>
              {events.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.date}>{fmtDate(e.date)}</time> {eventLabel(e.type)}
                  {e.leader_present || e.type === 'leader_visit' ? <span class="leader-badge">{t('project.leader')}</span> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p class="empty">{t('project.noEvents')}</p>
          )}
        </article>
      ) : null}
      <Credit page={fullPageOf('project', id)} />
    </>
  )
}
