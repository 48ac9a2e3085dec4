/** @module The key facts of a project (facilities, groundbreaking, opening, visits, sources), shared by the project page and its embed. */
import { eventLabel, fmtDate, num } from '../format.ts'
import { t } from '../i18n/i18n.ts'
import type { ProjectFull } from '../types.ts'
import { Kinds } from './Kinds.tsx'

export function ProjectFacts({ project: p, visits = true }: { project: ProjectFull; visits?: boolean }) {
  return (
    <dl class="facts">
      <div>
        <dt>{t('table.facilities')}</dt>
        <dd>
          <Kinds kinds={p.kinds} />
        </dd>
      </div>
      <div>
        <dt>{t('event.groundbreaking')}</dt>
        <dd>{fmtDate(p.dates.groundbreaking)}</dd>
      </div>
      <div>
        <dt>{p.dates.finished_type ? eventLabel(p.dates.finished_type) : t('table.opened')}</dt>
        <dd>{fmtDate(p.dates.finished)}</dd>
      </div>
      {visits ? (
        <div>
          <dt>{t('project.visits')}</dt>
          <dd>{num(p.dates.leader_visits)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('nav.sources')}</dt>
        <dd>{num(p.sources)}</dd>
      </div>
    </dl>
  )
}
