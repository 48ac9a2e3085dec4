/**
 * @module A locality (/localities/<id>): every name form (hangul beside the romanizations,
 * aliases, former names), where it is on a small map, and its projects across the years.
 */
import { Kinds } from '../components/Kinds.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { Place } from '../components/Place.tsx'
import { coordPrecisionLabel, fmtDate, localityTypeLabel, placeBoth, placeName, yearName } from '../format.ts'
import { language, t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { lazy } from '../lazy.tsx'
import '../components/home.css'
import type { z } from 'zod'
import type { LocalityDetail as LocalityDetailSchema } from '../../api/routes/localities.ts'
import type { List, Project } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import { provinceName } from '../useProvinces.ts'

type LocalityDetail = z.infer<typeof LocalityDetailSchema>

const MiniMap = lazy(() => import('../map/MiniMap.tsx'), 'lazy.map')

export default function LocalityPage({ id }: { id: string }) {
  // With the localities a reader may take it for (the two Unsans, 운산군 and 은산군; Songchon and Sonchon).
  const { data: l, error } = useApi<LocalityDetail>(`/api/localities/${encodeURIComponent(id)}`)
  const projects = useApi<List<Project>>(l ? `/api/projects?locality=${encodeURIComponent(id)}&limit=100` : null)
  useTitle(l ? placeName(l.plain, l.hangul) : t('field.locality'))
  if (error) return <ErrorNotice error={error} what="what.locality" />
  if (!l) return <Loading what="what.locality" />
  const items = projects.data?.items ?? []

  return (
    <article class="page locality">
      <nav class="crumbs" aria-label={t('common.breadcrumb')}>
        <a href={`/provinces/${l.province}`}>{provinceName(l.province_name, l.province)}</a> › <span>{placeName(l.plain, l.hangul)}</span>
      </nav>
      <header class="page-head">
        <h1>
          <Place name={l.plain} hangul={l.hangul} />
        </h1>
        <p class="subtitle">
          <Trans k="locality.typeIn" values={{ type: localityTypeLabel(l.type) }} parts={[() => <a href={`/provinces/${l.province}`}>{provinceName(l.province_name, l.province)}</a>]} /> ·{' '}
          {l.projects.length === 0 ? t('locality.notReached') : t('explorer.count', { count: l.projects.length })}
        </p>
      </header>
      {l.uncertain ? <p class="caution">{t('locality.uncertain', { note: l.uncertain })}</p> : null}
      {l.confusable_with?.length ? (
        <div class="caution namesakes" data-testid="namesakes">
          {l.confusable_with.map((o) => (
            <p key={o.id}>
              <Trans
                k={o.same_spelling ? 'confusable.same' : 'confusable.similar'}
                values={{ name: placeName(o.plain, o.hangul), other: language() === 'ko' ? o.plain : o.hangul, type: localityTypeLabel(o.type).toLowerCase(), province: provinceName(o.province_name, o.province) }}
                parts={[(text) => <a href={`/localities/${encodeURIComponent(o.id)}`}>{text}</a>]}
              />
            </p>
          ))}
        </div>
      ) : null}
      <div class="two-col">
        <section aria-labelledby="names-title">
          <h2 id="names-title">{t('locality.names')}</h2>
          <dl class="names">
            <div>
              <dt>{t('locality.hangul')}</dt>
              <dd lang="ko">{l.hangul}</dd>
            </div>
            <div>
              <dt>{t('locality.common')}</dt>
              <dd>{l.plain}</dd>
            </div>
            <div>
              <dt>{t('locality.mr')}</dt>
              <dd>{l.mr}</dd>
            </div>
            <div>
              <dt>{t('locality.rr')}</dt>
              <dd>{l.rr}</dd>
            </div>
            {l.aliases.length > 0 ? (
              <div>
                <dt>{t('locality.aliases')}</dt>
                <dd>{l.aliases.join(' · ')}</dd>
              </div>
            ) : null}
            {l.former_names.length > 0 ? (
              <div>
                <dt>{t('locality.former')}</dt>
                <dd>{l.former_names.join(' · ')}</dd>
              </div>
            ) : null}
          </dl>
          {l.coord ? (
            <p class="hint">
              {t(l.coord.note ? 'locality.positionNote' : 'locality.position', { lat: l.coord.lat.toFixed(3), lon: l.coord.lon.toFixed(3), precision: coordPrecisionLabel(l.coord.precision), note: l.coord.note ?? '' })}
            </p>
          ) : (
            <p class="hint">{t('locality.noPosition')}</p>
          )}
        </section>
        <section aria-labelledby="where-title">
          <h2 id="where-title">{t('locality.where')}</h2>
          {l.coord ? (
            <MiniMap points={[{ id: l.id, lon: l.coord.lon, lat: l.coord.lat, label: placeBoth(l.plain, l.hangul), status: l.projects.at(-1)?.status ?? null, reached: l.projects.length > 0 }]} title={t('locality.mapTitle', { name: placeName(l.plain, l.hangul) })} />
          ) : (
            <p class="empty">{t('locality.noCoord')}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="projects-title">
        <h2 id="projects-title">{t('locality.projects')}</h2>
        {l.projects.length === 0 ? (
          <p class="empty">{t('locality.noProjects')}</p>
        ) : (
          <div class="table-wrap">
            <table class="data cards">
              <thead>
                <tr>
                  <th scope="col">{t('table.year')}</th>
                  <th scope="col">{t('table.facilities')}</th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col">{t('event.groundbreaking')}</th>
                  <th scope="col">{t('table.opened')}</th>
                  <th scope="col">{t('facets.counted')}</th>
                </tr>
              </thead>
              <tbody>
                {(items.length > 0 ? items : []).map((p) => (
                  <tr key={p.id}>
                    <td class="card-title">
                      <a href={`/projects/${encodeURIComponent(p.id)}`}>
                        {yearName(p.year)}
                        {p.label ? ` (${p.label})` : ''}
                      </a>
                    </td>
                    <td class="card-wide" data-label={t('table.facilities')}>
                      <Kinds kinds={p.kinds} />
                    </td>
                    <td data-label={t('field.status')}>
                      <StatusBadge status={p.status} />
                    </td>
                    <td class="date" data-label={t('event.groundbreaking')}>
                      {fmtDate(p.dates.groundbreaking)}
                    </td>
                    <td class="date" data-label={t('table.opened')}>
                      {fmtDate(p.dates.finished)}
                    </td>
                    <td data-label={t('facets.counted')}>
                      {p.counted ? t('common.yes') : p.counted_reason ? t('locality.noBecause', { reason: p.counted_reason }) : t('common.no')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {items.length === 0 && projects.loading ? <Loading what="what.projects" /> : null}
          </div>
        )}
      </section>
      {l.sources.length > 0 ? (
        <p class="hint">
          {t('locality.gazetteer', { refs: l.sources.join(', ') })} <a href={`/api/localities/${encodeURIComponent(l.id)}`}>{t('locality.json')}</a>
        </p>
      ) : null}
    </article>
  )
}
