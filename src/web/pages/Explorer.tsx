/**
 * @module The explorer (/projects): the project table with facets, search, sorting and paging,
 * the whole state in the query string, and downloads of exactly the current view.
 */
import { apiPath } from '../api.ts'
import { Facets } from '../components/Facets.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { WholeFileNote } from '../components/WholeFileNote.tsx'
import { SearchNote } from '../components/SearchNote.tsx'
import { ProjectTable } from '../components/ProjectTable.tsx'
import { apiParams, hasFilter, hrefWith, readFilters } from '../filters.ts'
import { t } from '../i18n/i18n.ts'
import { useLocation } from '../router.ts'
import { useProjects } from '../useProjects.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'

const pageSize = 50
const sortPattern = /^-?(year|locality|province|status|groundbreaking|finished|updated)$/

export default function Explorer() {
  useTitle(t('nav.projects'))
  const loc = useLocation()
  const params = new URLSearchParams(loc.search)
  const filters = readFilters(params)
  const sortParam = params.get('sort') ?? ''
  const sort = sortPattern.test(sortParam) ? sortParam : ''
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const view = useProjects(filters, { sort, limit: pageSize, offset: (page - 1) * pageSize })
  const { names } = useProvinces()

  const here = (extra: Record<string, string | number | undefined>) => hrefWith('/projects', filters, { sort: sort || undefined, ...extra })
  const total = view.data?.total ?? 0
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const exportQuery = apiParams(filters).toString()
  const exportHref = (file: string) => apiPath(`/api/export/${file}`, new URLSearchParams(exportQuery))

  return (
    <div class="page explorer">
      <header class="page-head">
        <h1>{t('nav.projects')}</h1>
        <p class="lede">{t('explorer.lede')}</p>
      </header>
      <div class="with-facets">
        <Facets path="/projects" filters={filters} counts={view.counts} provinceNames={names} keep={{ sort: sort || undefined }} />
        <section class="results" aria-labelledby="results-title">
          <div class="results-head">
            <h2 id="results-title" aria-live="polite">
              {view.data ? t(hasFilter(filters) ? 'explorer.matching' : 'explorer.count', { count: total }) : t('nav.projects')}
            </h2>
            <p class="view-links">
              <a href={hrefWith('/map', filters)} data-testid="to-map">
                {t('explorer.toMap')}
              </a>
              <span class="downloads">
                {t('explorer.download')}{' '}
                <a href={exportHref('projects.csv')} download data-testid="download-csv">
                  CSV
                </a>{' '}
                ·{' '}
                <a href={exportHref('dataset.json')} download>
                  JSON
                </a>{' '}
                ·{' '}
                <a href={exportHref('projects.geojson')} download>
                  GeoJSON
                </a>{' '}
                <WholeFileNote hrefs={[exportHref('projects.csv')]} />
              </span>
            </p>
          </div>
          <SearchNote resolved={view.data?.resolved} />
          {view.error ? <ErrorNotice error={view.error} what="what.projects" /> : null}
          {!view.data && !view.error ? <Loading what="what.projects" /> : null}
          {view.data ? (
            view.data.items.length === 0 ? (
              <p class="empty">
                {t('explorer.none')} <a href="/projects">{t('explorer.clear')}</a>
              </p>
            ) : (
              <ProjectTable items={view.data.items} sort={sort} sortHref={(s) => here({ sort: s })} caption={t('explorer.caption', { page, pages })} />
            )
          ) : null}
          {pages > 1 ? (
            <nav class="pager" aria-label={t('common.pages')}>
              {page > 1 ? <a href={here({ page: page - 1 === 1 ? undefined : page - 1 })}>{t('common.previous')}</a> : <span />}
              <span>{t('common.pageOf', { page, pages })}</span>
              {page < pages ? <a href={here({ page: page + 1 })}>{t('common.next')}</a> : <span />}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  )
}
