/**
 * @module Sources: the "new source" page (/sources/new) and changing a recorded one — kind,
 * publisher, title, address, publication date, language, archived copy and notes.
 */
import { useState } from 'preact/hooks'
import { ApiError, send } from '../api.ts'
import { sourceKindLabel } from '../format.ts'
import { navigate } from '../router.ts'
import { canEdit, useSession } from '../session.ts'
import type { SourceCreateBody, SourceDetail, SourcePatchBody, WriteResult } from '../types.ts'
import { useTitle } from '../useTitle.ts'
import { sourceKinds } from '../../model/vocab.ts'
import { SaveConflict } from './ConflictView.tsx'
import { CommentField, DateField, EditForm, orNull, SelectField, TextArea, TextField } from './form.tsx'
import { suggestId } from './sourceId.ts'
import { useSave } from './useSave.ts'
import { same } from './values.ts'

const kindOptions = sourceKinds.values.map((k) => [k, sourceKindLabel(k)] as const)

interface Values {
  kind: string
  publisher: string
  title: string
  url: string
  published: string
  language: string
  archived_url: string
  notes: string
}

function SourceFields({ v, set }: { v: Values; set: (patch: Partial<Values>) => void }) {
  return (
    <>
      <SelectField name="kind" label="Kind" required value={v.kind} onChange={(kind) => set({ kind })} options={kindOptions} />
      <TextField name="publisher" label="Publisher" required value={v.publisher} onInput={(publisher) => set({ publisher })} maxLength={200} hint="E.g. KCNA, Rodong Sinmun, 38 North." />
      <TextField name="title" label="Title" required value={v.title} onInput={(title) => set({ title })} maxLength={500} hint="As published, in its own language." />
      <TextField name="url" label="Address (URL)" inputMode="url" value={v.url} onInput={(url) => set({ url })} maxLength={2000} placeholder="https://…" />
      <DateField name="published" label="Published" value={v.published} onInput={(published) => set({ published })} hint="As precise as known: 2025, 2025-02 or 2025-02-14." />
      <TextField name="language" label="Language" value={v.language} onInput={(language) => set({ language })} maxLength={12} placeholder="en" hint="A language code: en, ko, de…" />
      <TextField name="archived_url" label="Archived copy (URL)" inputMode="url" value={v.archived_url} onInput={(archived_url) => set({ archived_url })} maxLength={2000} placeholder="https://web.archive.org/…" />
      <TextArea name="notes" label="Notes" value={v.notes} onInput={(notes) => set({ notes })} rows={2} maxLength={4000} />
    </>
  )
}

function valuesOf(s: Partial<SourceDetail>): Values {
  return {
    kind: s.kind ?? 'state_media',
    publisher: s.publisher ?? '',
    title: s.title ?? '',
    url: s.url ?? '',
    published: s.published ?? '',
    language: s.language ?? '',
    archived_url: s.archived_url ?? '',
    notes: s.notes ?? '',
  }
}

function recordOf(v: Values) {
  return {
    kind: v.kind,
    publisher: v.publisher.trim(),
    title: v.title.trim(),
    url: orNull(v.url),
    published: orNull(v.published),
    language: orNull(v.language),
    archived_url: orNull(v.archived_url),
    notes: orNull(v.notes),
  }
}

export function SourceEditForm({ source, onDone }: { source: SourceDetail; onDone: (message?: string) => void }) {
  const [base] = useState(source)
  const [v, setV] = useState(valuesOf(source))
  const [comment, setComment] = useState('')
  const [local, setLocal] = useState<ApiError | null>(null)
  const save = useSave()
  const next = recordOf(v)
  const mine: Record<string, unknown> = {}
  for (const [k, value] of Object.entries(next)) if (!same(value, (base as unknown as Record<string, unknown>)[k])) mine[k] = value
  const submit = (version: number) => {
    if (Object.keys(mine).length === 0) {
      setLocal(new ApiError(400, 'nothing_changed', 'nothing to save yet: change a field first'))
      return
    }
    setLocal(null)
    void save.run(
      () => send<WriteResult>('PATCH', `/api/sources/${encodeURIComponent(base.id)}`, { ...(mine as SourcePatchBody), comment }, { ifMatch: version }),
      (r) => onDone(`Saved: version ${String(r.record.version)}`),
    )
  }
  if (save.conflict) {
    return (
      <SaveConflict
        save={save}
        submit={submit}
        what="this source"
        base={base as unknown as Record<string, unknown>}
        mine={mine}
        onDiscard={() => onDone('Your change was discarded')}
      />
    )
  }
  return (
    <EditForm title="Edit source" error={local ?? save.error} busy={save.busy} onSubmit={() => submit(base.version)} onCancel={() => onDone()} testId="source-form">
      <SourceFields v={v} set={(patch) => setV({ ...v, ...patch })} />
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}

export function NewSourcePage() {
  useTitle('New source')
  const { known, user } = useSession()
  const [v, setV] = useState(valuesOf({}))
  const [id, setId] = useState('')
  const [idEdited, setIdEdited] = useState(false)
  const [comment, setComment] = useState('')
  const save = useSave()
  const shownId = idEdited ? id : suggestId(v.publisher, v.published, v.title)
  if (!known) return null
  if (!canEdit(user)) {
    return (
      <div class="page">
        <h1>New source</h1>
        <p>
          Adding sources needs an editor account. <a href={`/signin?next=${encodeURIComponent('/sources/new')}`}>Sign in</a>
        </p>
      </div>
    )
  }
  const submit = () => {
    const body = { id: shownId, ...recordOf(v), comment } as SourceCreateBody
    void save.run(
      () => send<WriteResult>('POST', '/api/sources', body),
      (r) => navigate(`/sources/${encodeURIComponent(String(r.record.id))}`),
    )
  }
  return (
    <div class="page new-source">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/sources">Sources</a> › <span>New source</span>
      </nav>
      <header class="page-head">
        <h1>New source</h1>
        <p class="lede">Record a document once; then cite it for every fact it supports.</p>
      </header>
      <EditForm title="The document" error={save.error} busy={save.busy} submitLabel="Add source" onSubmit={submit} onCancel={() => (history.length > 1 ? history.back() : navigate('/sources'))} testId="new-source-form">
        <SourceFields v={v} set={(patch) => setV({ ...v, ...patch })} />
        <TextField
          name="id"
          label="Id"
          required
          value={shownId}
          onInput={(x) => {
            setIdEdited(true)
            setId(x)
          }}
          maxLength={160}
          hint="How the data cites it: lower-case letters, digits, “-” and “.”; made from publisher, date and title unless you change it."
        />
        <CommentField value={comment} onInput={setComment} />
      </EditForm>
    </div>
  )
}
