/**
 * @module One release (/releases/{version}): when it was made, what it holds, its files, and what
 * changed since the release before, in words — per table, records added, changed (each field with
 * its old and new value) and removed.
 */
import { hasMessage, language, t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { fieldLabel, fmtDate, fmtValue, num } from '../format.ts'
import type { List } from '../types.ts'
import { useApi } from '../useApi.ts'
import { useTitle } from '../useTitle.ts'
import { releaseSiteHref } from '../components/AsOfRelease.tsx'
import { useProvinces } from '../useProvinces.ts'
import { changeName, type Hangul } from './releaseNames.ts'
import { Counts, Files, fileHref, pageHref, SinceLine, tableOrder, type ReleaseItem } from './ReleasesParts.tsx'

interface Manifest extends ReleaseItem {
  comment: string | null
  created_at: string
  /** The copy of the site this release keeps (absent in releases made before there were copies, or without a web build). */
  site?: { files: number } | null
}

interface Change {
  op: 'add' | 'change' | 'remove'
  table: string
  id: string
  label: string
  field?: string
  old?: unknown
  new?: unknown
}

/** Records shown per group; the file lists all of them. */
const shown = 200
/** Changes read for the page at most (the API's largest page). */
const readAtMost = 5000

const pagesOf: Record<string, string> = { projects: '/projects/', localities: '/localities/', sources: '/sources/', provinces: '/provinces/' }

function field(name: string): string {
  const key = `history.field.${name}`
  return hasMessage(key) ? t(key) : fieldLabel(name)
}

function value(name: string, v: unknown): string {
  const text = fmtValue(name, v)
  return text.length > 240 ? `${text.slice(0, 237)}…` : text
}

/** A record's name (hangul first in Korean), linked to its page when it still exists there. */
function Record({ c, hangul }: { c: Change; hangul: Hangul }) {
  const base = c.op !== 'remove' ? pagesOf[c.table] : undefined
  const name = changeName(c, hangul)
  return (
    <>
      {base ? <a href={`${base}${encodeURIComponent(c.id)}`}>{name}</a> : <strong>{name}</strong>} <code class="release-id">{c.id}</code>
    </>
  )
}

function Group({ title, items, more }: { title: string; items: preact.ComponentChildren[]; more: number }) {
  if (items.length === 0) return null
  return (
    <section class="release-group">
      <h3>{title}</h3>
      <ul>{items}</ul>
      {more > 0 ? <p class="hint">{t('release.more', { count: more })}</p> : null}
    </section>
  )
}

function TableChanges({ table, changes, hangul }: { table: string; changes: Change[]; hangul: Hangul }) {
  const added = changes.filter((c) => c.op === 'add')
  const removed = changes.filter((c) => c.op === 'remove')
  const changed = new Map<string, Change[]>()
  for (const c of changes) if (c.op === 'change') changed.set(c.id, [...(changed.get(c.id) ?? []), c])
  const changedRecords = [...changed.values()]
  return (
    <section class="release-table">
      <h2>{t(`release.table.${table}`)}</h2>
      <Group
        title={t('release.added', { count: num(added.length) })}
        more={added.length - shown}
        items={added.slice(0, shown).map((c) => (
          <li key={c.id}>
            <Record c={c} hangul={hangul} />
          </li>
        ))}
      />
      <Group
        title={t('release.changed', { count: num(changedRecords.length) })}
        more={changedRecords.length - shown}
        items={changedRecords.slice(0, shown).map((fields) => (
          <li key={fields[0]!.id}>
            <Record c={fields[0]!} hangul={hangul} />
            <ul class="release-fields">
              {fields.map((f) => (
                <li key={f.field}>
                  <span class="release-field">{field(f.field ?? '')}</span>{' '}
                  {/* Values come from the data: shown as text, never passed through a message with tags. */}
                  <del class="release-old">{value(f.field ?? '', f.old)}</del> <span aria-hidden="true">→</span>
                  <span class="visually-hidden">{t('release.to')}</span> <ins class="release-new">{value(f.field ?? '', f.new)}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
      />
      <Group
        title={t('release.removed', { count: num(removed.length) })}
        more={removed.length - shown}
        items={removed.slice(0, shown).map((c) => (
          <li key={c.id}>
            <Record c={c} hangul={hangul} />
          </li>
        ))}
      />
    </section>
  )
}

function ChangeList({ version }: { version: string }) {
  const list = useApi<List<Change>>(`/api/releases/${encodeURIComponent(version)}/changes?limit=${readAtMost}`)
  // In Korean, places are named in hangul: the gazetteer (and the provinces) give the names.
  const korean = language() === 'ko'
  const gazetteer = useApi<List<{ id: string; hangul: string | null }>>(korean ? '/api/localities?limit=1000' : null)
  useProvinces(korean)
  const hangul: Hangul = new Map((gazetteer.data?.items ?? []).flatMap((l) => (l.hangul ? [[l.id, l.hangul] as const] : [])))
  if (korean && gazetteer.loading) return <Loading what="release.whatChanges" />
  if (list.error) return <ErrorNotice error={list.error} what="release.whatChanges" />
  if (!list.data) return <Loading what="release.whatChanges" />
  const all = list.data.items
  if (all.length === 0) return <p class="empty">{t('release.nothing')}</p>
  return (
    <>
      {tableOrder.map((table) => {
        const mine = all.filter((c) => c.table === table)
        return mine.length ? <TableChanges key={table} table={table} changes={mine} hangul={hangul} /> : null
      })}
      {list.data.total > all.length ? (
        <p class="hint">
          <Trans k="release.truncated" values={{ shown: num(all.length), total: num(list.data.total) }} parts={[(text) => <a href={fileHref(version, 'changes.jsonl')}>{text}</a>]} />
        </p>
      ) : null}
    </>
  )
}

export default function ReleasesChanges({ version }: { version: string }) {
  const manifest = useApi<Manifest>(`/api/releases/${encodeURIComponent(version)}`)
  useTitle(t('release.version', { version }))
  if (manifest.error) return <ErrorNotice error={manifest.error} what="release.whatOne" />
  if (!manifest.data) return <Loading what="release.whatOne" />
  const r = manifest.data
  return (
    <article class="page release">
      <p class="crumbs">
        <a href="/releases">{t('release.all')}</a>
      </p>
      <header class="page-head">
        <h1>{t('release.version', { version: r.version })}</h1>
        <p class="lede">{t('release.meta', { date: fmtDate(r.date), data: r.data_version })}</p>
      </header>
      {r.site ? (
        <p class="release-site">
          <a href={releaseSiteHref(r.version)} rel="external" data-testid="release-site">
            {t('release.openSite')}
          </a>{' '}
          <span class="hint">{t('release.siteHint')}</span>
        </p>
      ) : null}
      {r.comment ? <p class="release-comment">{r.comment}</p> : null}
      {r.previous ? (
        <p>
          <Trans k="release.previous" values={{ version: r.previous }} parts={[(text) => <a href={pageHref(r.previous!)}>{text}</a>]} />
        </p>
      ) : null}
      <h2>{t('release.whatChanged')}</h2>
      <SinceLine r={r} />
      {r.previous === null ? (
        <p class="hint">
          <Trans k="release.firstHint" parts={[(text) => <a href={fileHref(r.version, 'changes.jsonl')}>{text}</a>]} />
        </p>
      ) : (
        <ChangeList version={r.version} />
      )}
      <h2>{t('release.holds')}</h2>
      <Counts counts={r.counts} />
      <h2>{t('release.files')}</h2>
      <Files version={r.version} />
      <p class="hint">
        <Trans k="release.checksums" parts={[(text) => <code>{text}</code>]} />
      </p>
    </article>
  )
}
