/**
 * @module A province (/provinces/<id>): how many of its localities the policy has reached, which
 * ones, and which are still waiting; /provinces lists every province.
 */
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { ProvinceBars } from '../components/ProvinceBars.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { Place } from '../components/Place.tsx'
import { localityTypeLabel, pct, placeBoth, placeName, provinceKindLabel, yearName } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { lazy } from '../lazy.tsx'
import type { List, Locality } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

const MiniMap = lazy(() => import('../map/MiniMap.tsx'), 'lazy.map')

export function ProvinceList() {
  useTitle(t('province.listTitle'))
  const { provinces } = useProvinces()
  return (
    <div class="page">
      <header class="page-head">
        <h1>{t('province.listTitle')}</h1>
        <p class="lede">{t('province.listLede')}</p>
      </header>
      {provinces ? <ProvinceBars provinces={provinces} /> : <Loading what="what.provinces" />}
    </div>
  )
}

function LocalityRow({ l }: { l: Locality }) {
  const last = l.projects.at(-1)
  return (
    <li>
      <Place name={l.plain} hangul={l.hangul} href={`/localities/${encodeURIComponent(l.id)}`} /> <span class="hint">{localityTypeLabel(l.type).toLowerCase()}</span>
      {last ? (
        <>
          {' '}
          · {l.projects.map((p) => yearName(p.year)).join(', ')} <StatusBadge status={last.status} short />
        </>
      ) : null}
    </li>
  )
}

export default function ProvincePage({ id }: { id: string }) {
  const { provinces } = useProvinces()
  const province = provinces?.find((p) => p.id === id)
  const localities = useApi<List<Locality>>(province ? `/api/localities?province=${encodeURIComponent(id)}&limit=1000` : null)
  useTitle(province ? placeName(province.plain, province.hangul) : t('province.title'))
  // An unknown id is a page that does not exist, not a bad API request to report as such.
  if (provinces && !province)
    return (
      <div class="page">
        <ErrorNotice error={{ status: 404, message: t('province.noSuch', { id }) }} what="what.province" />
        <p>{t('province.unknown', { id })}</p>
        <ProvinceBars provinces={provinces} />
      </div>
    )
  if (localities.error) return <ErrorNotice error={localities.error} what="what.province" />
  if (!provinces || !province || !localities.data) return <Loading what="what.province" />
  const all = localities.data.items
  const reached = all.filter((l) => l.projects.some((p) => p.counted))
  const touched = all.filter((l) => l.projects.length > 0 && !reached.includes(l))
  const waiting = all.filter((l) => !reached.includes(l))
  const share = province.localities ? province.reached / province.localities : 0

  return (
    <article class="page province">
      <nav class="crumbs" aria-label={t('common.breadcrumb')}>
        <a href="/provinces">{t('province.listTitle')}</a> › <span>{placeName(province.plain, province.hangul)}</span>
      </nav>
      <header class="page-head">
        <h1>
          <Place name={province.plain} hangul={province.hangul} />
        </h1>
        <p class="subtitle">
          {provinceKindLabel(province.kind)} · {province.iso} · MR {province.mr} · RR {province.rr}
        </p>
      </header>
      <p class="summary">
        <Trans k="province.summary" values={{ reached: province.reached, total: province.localities, share: pct(share), waiting: waiting.length }} parts={[(text) => <strong>{text}</strong>]} />
      </p>
      <div class="progress-bar" aria-hidden="true">
        <span class="seg st-operational" style={{ width: pct(share) }} />
      </div>
      <p class="view-links">
        <a href={`/projects?province=${province.id}`}>{t('province.projectsIn', { name: placeName(province.plain, province.hangul) })}</a> · <a href={`/map?province=${province.id}`}>{t('province.onMap')}</a>
      </p>
      <div class="two-col">
        <div>
          <section aria-labelledby="reached-title">
            <h2 id="reached-title">{t('province.reached', { n: reached.length })}</h2>
            {reached.length === 0 ? <p class="empty">{t('province.noneYet')}</p> : <ul class="locality-list">{reached.map((l) => <LocalityRow l={l} key={l.id} />)}</ul>}
          </section>
          {touched.length > 0 ? (
            <section aria-labelledby="touched-title">
              <h2 id="touched-title">{t('province.touched', { n: touched.length })}</h2>
              <ul class="locality-list">
                {touched.map((l) => (
                  <LocalityRow l={l} key={l.id} />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">{t('province.waiting', { n: waiting.length })}</h2>
            {waiting.length === 0 ? (
              <p class="empty">{t('province.allReached')}</p>
            ) : (
              <ul class="locality-list waiting">
                {waiting.map((l) => (
                  <LocalityRow l={l} key={l.id} />
                ))}
              </ul>
            )}
          </section>
        </div>
        <section aria-labelledby="pmap-title">
          <h2 id="pmap-title">{t('nav.map')}</h2>
          <MiniMap
            title={t('province.mapTitle', { name: placeName(province.plain, province.hangul) })}
            zoom
            highlight={province.id}
            points={all
              .filter((l) => l.coord)
              .map((l) => ({ id: l.id, lon: l.coord!.lon, lat: l.coord!.lat, label: placeBoth(l.plain, l.hangul), status: l.projects.at(-1)?.status ?? null, reached: reached.includes(l) }))}
          />
          <p class="hint">{t('province.mapHint')}</p>
        </section>
      </div>
    </article>
  )
}
