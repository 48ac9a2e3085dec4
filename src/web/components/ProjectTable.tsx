/**
 * @module The project table: one row a project, sortable by the API's sort keys (each column
 * header is a link that flips the order), names with hangul, dates with their precision.
 */
import { fmtDate, num, yearName } from '../format.ts'
import { language, t } from '../i18n/i18n.ts'
import { provinceName } from '../useProvinces.ts'
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

const columns: { key: string | null; id: string; label: () => string; class?: string }[] = [
  { key: 'locality', id: 'locality', label: () => t('field.locality') },
  { key: 'province', id: 'province', label: () => t('field.province') },
  { key: 'year', id: 'year', label: () => t('table.year'), class: 'num' },
  { key: null, id: 'facilities', label: () => t('table.facilities') },
  { key: 'status', id: 'status', label: () => t('field.status') },
  { key: 'groundbreaking', id: 'groundbreaking', label: () => t('table.groundBroken') },
  { key: 'finished', id: 'finished', label: () => t('table.opened') },
  { key: null, id: 'sources', label: () => t('nav.sources'), class: 'num' },
]

export function ProjectTable({ items, sort, sortHref, caption }: Props) {
  const current = sort.replace(/^-/, '') || 'year'
  const descending = sort.startsWith('-')
  const korean = language() === 'ko'
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="data cards">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              if (!c.key)
                return (
                  <th scope="col" class={c.class} key={c.id}>
                    {c.label()}
                  </th>
                )
              const active = current === c.key
              const next = active && !descending ? `-${c.key}` : c.key
              return (
                <th scope="col" class={c.class} key={c.id} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
                  <a class="sort" href={sortHref(next)} data-sort={c.key}>
                    {c.label()}
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
              <td class="card-title">
                {korean ? (
                  <>
                    <a href={`/projects/${encodeURIComponent(p.id)}`} class="row-link" lang="ko">
                      {p.locality.hangul}
                      {p.label ? ` (${p.label})` : ''}
                    </a>{' '}
                    <span class="romanized" translate={false}>
                      {p.locality.name}
                    </span>
                  </>
                ) : (
                  <>
                    <a href={`/projects/${encodeURIComponent(p.id)}`} class="row-link">
                      {p.locality.name}
                      {p.label ? ` (${p.label})` : ''}
                    </a>{' '}
                    <span class="hangul" lang="ko">
                      {p.locality.hangul}
                    </span>
                  </>
                )}
                {p.counted ? null : (
                  <span class="extra-note" title={p.counted_reason ?? undefined}>
                    {' '}
                    · {t('table.notCounted')}
                  </span>
                )}
              </td>
              <td data-label={t('field.province')}>
                <a href={`/provinces/${p.locality.province_id}`}>{provinceName(p.locality.province, p.locality.province_id)}</a>
              </td>
              <td class="num" data-label={t('table.year')}>
                {yearName(p.year)}
              </td>
              <td class="card-wide" data-label={t('table.facilities')}>
                <Kinds kinds={p.kinds} compact />
              </td>
              <td data-label={t('field.status')}>
                <StatusBadge status={p.status} />
              </td>
              <td class="date" data-label={t('table.groundBroken')}>
                {fmtDate(p.dates.groundbreaking)}
              </td>
              <td class="date" data-label={t('table.opened')}>
                {fmtDate(p.dates.finished)}
              </td>
              <td class="num" data-label={t('nav.sources')}>
                {num(p.sources)}
                {p.conflicts > 0 ? (
                  <span class="conflict-mark" title={t('table.conflictsTitle', { count: p.conflicts })}>
                    {' '}
                    ⚑<span class="visually-hidden"> {t('table.conflicts', { count: p.conflicts })}</span>
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
