/**
 * @module The editing controls the pages show to editors (loaded on demand, so readers never
 * download them): the project's and the source's tool rows, per-event and per-claim controls,
 * the restore panel of a deleted record, and the "new source" page.
 */
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
    const l = () => tick((t) => t + 1)
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
        label="Edit this project"
        items={[
          { key: 'edit', label: 'Edit project', render: (close) => <ProjectForm project={project} onDone={close} /> },
          { key: 'event', label: 'Add event', render: (close) => <EventAddForm project={project} onDone={close} /> },
          { key: 'claim', label: 'Add claim', render: (close) => <ClaimAddForm project={project} onDone={close} /> },
          {
            key: 'delete',
            label: 'Delete project',
            danger: true,
            render: (close) => (
              <DeleteForm
                entity="projects"
                record={project as unknown as { id: string; version: number }}
                what="this project"
                note="The project goes with its events and claims; nothing is lost, and it can be restored with them."
                onDone={close}
              />
            ),
          },
        ]}
      />
      {deleted.map((d) => (
        <div class="deleted-note" key={d.id}>
          <p>You deleted the event {d.label}.</p>
          <Tools
            compact
            label={`Restore ${d.label}`}
            items={[
              {
                key: 'restore',
                label: 'Restore it…',
                render: (close) => (
                  <RestoreForm
                    entity="events"
                    id={d.id}
                    what={`the event ${d.label}`}
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
      label={`Edit ${eventName(event)}`}
      testId="event-tools"
      items={[
        { key: 'edit', label: 'Change date…', render: (close) => <EventEditForm event={event} onDone={close} /> },
        {
          key: 'delete',
          label: 'Delete event…',
          danger: true,
          render: (close) => (
            <DeleteForm
              entity="events"
              record={event as unknown as { id: string; version: number }}
              what={`the event ${eventName(event)}`}
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
  return <Tools compact label="Claim" items={[{ key: 'prefer', label: 'Prefer this…', render: (close) => <PreferForm claim={claim} names={names} onDone={close} /> }]} />
}

export function SourceTools({ source }: { source: SourceDetail }) {
  return (
    <div class="editing" data-testid="source-tools">
      <Tools
        label="Edit this source"
        items={[
          { key: 'edit', label: 'Edit source', render: (close) => <SourceEditForm source={source} onDone={close} /> },
          {
            key: 'delete',
            label: 'Delete source',
            danger: true,
            render: (close) => (
              <DeleteForm
                entity="sources"
                record={source as unknown as { id: string; version: number }}
                what="this source"
                note="Only a source no claim cites can be deleted: re-cite its claims first. Nothing is lost; it can be restored."
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
  if (!data) return <p class="loading">Loading…</p>
  const last = data.items.find((r) => r.entity_id === id)
  if (!last || last.action !== 'delete') return <>{fallback}</>
  return (
    <div class="page deleted-record" data-testid="deleted-record">
      <h1>This {what} was deleted</h1>
      <p>
        Deleted <time dateTime={last.at}>{fmtTimestamp(last.at)}</time> by <strong>{last.actor}</strong>: <q>{last.comment}</q>. Nothing is lost: it can be restored, with what was deleted along with it.
      </p>
      <Tools label={`Restore this ${what}`} items={[{ key: 'restore', label: `Restore ${what}`, render: (close) => <RestoreForm entity={entity} id={id} what={`this ${what}`} onDone={close} /> }]} />
    </div>
  )
}
