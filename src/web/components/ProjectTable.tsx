/**
 * @module The project table: one row a project, sortable by the API's sort keys (each column
 * header is a link that flips the order), names with hangul, dates with their precision.
 */
import { fmtDate } from '../format.ts'
import type { Project } from '../types.ts'
import { Kinds } from './Kinds.tsx'
import { Place } from './Place.tsx'
import { StatusBadge } from './StatusBadge.tsx'

interface Props {
  items: Project[]
  sort: string
  /** The URL of this view sorted by `key` (or "-key"). */
  sortHref: (sort: string) => string
  caption: string
}

const columns: { key: string | null; label: string; class?: string }[] = [
  { key: 'locality', label: 'Locality' },
  { key: 'province', label: 'Province' },
  { key: 'year', label: 'Year', class: 'num' },
  { key: null, label: 'Facilities' },
  { key: 'status', label: 'Status' },
  { key: 'groundbreaking', label: 'Ground broken' },
  { key: 'finished', label: 'Opened' },
  { key: null, label: 'Sources', class: 'num' },
]

export function ProjectTable({ items, sort, sortHref, caption }: Props) {
  const current = sort.replace(/^-/, '') || 'year'
  const descending = sort.startsWith('-')
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="data">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              if (!c.key) return <th scope="col" class={c.class} key={c.label}>{c.label}</th>
              const active = current === c.key
              const next = active && !descending ? `-${c.key}` : c.key
              return (
                <th scope="col" class={c.class} key={c.label} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
                  <a class="sort" href={sortHref(next)} data-sort={c.key}>
                    {c.label}
                    <span aria-hidden="true" class="sort-mark">
                      {active ? (descending ? ' ▼' : ' ▲') : ' ↕'}
                    </span>
                  </a>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`/projects/${encodeURIComponent(p.id)}`} class="row-link">
                  {p.locality.name}
                  {p.label ? ` (${p.label})` : ''}
                </a>{' '}
                <span class="hangul" lang="ko">
                  {p.locality.hangul}
                </span>
                {p.counted ? null : (
                  <span class="extra-note" title={p.counted_reason ?? undefined}>
                    {' '}
                    · not counted
                  </span>
                )}
              </td>
              <td>
                <a href={`/provinces/${p.locality.province_id}`}>{p.locality.province}</a>
              </td>
              <td class="num">{p.year ?? 'pilot'}</td>
              <td>
                <Kinds kinds={p.kinds} compact />
              </td>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td class="date">{fmtDate(p.dates.groundbreaking)}</td>
              <td class="date">{fmtDate(p.dates.finished)}</td>
              <td class="num">
                {p.sources}
                {p.conflicts > 0 ? (
                  <span class="conflict-mark" title={`${p.conflicts} field(s) where sources disagree`}>
                    {' '}
                    ⚑<span class="visually-hidden"> {p.conflicts} disagreement(s)</span>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
