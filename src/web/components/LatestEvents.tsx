/**
 * @module The latest events on the record (by event date) with their sources: date, place, what
 * happened and who reported it, each report linked to the document — "says who" on the first screen.
 */
import { fmtDate } from '../format.ts'
import { eventTitle } from '../eventTitle.ts'
import { t } from '../i18n/i18n.ts'
import type { EventItem, List, SourceBrief } from '../types.ts'
import { useApi } from '../useApi.ts'
import { provinceName } from '../useProvinces.ts'
import { ErrorNotice, Loading } from './Notice.tsx'
import { Place } from './Place.tsx'
import './home.css'

/** How many events the overview lists. */
export const latestCount = 8
export const latestEventsPath = `/api/events?sort=-date&limit=${latestCount}`

/** The distinct sources of an event's claims: state media first (the primary reports), then by date. */
export function sourcesOf(e: EventItem): SourceBrief[] {
  const seen = new Map<string, SourceBrief>()
  for (const c of e.claims) if (c.source && !seen.has(c.source.id)) seen.set(c.source.id, c.source)
  return [...seen.values()].sort((a, b) => Number(b.kind === 'state_media') - Number(a.kind === 'state_media') || (a.published ?? '9').localeCompare(b.published ?? '9') || a.id.localeCompare(b.id))
}

function SourceLink({ s }: { s: SourceBrief }) {
  const when = s.published ? ` ${fmtDate(s.published)}` : ''
  return s.url ? (
    <a href={s.url} rel="external noopener" translate={false} title={s.title}>
      {s.publisher}
      {when}
    </a>
  ) : (
    <a href={`/sources/${encodeURIComponent(s.id)}`} translate={false} title={s.title}>
      {s.publisher}
      {when}
    </a>
  )
}

export function LatestEvents() {
  const { data, error } = useApi<List<EventItem>>(latestEventsPath)
  return (
    <section class="latest" aria-labelledby="latest-title" data-testid="latest-events">
      <h2 id="latest-title">{t('latest.title')}</h2>
      {error ? <ErrorNotice error={error} what="what.events" /> : null}
      {!data && !error ? <Loading what="what.events" /> : null}
      {data ? (
        <ol class="latest-list">
          {data.items.map((e) => {
            const sources = sourcesOf(e)
            const shown = sources.slice(0, 2)
            const what = eventTitle(e)
            return (
              <li key={e.id} data-event={e.id}>
                <time class="latest-date" dateTime={e.date}>
                  {fmtDate(e.date)}
                </time>
                <span class="latest-what">
                  {e.locality ? (
                    <>
                      <Place name={e.locality.name} hangul={e.locality.hangul} href={`/localities/${encodeURIComponent(e.locality.id)}`} class="latest-place" />
                      <span class="hint"> {provinceName(e.locality.province, e.locality.province_id)}</span>
                      {' · '}
                    </>
                  ) : (
                    <>{t('latest.programme')} · </>
                  )}
                  {e.project_id ? <a href={`/projects/${encodeURIComponent(e.project_id)}`}>{what}</a> : what}
                </span>
                <span class="latest-sources">
                  {sources.length === 0 ? (
                    t('latest.noSource')
                  ) : (
                    <>
                      {t('latest.reportedBy')}{' '}
                      {shown.map((s, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <SourceLink s={s} key={s.id} />
                        </>
                      ))}
                      {sources.length > shown.length ? (
                        <>
                          {' '}
                          {e.project_id ? <a href={`/projects/${encodeURIComponent(e.project_id)}`}>{t('latest.more', { count: sources.length - shown.length })}</a> : t('latest.more', { count: sources.length - shown.length })}
                        </>
                      ) : null}
                    </>
                  )}
                </span>
              </li>
            )
          })}
        </ol>
      ) : null}
      <p class="more-links">
        <a href="/timeline">{t('latest.allTimeline')}</a> · <a href="/sources">{t('latest.allSources')}</a>
      </p>
    </section>
  )
}
