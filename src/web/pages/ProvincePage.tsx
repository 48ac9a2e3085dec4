/**
 * @module A province (/provinces/<id>): how many of its localities the policy has reached, which
 * ones, and which are still waiting; /provinces lists every province.
 */
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { ProvinceBars } from '../components/ProvinceBars.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { localityTypeLabel, pct } from '../format.ts'
import { lazy } from '../lazy.tsx'
import type { List, Locality } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'
import { provinceKinds } from '../../model/vocab.ts'

const MiniMap = lazy(() => import('../map/MiniMap.tsx'), 'map')

export function ProvinceList() {
  useTitle('Provinces')
  const { provinces } = useProvinces()
  return (
    <div class="page">
      <header class="page-head">
        <h1>Provinces</h1>
        <p class="lede">Localities reached by a counted project of the policy, out of all localities of each province.</p>
      </header>
      {provinces ? <ProvinceBars provinces={provinces} /> : <Loading what="provinces" />}
    </div>
  )
}

function LocalityRow({ l }: { l: Locality }) {
  const last = l.projects.at(-1)
  return (
    <li>
      <a href={`/localities/${encodeURIComponent(l.id)}`}>{l.plain}</a>{' '}
      <span class="hangul" lang="ko">
        {l.hangul}
      </span>{' '}
      <span class="hint">{localityTypeLabel(l.type).toLowerCase()}</span>
      {last ? (
        <>
          {' '}
          · {l.projects.map((p) => p.year ?? 'pilot').join(', ')} <StatusBadge status={last.status} short />
        </>
      ) : null}
    </li>
  )
}

export default function ProvincePage({ id }: { id: string }) {
  const { provinces } = useProvinces()
  const province = provinces?.find((p) => p.id === id)
  const localities = useApi<List<Locality>>(province ? `/api/localities?province=${encodeURIComponent(id)}&limit=1000` : null)
  useTitle(province?.plain ?? 'Province')
  // An unknown id is a page that does not exist, not a bad API request to report as such.
  if (provinces && !province) return <ErrorNotice error={{ status: 404, message: `No province with id "${id}".` }} what="province" />
  if (localities.error) return <ErrorNotice error={localities.error} what="the province" />
  if (!provinces || !province || !localities.data) return <Loading what="the province" />
  const all = localities.data.items
  const reached = all.filter((l) => l.projects.some((p) => p.counted))
  const touched = all.filter((l) => l.projects.length > 0 && !reached.includes(l))
  const waiting = all.filter((l) => !reached.includes(l))
  const share = province.localities ? province.reached / province.localities : 0

  return (
    <article class="page province">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/provinces">Provinces</a> › <span>{province.plain}</span>
      </nav>
      <header class="page-head">
        <h1>
          {province.plain}{' '}
          <span class="hangul" lang="ko">
            {province.hangul}
          </span>
        </h1>
        <p class="subtitle">
          {provinceKinds.labels[province.kind] ?? province.kind} · {province.iso} · MR {province.mr} · RR {province.rr}
        </p>
      </header>
      <p class="summary">
        <strong>
          {province.reached} of {province.localities}
        </strong>{' '}
        localities reached by the policy so far ({pct(share)}); {waiting.length} waiting.
      </p>
      <div class="progress-bar" aria-hidden="true">
        <span class="seg st-operational" style={{ width: pct(share) }} />
      </div>
      <p class="view-links">
        <a href={`/projects?province=${province.id}`}>Projects in {province.plain}</a> · <a href={`/map?province=${province.id}`}>on the map</a>
      </p>
      <div class="two-col">
        <div>
          <section aria-labelledby="reached-title">
            <h2 id="reached-title">Reached ({reached.length})</h2>
            {reached.length === 0 ? <p class="empty">None yet.</p> : <ul class="locality-list">{reached.map((l) => <LocalityRow l={l} key={l.id} />)}</ul>}
          </section>
          {touched.length > 0 ? (
            <section aria-labelledby="touched-title">
              <h2 id="touched-title">With projects that do not count ({touched.length})</h2>
              <ul class="locality-list">
                {touched.map((l) => (
                  <LocalityRow l={l} key={l.id} />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">Waiting ({waiting.length})</h2>
            {waiting.length === 0 ? (
              <p class="empty">Every locality has been reached.</p>
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
          <h2 id="pmap-title">Map</h2>
          <MiniMap
            title={`Localities of ${province.plain}`}
            zoom
            highlight={province.id}
            points={all
              .filter((l) => l.coord)
              .map((l) => ({ id: l.id, lon: l.coord!.lon, lat: l.coord!.lat, label: `${l.plain} ${l.hangul}`, status: l.projects.at(-1)?.status ?? null, reached: reached.includes(l) }))}
          />
          <p class="hint">Filled: reached. Hollow: waiting.</p>
        </section>
      </div>
    </article>
  )
}
