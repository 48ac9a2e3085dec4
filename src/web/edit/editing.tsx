/**
 * @module The editing controls the pages show to editors (loaded on demand, so readers never
 * download them): the project's and the source's tool rows, per-event and per-claim controls,
 * the restore panel of a deleted record, and the "new source" page.
 */
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { eventLabel, fmtTimestamp } from '../format.ts'
import type { Claim, EventRecord, List, ProjectFull, Revision, SourceDetail } from '../types.ts'
import { useApi } from '../useApi.ts'
import { ClaimAddForm, PreferForm } from './ClaimForms.tsx'
import { EventAddForm, EventEditForm } from './EventForms.tsx'
import { DeleteForm, RestoreForm, type Entity } from './LifecycleForms.tsx'
import { ProjectForm } from './ProjectForm.tsx'
import { SourceEditForm } from './SourceForms.tsx'
import { Tools } from './Tools.tsx'

export { NewSourcePage } from './SourceForms.tsx'

/* Events deleted in this visit, so the project's tool row can offer to bring them back. */
interface Deleted {
  id: string
  label: string
}
const deletedEvents = new Map<string, Deleted[]>()
const deletedListeners = new Set<() => void>()
function setDeleted(project: string, list: Deleted[]): void {
  deletedEvents.set(project, list)
  for (const l of deletedListeners) l()
}
function useDeleted(project: string): Deleted[] {
  const [, tick] = useState(0)
  useEffect(() => {
    const l = () => tick((n) => n + 1)
    deletedListeners.add(l)
    return () => void deletedListeners.delete(l)
  }, [])
  return deletedEvents.get(project) ?? []
}

const eventName = (e: Pick<EventRecord, 'type' | 'label'>) => `${eventLabel(e.type)}${e.label ? ` (${e.label})` : ''}`

export function ProjectTools({ project }: { project: ProjectFull }) {
  const deleted = useDeleted(project.id).filter((d) => !project.events.some((e) => e.id === d.id))
  return (
    <div class="editing" data-testid="project-tools">
      <Tools
        label={t('edit.projectTools')}
        items={[
          { key: 'edit', label: t('edit.editProject'), render: (close) => <ProjectForm project={project} onDone={close} /> },
          { key: 'event', label: t('edit.addEvent'), render: (close) => <EventAddForm project={project} onDone={close} /> },
          { key: 'claim', label: t('edit.addClaim'), render: (close) => <ClaimAddForm project={project} onDone={close} /> },
          {
            key: 'delete',
            label: t('edit.deleteProject'),
            danger: true,
            render: (close) => (
              <DeleteForm
                entity="projects"
                record={project as unknown as { id: string; version: number }}
                what={t('edit.this.project')}
                note={t('edit.deleteProjectNote')}
                onDone={close}
              />
            ),
          },
        ]}
      />
      {deleted.map((d) => (
        <div class="deleted-note" key={d.id}>
          <p>{t('edit.deletedEvent', { event: d.label })}</p>
          <Tools
            compact
            label={t('edit.restoreLabel', { what: d.label })}
            items={[
              {
                key: 'restore',
                label: t('edit.restoreIt'),
                render: (close) => (
                  <RestoreForm
                    entity="events"
                    id={d.id}
                    what={t('edit.theEvent', { event: d.label })}
                    onDone={(m) => {
                      close(m)
                      if (m) setDeleted(project.id, (deletedEvents.get(project.id) ?? []).filter((x) => x.id !== d.id))
                    }}
                  />
                ),
              },
            ]}
          />
        </div>
      ))}
    </div>
  )
}

export function EventTools({ project, event }: { project: ProjectFull; event: EventRecord }) {
  return (
    <Tools
      compact
      label={t('edit.editLabel', { what: eventName(event) })}
      testId="event-tools"
      items={[
        { key: 'edit', label: t('edit.changeDate'), render: (close) => <EventEditForm event={event} onDone={close} /> },
        {
          key: 'delete',
          label: t('edit.deleteEvent'),
          danger: true,
          render: (close) => (
            <DeleteForm
              entity="events"
              record={event as unknown as { id: string; version: number }}
              what={t('edit.theEvent', { event: eventName(event) })}
              onDone={close}
              onDeleted={() => setDeleted(project.id, [...(deletedEvents.get(project.id) ?? []), { id: event.id, label: eventName(event) }])}
            />
          ),
        },
      ]}
    />
  )
}

export function PreferClaim({ claim, names }: { claim: Claim; names?: (id: string) => string }) {
  return <Tools compact label={t('edit.claim')} items={[{ key: 'prefer', label: t('edit.preferThis'), render: (close) => <PreferForm claim={claim} names={names} onDone={close} /> }]} />
}

export function SourceTools({ source }: { source: SourceDetail }) {
  return (
    <div class="editing" data-testid="source-tools">
      <Tools
        label={t('edit.sourceTools')}
        items={[
          { key: 'edit', label: t('edit.editSource'), render: (close) => <SourceEditForm source={source} onDone={close} /> },
          {
            key: 'delete',
            label: t('edit.deleteSource'),
            danger: true,
            render: (close) => (
              <DeleteForm
                entity="sources"
                record={source as unknown as { id: string; version: number }}
                what={t('edit.this.source')}
                note={t('edit.deleteSourceNote')}
                onDone={close}
              />
            ),
          },
        ]}
      />
    </div>
  )
}

/** For a record that answers 404: when its history ends with a deletion, say so and offer to restore it. */
export function DeletedRecord({ entity, id, what, fallback }: { entity: Entity; id: string; what: string; fallback: ComponentChildren }) {
  const { data, error } = useApi<List<Revision>>(`/api/${entity}/${encodeURIComponent(id)}/history`)
  if (error) return <>{fallback}</>
  if (!data) return <p class="loading">{t('edit.loading')}</p>
  const last = data.items.find((r) => r.entity_id === id)
  if (!last || last.action !== 'delete') return <>{fallback}</>
  return (
    <div class="page deleted-record" data-testid="deleted-record">
      <h1>{t(`edit.deleted.${what}`)}</h1>
      <p>
        <Trans
          k="edit.deletedText"
          values={{ when: fmtTimestamp(last.at), actor: last.actor, comment: last.comment ?? '' }}
          parts={[(text) => <time dateTime={last.at}>{text}</time>, (text) => <strong>{text}</strong>, (text) => <q>{text}</q>]}
        />
      </p>
      <Tools label={t(`edit.restoreThis.${what}`)} items={[{ key: 'restore', label: t(`edit.restoreWhat.${what}`), render: (close) => <RestoreForm entity={entity} id={id} what={t(`edit.this.${what}`)} onDone={close} /> }]} />
    </div>
  )
}
