/**
 * @module Sources: the "new source" page (/sources/new), a new source recorded from inside another
 * form (the source picker's "New source…"), and changing a recorded one — kind, publisher, title,
 * address, publication date, language, archived copy and notes.
 */
import { t } from '../i18n/i18n.ts'
import { useState } from 'preact/hooks'
import { ApiError, send } from '../api.ts'
import { sourceKindLabel } from '../format.ts'
import { navigate } from '../router.ts'
import { canEdit, useSession } from '../session.ts'
import type { SourceCreateBody, SourceDetail, SourcePatchBody, WriteResult } from '../types.ts'
import { useTitle } from '../useTitle.ts'
import { sourceKinds } from '../../model/vocab.ts'
import { SaveConflict } from './ConflictView.tsx'
import { CommentField, DateField, EditForm, orNull, SelectField, SubForm, TextArea, TextField } from './form.tsx'
import { suggestId } from './sourceId.ts'
import { useSave } from './useSave.ts'
import { same } from './values.ts'

const kindOptions = () => sourceKinds.values.map((k) => [k, sourceKindLabel(k)] as const)

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
      <SelectField name="kind" label={t('history.field.kind')} required value={v.kind} onChange={(kind) => set({ kind })} options={kindOptions()} />
      <TextField name="publisher" label={t('history.field.publisher')} required value={v.publisher} onInput={(publisher) => set({ publisher })} maxLength={200} hint={t('edit.publisherHint')} />
      <TextField name="title" label={t('history.field.title')} required value={v.title} onInput={(title) => set({ title })} maxLength={500} hint={t('edit.titleHint')} />
      <TextField name="url" label={t('history.field.url')} inputMode="url" value={v.url} onInput={(url) => set({ url })} maxLength={2000} placeholder="https://…" />
      <DateField name="published" label={t('history.field.published')} value={v.published} onInput={(published) => set({ published })} hint={t('edit.publishedHint')} />
      <TextField name="language" label={t('history.field.language')} value={v.language} onInput={(language) => set({ language })} maxLength={12} placeholder="en" hint={t('edit.languageHint')} />
      <TextField name="archived_url" label={t('edit.archivedUrl')} inputMode="url" value={v.archived_url} onInput={(archived_url) => set({ archived_url })} maxLength={2000} placeholder="https://web.archive.org/…" />
      <TextArea name="notes" label={t('history.field.notes')} value={v.notes} onInput={(notes) => set({ notes })} rows={2} maxLength={4000} />
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
      setLocal(new ApiError(400, 'nothing_changed', t('edit.nothingChanged')))
      return
    }
    setLocal(null)
    void save.run(
      () => send<WriteResult>('PATCH', `/api/sources/${encodeURIComponent(base.id)}`, { ...(mine as SourcePatchBody), comment }, { ifMatch: version }),
      (r) => onDone(t('edit.savedVersion', { version: String(r.record.version) })),
    )
  }
  if (save.conflict) {
    return (
      <SaveConflict
        save={save}
        submit={submit}
        what={t('edit.this.source')}
        base={base as unknown as Record<string, unknown>}
        mine={mine}
        onDiscard={() => onDone(t('edit.discarded'))}
      />
    )
  }
  return (
    <EditForm title={t('edit.editSource')} error={local ?? save.error} busy={save.busy} onSubmit={() => submit(base.version)} onCancel={() => onDone()} testId="source-form">
      <SourceFields v={v} set={(patch) => setV({ ...v, ...patch })} />
      <CommentField value={comment} onInput={setComment} />
    </EditForm>
  )
}

/** The id of a new source: suggested from its publisher, date and title until the editor types one; and its field. */
function useSourceId(v: Values) {
  const [id, setId] = useState('')
  const [idEdited, setIdEdited] = useState(false)
  const shownId = idEdited ? id : suggestId(v.publisher, v.published, v.title)
  const idField = (
    <TextField
      name="id"
      label={t('edit.id')}
      required
      value={shownId}
      onInput={(x) => {
        setIdEdited(true)
        setId(x)
      }}
      maxLength={160}
      hint={t('edit.idHint')}
    />
  )
  return { shownId, idField }
}

export function NewSourcePage() {
  useTitle(t('edit.newSource'))
  const { known, user } = useSession()
  const [v, setV] = useState(valuesOf({}))
  const [comment, setComment] = useState('')
  const save = useSave()
  const { shownId, idField } = useSourceId(v)
  if (!known) return null
  if (!canEdit(user)) {
    return (
      <div class="page">
        <h1>{t('edit.newSource')}</h1>
        <p>
          {t('edit.needsEditor')} <a href={`/signin?next=${encodeURIComponent('/sources/new')}`}>{t('session.signIn')}</a>
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
      <nav class="crumbs" aria-label={t('common.breadcrumb')}>
        <a href="/sources">{t('nav.sources')}</a> › <span>{t('edit.newSource')}</span>
      </nav>
      <header class="page-head">
        <h1>{t('edit.newSource')}</h1>
        <p class="lede">{t('edit.newSourceLede')}</p>
      </header>
      <EditForm title={t('edit.theDocument')} error={save.error} busy={save.busy} submitLabel={t('edit.addSource')} onSubmit={submit} onCancel={() => (history.length > 1 ? history.back() : navigate('/sources'))} testId="new-source-form">
        <SourceFields v={v} set={(patch) => setV({ ...v, ...patch })} />
        {idField}
        <CommentField value={comment} onInput={setComment} />
      </EditForm>
    </div>
  )
}

/**
 * A new source recorded without leaving the form it is needed in: POST /api/sources, then
 * `onAdded` with what was saved so the picker can choose it.
 */
export function InlineSourceForm({ onAdded }: { onAdded: (source: { id: string; publisher: string; published: string | null; title: string }) => void }) {
  const [v, setV] = useState(valuesOf({}))
  const [comment, setComment] = useState(t('edit.inlineComment'))
  const save = useSave()
  const { shownId, idField } = useSourceId(v)
  const submit = () => {
    const body = { id: shownId, ...recordOf(v), comment } as SourceCreateBody
    void save.run(
      () => send<WriteResult>('POST', '/api/sources', body),
      (r) => {
        const rec = r.record as { id: string; publisher: string; published: string | null; title: string }
        onAdded({ id: String(rec.id), publisher: rec.publisher, published: rec.published ?? null, title: rec.title })
      },
    )
  }
  return (
    <SubForm title={t('edit.newSourceInlineTitle')} error={save.error} busy={save.busy} actionLabel={t('edit.addAndChoose')} onSubmit={submit} testId="inline-source-form" intro={<p class="hint">{t('edit.newSourceInlineNote')}</p>}>
      <SourceFields v={v} set={(patch) => setV({ ...v, ...patch })} />
      {idField}
      <CommentField value={comment} onInput={setComment} />
    </SubForm>
  )
}
