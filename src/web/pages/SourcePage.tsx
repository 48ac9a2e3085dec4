/**
 * @module A source (/sources/<id>): the document, every claim it supports and its revision
 * history; /sources lists them all. Editors also get the editing controls (loaded on demand).
 */
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { entityHref } from '../components/Changes.tsx'
import { fieldLabel, fmtDate, fmtValue, languageName, num, sourceKindLabel } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import { DeletedRecord, History, SourceTools } from '../editing.ts'
import { useLocation } from '../router.ts'
import { canEdit, useSession } from '../session.ts'
import type { List, SourceDetail, SourceItem } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

export function SourceList() {
  useTitle(t('nav.sources'))
  const loc = useLocation()
  const page = Math.max(1, Number.parseInt(new URLSearchParams(loc.search).get('page') ?? '1', 10) || 1)
  const size = 100
  const { data, error } = useApi<List<SourceItem>>(`/api/sources?limit=${size}&offset=${(page - 1) * size}`)
  const { user } = useSession()
  if (error) return <ErrorNotice error={error} what="what.sources" />
  return (
    <div class="page">
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
      {!data ? (
        <Loading what="what.sources" />
      ) : (
        <>
          <div class="table-wrap">
            <table class="data cards">
              <thead>
                <tr>
                  <th scope="col">{t('sources.published')}</th>
                  <th scope="col">{t('common.source')}</th>
                  <th scope="col">{t('sources.kind')}</th>
                  <th scope="col" class="num">
                    {t('sources.claims')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <td class="date" data-label={t('sources.published')}>
                      {fmtDate(s.published)}
                    </td>
                    <td class="card-title">
                      <a href={`/sources/${encodeURIComponent(s.id)}`}>{s.title}</a> <span class="hint">{s.publisher}</span>
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
          {data.total > size ? (
            <nav class="pager" aria-label={t('common.pages')}>
              {page > 1 ? <a href={`/sources?page=${page - 1}`}>{t('common.previous')}</a> : <span />}
              <span>{t('common.pageOf', { page, pages: Math.ceil(data.total / size) })}</span>
              {page * size < data.total ? <a href={`/sources?page=${page + 1}`}>{t('common.next')}</a> : <span />}
            </nav>
          ) : null}
        </>
      )}
    </div>
  )
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
  const groups = new Map<string, SourceDetail['supports']>()
  for (const c of s.supports) groups.set(`${c.subject_type}\u0000${c.subject_id}\u0000${c.subject_label}`, [...(groups.get(`${c.subject_type}\u0000${c.subject_id}\u0000${c.subject_label}`) ?? []), c])

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
              const [type, subjectId, label] = key.split('\u0000') as [string, string, string]
              const href = entityHref(type, subjectId)
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
