/**
 * @module A source (/sources/<id>): the document, every claim it supports (by date, titled in
 * words: "Groundbreaking at Myonggan County, 2026") and its revision history; /sources lists them
 * all with a search box, filters (publisher, kind, language, year) and sortable columns, the
 * state kept in the address so a link shares it. Editors also get the editing controls.
 */
import './SourcePage.css'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { entityHref } from '../components/Changes.tsx'
import { useEffect, useState } from 'preact/hooks'
import { apiPath } from '../api.ts'
import { eventLabel, fieldLabel, fmtDate, fmtValue, languageName, localityTypeLabel, num, sourceKindLabel, yearName } from '../format.ts'
import { language, t } from '../i18n/i18n.ts'
import { DeletedRecord, History, SourceTools } from '../editing.ts'
import { navigate, useLocation } from '../router.ts'
import { canEdit, useSession } from '../session.ts'
import type { List, SourceDetail, SourceItem } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

/** The list's state, as it stands in the address (so a link shares it). */
interface ListState {
  q: string
  publisher: string
  kind: string
  language: string
  year: string
  sort: string
  page: number
}

const sortable = ['published', 'title', 'publisher'] as const
type SortBy = (typeof sortable)[number]

function stateOf(search: string): ListState {
  const p = new URLSearchParams(search)
  const sort = p.get('sort') ?? '-published'
  return {
    q: p.get('q') ?? '',
    publisher: p.get('publisher') ?? '',
    kind: p.get('kind') ?? '',
    language: p.get('language') ?? '',
    year: p.get('year') ?? '',
    sort: sortable.includes(sort.replace(/^-/, '') as SortBy) ? sort : '-published',
    page: Math.max(1, Number.parseInt(p.get('page') ?? '1', 10) || 1),
  }
}

/** The address of the list in a state: only what differs from the defaults. */
function hrefOf(s: ListState): string {
  const p = new URLSearchParams()
  if (s.q.trim()) p.set('q', s.q.trim())
  for (const key of ['publisher', 'kind', 'language', 'year'] as const) if (s[key]) p.set(key, s[key])
  if (s.sort !== '-published') p.set('sort', s.sort)
  if (s.page > 1) p.set('page', String(s.page))
  const lang = new URLSearchParams(window.location.search).get('lang')
  if (lang) p.set('lang', lang)
  const q = p.toString()
  return q ? `/sources?${q}` : '/sources'
}

function SortHeader({ by, label, state, cls }: { by: SortBy; label: string; state: ListState; cls?: string }) {
  const current = state.sort.replace(/^-/, '') === by
  const descending = state.sort.startsWith('-')
  // A new column starts newest first for dates, A to Z for words; the current one turns around.
  const next = current ? (descending ? by : `-${by}`) : by === 'published' ? '-published' : by
  return (
    <th scope="col" class={cls} aria-sort={current ? (descending ? 'descending' : 'ascending') : 'none'}>
      <a href={hrefOf({ ...state, sort: next, page: 1 })} class="sort-link" data-sort={by}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {current ? (descending ? ' ▼' : ' ▲') : ' ↕'}
        </span>
        <span class="visually-hidden"> {current ? t(descending ? 'sources.sortedDesc' : 'sources.sortedAsc') : t('sources.sortBy')}</span>
      </a>
    </th>
  )
}

/** One filter of the sources list: "any" and each value with its count (a value not among them, e.g. from a link, kept when asked). */
function FacetSelect({ name, label, value, facet, onChange, labelOf = (v) => v, keepUnlisted = false }: { name: string; label: string; value: string; facet: { value: string; count: number }[] | undefined; onChange: (value: string) => void; labelOf?: (value: string) => string; keepUnlisted?: boolean }) {
  return (
    <div class="filter">
      <label for={`sources-${name}`}>{label}</label>
      <select id={`sources-${name}`} name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('sources.any')}</option>
        {keepUnlisted && value && !facet?.some((f) => f.value === value) ? <option value={value}>{value}</option> : null}
        {(facet ?? []).map((f) => (
          <option value={f.value} key={f.value}>
            {t('sources.facet', { value: labelOf(f.value), count: f.count })}
          </option>
        ))}
      </select>
    </div>
  )
}

export function SourceList() {
  useTitle(t('nav.sources'))
  const loc = useLocation()
  const state = stateOf(loc.search)
  const size = 100
  const path = apiPath('/api/sources', {
    q: state.q.trim() || undefined,
    publisher: state.publisher || undefined,
    kind: state.kind || undefined,
    language: state.language || undefined,
    year: state.year || undefined,
    sort: state.sort,
    limit: size,
    offset: (state.page - 1) * size,
  })
  const { data, error } = useApi<List<SourceItem> & { facets?: Facets }>(path)
  const { user } = useSession()
  const [text, setText] = useState(state.q)
  // The search box follows the address (back and forward), and the address follows typing.
  useEffect(() => setText(state.q), [state.q])
  useEffect(() => {
    if (text.trim() === state.q.trim()) return
    const timer = setTimeout(() => navigate(hrefOf({ ...state, q: text, page: 1 }), { replace: true }), 250)
    return () => clearTimeout(timer)
  }, [text])
  const set = (patch: Partial<ListState>) => navigate(hrefOf({ ...state, ...patch, page: 1 }))
  const filtered = !!(state.q || state.publisher || state.kind || state.language || state.year)
  const facets = data?.facets
  if (error) return <ErrorNotice error={error} what="what.sources" />
  return (
    <div class="page source-list">
      <header class="page-head">
        <h1>{t('nav.sources')}</h1>
        <p class="lede">{t('sources.lede')}</p>
        {canEdit(user) ? (
          <p>
            <a href="/sources/new" class="button-link" data-testid="new-source">
              {t('sources.new')}
            </a>
          </p>
        ) : null}
      </header>
      <form
        class="source-filters"
        role="search"
        aria-label={t('sources.filtersLabel')}
        data-testid="source-filters"
        onSubmit={(e) => {
          e.preventDefault()
          navigate(hrefOf({ ...state, q: text, page: 1 }))
        }}
      >
        <div class="filter search">
          <label for="sources-q">{t('sources.search')}</label>
          <input id="sources-q" name="q" type="search" value={text} maxLength={200} placeholder={t('sources.searchPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <FacetSelect name="publisher" label={t('history.field.publisher')} value={state.publisher} facet={facets?.publisher} onChange={(publisher) => set({ publisher })} keepUnlisted />
        <FacetSelect name="kind" label={t('sources.kind')} value={state.kind} facet={facets?.kind} onChange={(kind) => set({ kind })} labelOf={sourceKindLabel} />
        <FacetSelect name="language" label={t('history.field.language')} value={state.language} facet={facets?.language} onChange={(language) => set({ language })} labelOf={languageName} />
        <FacetSelect name="year" label={t('sources.year')} value={state.year} facet={facets?.year} onChange={(year) => set({ year })} />
        {filtered ? (
          <p class="filter clear">
            <a href={hrefOf({ q: '', publisher: '', kind: '', language: '', year: '', sort: state.sort, page: 1 })}>{t('sources.clear')}</a>
          </p>
        ) : null}
      </form>
      {!data ? (
        <Loading what="what.sources" />
      ) : (
        <>
          <p class="result-count" role="status" data-testid="source-count">
            {filtered ? t('sources.matching', { count: data.total }) : t('sources.count', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p class="empty">{t('sources.noneMatch')}</p>
          ) : (
            <div class="table-wrap">
              <table class="data cards" data-testid="source-table">
                <thead>
                  <tr>
                    <SortHeader by="published" label={t('sources.published')} state={state} />
                    <SortHeader by="title" label={t('history.field.title')} state={state} />
                    <SortHeader by="publisher" label={t('history.field.publisher')} state={state} />
                    <th scope="col">{t('sources.kind')}</th>
                    <th scope="col" class="num">
                      {t('sources.claims')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.id} data-source={s.id}>
                      <td class="date" data-label={t('sources.published')}>
                        {fmtDate(s.published)}
                      </td>
                      <td class="card-title">
                        <a href={`/sources/${encodeURIComponent(s.id)}`} translate={false}>
                          {s.title}
                        </a>
                      </td>
                      <td data-label={t('history.field.publisher')} class="publisher">
                        {s.publisher}
                      </td>
                      <td data-label={t('sources.kind')}>{sourceKindLabel(s.kind)}</td>
                      <td class="num" data-label={t('sources.claims')}>
                        {num(s.claims)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.total > size ? (
            <nav class="pager" aria-label={t('common.pages')}>
              {state.page > 1 ? <a href={hrefOf({ ...state, page: state.page - 1 })}>{t('common.previous')}</a> : <span />}
              <span>{t('common.pageOf', { page: state.page, pages: Math.ceil(data.total / size) })}</span>
              {state.page * size < data.total ? <a href={hrefOf({ ...state, page: state.page + 1 })}>{t('common.next')}</a> : <span />}
            </nav>
          ) : null}
        </>
      )}
    </div>
  )
}

type Support = SourceDetail['supports'][number]

/** "Groundbreaking at Myonggan County, 2026" / "명간군 착공 (2026년)": what a claim is about, in the reader's words. */
function supportTitle(c: Support): string {
  const sub = c.subject
  const place = sub.locality ? (language() === 'ko' && sub.locality.hangul ? sub.locality.hangul : t('changes.placeWithType', { name: sub.locality.name, type: localityTypeLabel(sub.locality.type) })) : null
  const year = yearName(sub.year)
  if (c.subject_type === 'event' && sub.event_type && place) {
    const event = sub.event_label ? t('sources.eventWithLabel', { event: eventLabel(sub.event_type), label: sub.event_label }) : eventLabel(sub.event_type)
    return t('sources.aboutEvent', { event, place, year })
  }
  if (c.subject_type === 'project' && place) return t('sources.aboutProject', { place, year })
  if (c.subject_type === 'locality' && place) return place
  return c.subject_label
}

interface Facets {
  publisher: { value: string; count: number }[]
  kind: { value: string; count: number }[]
  language: { value: string; count: number }[]
  year: { value: string; count: number }[]
}

export default function SourcePage({ id }: { id: string }) {
  const { data: s, error } = useApi<SourceDetail>(`/api/sources/${encodeURIComponent(id)}`)
  const { names } = useProvinces()
  const { user } = useSession()
  const editor = canEdit(user)
  useTitle(s ? s.title : t('common.source'))
  if (error) {
    const notice = <ErrorNotice error={error} what="what.source" />
    return error.status === 404 && editor ? <DeletedRecord entity="sources" id={id} what="source" fallback={notice} /> : notice
  }
  if (!s) return <Loading what="what.source" />
  // The API lists the claims by the date of what they are about; one group a subject, in that order.
  const groups = new Map<string, Support[]>()
  for (const c of s.supports) {
    const key = `${c.subject_type}\u0000${c.subject_id}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }

  return (
    <article class="page source">
      <nav class="crumbs" aria-label={t('common.breadcrumb')}>
        <a href="/sources">{t('nav.sources')}</a> › <span translate={false}>{s.publisher}</span>
      </nav>
      <header class="page-head">
        {/* The document's title as recorded (often an English description): data, not interface. */}
        <h1 translate={false}>
          {s.title}
        </h1>
        <p class="subtitle">
          {s.publisher} · {fmtDate(s.published)} · {sourceKindLabel(s.kind)} · {t('sources.language', { language: s.language ? languageName(s.language) : '—' })}
        </p>
        {editor ? <SourceTools source={s} /> : null}
      </header>
      <dl class="facts">
        {s.url ? (
          <div>
            <dt>{t('sources.address')}</dt>
            <dd>
              <a href={s.url} rel="external noopener noreferrer" target="_blank" class="url">
                {s.url}
              </a>
            </dd>
          </div>
        ) : null}
        {s.archived_url ? (
          <div>
            <dt>{t('sources.archived')}</dt>
            <dd>
              <a href={s.archived_url} rel="external noopener noreferrer" target="_blank" class="url">
                {s.archived_url}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('sources.supported')}</dt>
          <dd>{num(s.supports.length)}</dd>
        </div>
      </dl>
      {s.notes ? (
        <p class="notes" lang="en">
          {s.notes}
        </p>
      ) : null}
      <section aria-labelledby="supports-title">
        <h2 id="supports-title">{t('sources.supports')}</h2>
        {groups.size === 0 ? (
          <p class="empty">{t('sources.noClaims')}</p>
        ) : (
          <ul class="supports">
            {[...groups].map(([key, claims]) => {
              const [type, subjectId] = key.split('\u0000') as [string, string]
              const href = entityHref(type, subjectId)
              const label = supportTitle(claims[0]!)
              return (
                <li key={key}>
                  <h3>{href ? <a href={href}>{label}</a> : label}</h3>
                  <ul class="claims">
                    {claims.map((c) => (
                      <li class={`claim rank-${c.rank}`} key={c.id}>
                        <div class="claim-head">
                          {fieldLabel(c.field)}: <strong>{fmtValue(c.field, c.value, (v) => names[v] ?? v)}</strong>
                          {c.rank !== 'normal' ? <span class={`rank-badge ${c.rank}`}>{c.rank === 'preferred' ? t('common.preferred') : t('common.deprecated')}</span> : null}
                        </div>
                        {c.quote ? (
                          <blockquote class="quote" lang={s.language ?? undefined}>
                            {c.quote}
                          </blockquote>
                        ) : null}
                        {c.said ? (
                          <p class="said">
                            {t('common.sourceWrote')}
                            <q>{c.said}</q>
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <History entity="sources" id={s.id} />
    </article>
  )
}
