/**
 * @module A locality (/localities/<id>): every name form (hangul beside the romanizations,
 * aliases, former names), where it is on a small map, and its projects across the years.
 */
import { Kinds } from '../components/Kinds.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { fmtDate, localityTypeLabel } from '../format.ts'
import { lazy } from '../lazy.tsx'
import type { List, Locality, Project } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import { coordPrecisions } from '../../model/vocab.ts'

const MiniMap = lazy(() => import('../map/MiniMap.tsx'), 'map')

export default function LocalityPage({ id }: { id: string }) {
  const { data: l, error } = useApi<Locality>(`/api/localities/${encodeURIComponent(id)}`)
  const projects = useApi<List<Project>>(l ? `/api/projects?locality=${encodeURIComponent(id)}&limit=100` : null)
  // Namesakes in other provinces (the two Unsans, 운산군 and 은산군): the same common spelling.
  const namesakes = useApi<List<Locality>>(l ? `/api/localities?q=${encodeURIComponent(l.plain)}&limit=20` : null)
  useTitle(l ? l.plain : 'Locality')
  if (error) return <ErrorNotice error={error} what="the locality" />
  if (!l) return <Loading what="the locality" />
  const items = projects.data?.items ?? []

  return (
    <article class="page locality">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={`/provinces/${l.province}`}>{l.province_name}</a> › <span>{l.plain}</span>
      </nav>
      <header class="page-head">
        <h1>
          {l.plain}{' '}
          <span class="hangul" lang="ko">
            {l.hangul}
          </span>
        </h1>
        <p class="subtitle">
          {localityTypeLabel(l.type)} in <a href={`/provinces/${l.province}`}>{l.province_name}</a> ·{' '}
          {l.projects.length === 0 ? 'not yet reached by the policy' : `${l.projects.length} project${l.projects.length === 1 ? '' : 's'}`}
        </p>
      </header>
      {l.uncertain ? <p class="caution">Not settled: {l.uncertain}</p> : null}
      {(() => {
        const others = (namesakes.data?.items ?? []).filter((o) => o.id !== l.id && o.plain === l.plain)
        if (others.length === 0) return null
        return (
          <p class="caution" data-testid="namesakes">
            Not to be confused with{' '}
            {others.map((o, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`/localities/${encodeURIComponent(o.id)}`}>
                  {o.plain} ({localityTypeLabel(o.type)}), {o.province_name}
                </a>{' '}
                <span lang="ko">{o.hangul}</span>
              </>
            ))}
            : the same spelling in Latin letters, another place.
          </p>
        )
      })()}
      <div class="two-col">
        <section aria-labelledby="names-title">
          <h2 id="names-title">Names</h2>
          <dl class="names">
            <div>
              <dt>Hangul</dt>
              <dd lang="ko">{l.hangul}</dd>
            </div>
            <div>
              <dt>Common spelling</dt>
              <dd>{l.plain}</dd>
            </div>
            <div>
              <dt>McCune–Reischauer</dt>
              <dd>{l.mr}</dd>
            </div>
            <div>
              <dt>Revised Romanization</dt>
              <dd>{l.rr}</dd>
            </div>
            {l.aliases.length > 0 ? (
              <div>
                <dt>Also written</dt>
                <dd>{l.aliases.join(' · ')}</dd>
              </div>
            ) : null}
            {l.former_names.length > 0 ? (
              <div>
                <dt>Former names</dt>
                <dd>{l.former_names.join(' · ')}</dd>
              </div>
            ) : null}
          </dl>
          {l.coord ? (
            <p class="hint">
              Position {l.coord.lat.toFixed(3)}° N, {l.coord.lon.toFixed(3)}° E — {coordPrecisions.labels[l.coord.precision] ?? l.coord.precision}
              {l.coord.note ? ` (${l.coord.note})` : ''}.
            </p>
          ) : (
            <p class="hint">Position not known.</p>
          )}
        </section>
        <section aria-labelledby="where-title">
          <h2 id="where-title">Where</h2>
          {l.coord ? (
            <MiniMap points={[{ id: l.id, lon: l.coord.lon, lat: l.coord.lat, label: `${l.plain} ${l.hangul}`, status: l.projects.at(-1)?.status ?? null, reached: l.projects.length > 0 }]} title={`${l.plain} on the map of North Korea`} />
          ) : (
            <p class="empty">No coordinate recorded.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="projects-title">
        <h2 id="projects-title">Projects across the years</h2>
        {l.projects.length === 0 ? (
          <p class="empty">No project of the policy is recorded here yet.</p>
        ) : (
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Facilities</th>
                  <th scope="col">Status</th>
                  <th scope="col">Groundbreaking</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Counted</th>
                </tr>
              </thead>
              <tbody>
                {(items.length > 0 ? items : []).map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={`/projects/${encodeURIComponent(p.id)}`}>
                        {p.year ?? 'Pilot'}
                        {p.label ? ` (${p.label})` : ''}
                      </a>
                    </td>
                    <td>
                      <Kinds kinds={p.kinds} />
                    </td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td class="date">{fmtDate(p.dates.groundbreaking)}</td>
                    <td class="date">{fmtDate(p.dates.finished)}</td>
                    <td>{p.counted ? 'yes' : `no${p.counted_reason ? ` — ${p.counted_reason}` : ''}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {items.length === 0 && projects.loading ? <Loading what="projects" /> : null}
          </div>
        )}
      </section>
      {l.sources.length > 0 ? (
        <p class="hint">
          Gazetteer references: {l.sources.join(', ')}. <a href={`/api/localities/${encodeURIComponent(l.id)}`}>This locality as JSON</a>.
        </p>
      ) : null}
    </article>
  )
}
