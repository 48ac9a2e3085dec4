/**
 * @module About and method (/about): what is counted and why, where the data comes from, how to
 * cite it (with the data version the server reports), licences, the API and the downloads.
 */
import { CiteThis } from '../components/CiteThis.tsx'
import type { Health, List, Program } from '../types.ts'
import { useApi } from '../useApi.ts'
import { language, t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { useTitle } from '../useTitle.ts'

const downloads = [
  { href: '/api/export/projects.csv', label: () => t('about.dl.projectsCsv') },
  { href: '/api/export/csv.zip', label: () => t('about.dl.csvZip') },
  { href: '/api/export/dataset.json', label: () => t('about.dl.json') },
  { href: '/api/export/projects.geojson', label: () => t('about.dl.geojson') },
  { href: '/api/export/localities.geojson', label: () => t('about.dl.gazetteer') },
  { href: '/api/export/datapackage.zip', label: () => t('about.dl.package') },
]

const strong = (text: string) => <strong>{text}</strong>
const em = (text: string) => <em>{text}</em>
const code = (text: string) => <code>{text}</code>

export default function About() {
  useTitle(t('about.title'))
  const health = useApi<Health>('/api/health')
  const programs = useApi<List<Program>>('/api/programs')
  const program = programs.data?.items.find((p) => p.id === '20x10') ?? programs.data?.items[0]
  // The program's description and counting rule are English text from the data; Korean readers get the catalogue's version.
  const english = language() === 'en'

  return (
    <article class="page about prose">
      <h1>{t('about.h1')}</h1>
      <p class="lede">{t('about.lede')}</p>

      <h2>{t('about.policy')}</h2>
      <p>{(english ? program?.description : undefined) ?? t('about.policyText')}</p>
      <p>
        <Trans
          k="about.program"
          values={{
            rule: program
              ? t('about.programRule', { perYear: program.target_per_year, start: program.start_year, end: program.end_year, total: program.total_target })
              : t('about.programRule', { perYear: 20, start: 2024, end: 2033, total: 200 }),
          }}
          parts={[em]}
        />
      </p>

      <h2>{t('about.counted')}</h2>
      <p>{(english ? program?.counts : undefined) ?? t('about.countsText')}</p>
      <ul>
        <li>
          <Trans k="about.locality" parts={[strong]} />
        </li>
        <li>
          <Trans k="about.project" parts={[strong, em]} />
        </li>
        <li>
          <Trans k="about.status" parts={[strong, em, em, em]} />
        </li>
        <li>
          <Trans k="about.dates" parts={[strong]} />
        </li>
        <li>
          <Trans k="about.disagree" parts={[strong]} />
        </li>
      </ul>

      <h2>{t('about.where')}</h2>
      <p>
        <Trans k="about.whereText" parts={[(text) => <a href="/sources">{text}</a>]} />
      </p>

      <h2>{t('about.cite')}</h2>
      <CiteThis />
      <p class="hint">{t('about.citeNote')}</p>

      <h2>{t('about.licences')}</h2>
      <ul>
        <li>
          <Trans
            k="about.licenceData"
            parts={[
              (text) => (
                <a href="https://creativecommons.org/licenses/by/4.0/" rel="external license">
                  {text}
                </a>
              ),
              (text) => (
                <a href="https://www.geonames.org/" rel="external">
                  {text}
                </a>
              ),
            ]}
          />
        </li>
        <li>{t('about.licenceCode')}</li>
        <li>
          <Trans k="about.licenceMaps" parts={[code, code]} />
        </li>
      </ul>

      <h2>{t('about.api')}</h2>
      <p>
        <Trans k="about.apiText" parts={[code, (text) => <a href="/api/openapi.json">{text}</a>, code, (text) => <a href="/projects">{text}</a>]} />
      </p>
      <ul class="downloads-list">
        {downloads.map((d) => (
          <li key={d.href}>
            <a href={d.href} download>
              {d.label()}
            </a>{' '}
            <code>{d.href}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/releases">{t('release.aboutLink')}</a>
      </p>
      {health.data ? <p class="hint">{t('about.server', { engine: health.data.engine, data: health.data.data_version, schema: health.data.schema_version })}</p> : null}
    </article>
  )
}
