/**
 * @module The Review page (/review, editors): the proposals waiting for review grouped by the
 * report they came from; for the chosen report its text with each proposal's evidence marked,
 * and each proposal beside the record with Accept, Edit then accept, Reject, and "Accept all
 * confirms from this report". Keys: j/k next/previous, a accept, e edit, r reject. After a
 * decision the next waiting proposal is selected.
 */
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, dataChanged } from '../api.ts'
import { eventLabel, fmtDate } from '../format.ts'
import { ErrorNotice, Loading } from '../components/Notice.tsx'
import { navigate, useSearchParams } from '../router.ts'
import { canEdit, useSession } from '../session.ts'
import { useProvinces } from '../useProvinces.ts'
import { useTitle } from '../useTitle.ts'
import { AcceptForm, type FormProblem } from '../review/AcceptForm.tsx'
import { Article } from '../review/Article.tsx'
import { ProposalCard } from '../review/ProposalCard.tsx'
import { RejectForm } from '../review/RejectForm.tsx'
import { acceptAllConfirms, acceptProposal, explain, listLimit, noReason, pendingList, proposalDetail, rejectProposal, sourceList, type AmendmentBody, type ProposalDetail, type ProposalView } from '../review/reviewApi.ts'
import { usePlaces } from '../review/usePlaces.ts'
import '../review/review.css'

type Mode = 'idle' | 'edit' | 'reject'

interface Loaded {
  pending: ProposalView[]
  total: number
  source: string | null
  items: ProposalView[]
  details: Record<number, ProposalDetail>
  selected: number | null
}

interface Target {
  source?: string | null
  select?: number | null
  /** After a decision on `id`: the next waiting proposal in `order` (staying with the report while it has some). */
  after?: { id: number; order: number[]; source: string }
}

/** Reads the queue, the chosen report's proposals (every state) and their details. */
async function read(target: Target): Promise<Loaded> {
  const list = await pendingList()
  const pending = list.items
  const waiting = new Set(pending.map((p) => p.id))
  let select = target.select ?? null
  let source = target.source ?? null
  if (target.after) {
    const { id, order, source: was } = target.after
    const rest = order.slice(order.indexOf(id) + 1).concat(order.slice(0, Math.max(0, order.indexOf(id))))
    const same = rest.find((x) => waiting.has(x) && pending.find((p) => p.id === x)?.report_id === was)
    select = same ?? rest.find((x) => waiting.has(x)) ?? pending[0]?.id ?? null
    source = select !== null ? pending.find((p) => p.id === select)!.report_id : was
  }
  if (!source) source = (select !== null ? pending.find((p) => p.id === select)?.report_id : undefined) ?? pending[0]?.report_id ?? null
  const items = source ? (await sourceList(source)).items : []
  if (select === null || !items.some((p) => p.id === select)) select = items.find((p) => p.state === 'pending')?.id ?? items[0]?.id ?? null
  const details: Record<number, ProposalDetail> = {}
  for (const d of await Promise.all(items.map((p) => proposalDetail(p.id)))) details[d.id] = d
  return { pending, total: list.total, source, items, details, selected: select }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
}

function SignInPrompt({ viewer }: { viewer: string | null }) {
  return (
    <div class="page review">
      <header class="page-head">
        <h1>{t('nav.review')}</h1>
      </header>
      <div class="panel review-signin" data-testid="review-signin">
        {viewer ? (
          <p>{t('review.viewer', { viewer })}</p>
        ) : (
          <>
            <p>{t('review.signInText')}</p>
            <p>
              <a class="button-link" href="/signin?next=%2Freview">
                {t('session.signIn')}
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  )
}

export default function Review() {
  useTitle(t('nav.review'))
  const { known, user } = useSession()
  const editor = canEdit(user)
  const params = useSearchParams()
  const places = usePlaces()
  const { names: provinceNames } = useProvinces()
  const provinces = (id: string) => provinceNames[id] ?? id
  const [state, setState] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [mode, setMode] = useState<Mode>('idle')
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const article = useRef<HTMLDivElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const initialSource = useRef(params.get('source'))

  const load = async (target: Target, focus = false) => {
    try {
      const next = await read(target)
      setState(next)
      setLoadError(null)
      setMode('idle')
      setProblem(null)
      if (next.source && next.source !== new URLSearchParams(window.location.search).get('source')) navigate(`/review?source=${encodeURIComponent(next.source)}`, { replace: true })
      if (focus && next.selected !== null) setTimeout(() => focusCard(next.selected!), 0)
    } catch (error) {
      setLoadError(error instanceof ApiError ? error : new ApiError(0, 'network', String((error as Error)?.message ?? error)))
    }
  }

  useEffect(() => {
    if (editor) void load({ source: initialSource.current })
  }, [editor])

  const selectedProposal = state?.items.find((p) => p.id === state.selected) ?? null
  const order = state?.pending.map((p) => p.id) ?? []

  const focusCard = (id: number) => {
    const card = list.current?.querySelector<HTMLElement>(`[data-proposal="${id}"]`)
    if (!card) return
    card.focus({ preventScroll: true })
    card.scrollIntoView({ block: 'nearest' })
  }

  /** Scrolls the article to the proposal's evidence: inside the article box when it scrolls by itself, the page only when asked. */
  const showEvidence = (id: number, page: boolean) => {
    const box = article.current
    const mark = box?.querySelector<HTMLElement>(`mark[data-starts~="${id}"]`)
    if (!box || !mark) return
    const scrolls = getComputedStyle(box).overflowY === 'auto' && box.scrollHeight > box.clientHeight
    if (scrolls) box.scrollTo({ top: Math.max(0, mark.offsetTop - box.clientHeight / 3) })
    else if (page) mark.scrollIntoView({ block: 'center' })
  }

  const select = (id: number, opts: { focus?: boolean; page?: boolean } = {}) => {
    if (!state) return
    setMode('idle')
    setProblem(null)
    if (state.items.some((p) => p.id === id)) {
      setState({ ...state, selected: id })
      setTimeout(() => {
        showEvidence(id, opts.page ?? false)
        if (opts.focus) focusCard(id)
      }, 0)
      return
    }
    const source = state.pending.find((p) => p.id === id)?.report_id
    if (source) void load({ source, select: id }, opts.focus)
  }

  const move = (step: 1 | -1) => {
    if (!state || order.length === 0) return
    const at = state.selected === null ? -1 : order.indexOf(state.selected)
    const next = at < 0 ? (step === 1 ? order[0] : order[order.length - 1]) : order[(at + step + order.length) % order.length]
    if (next !== undefined) select(next, { focus: true })
  }

  const decided = async (p: ProposalView, message: string) => {
    setStatus(message)
    dataChanged()
    await load({ after: { id: p.id, order, source: p.report_id } }, true)
  }

  const accept = async (p: ProposalView, amendment?: AmendmentBody) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await acceptProposal(p.id, amendment)
      await decided(p, t('review.accepted', { what: describe(p) }))
    } catch (error) {
      const message = explain('review.act.accept', error)
      const field = error instanceof ApiError ? (error.details[0]?.path?.replace(/^body\./, '') as FormProblem['field']) : null
      if (error instanceof ApiError && [404, 409, 412].includes(error.status)) await load({ source: p.report_id, select: p.id })
      if (mode === 'edit' || (error instanceof ApiError && error.status === 400)) {
        setMode('edit')
        setProblem({ field: ['type', 'locality', 'date', 'kinds'].includes(field ?? '') ? field : null, message })
      } else setStatus(message)
    } finally {
      setBusy(false)
    }
  }

  const reject = async (p: ProposalView, reason: string) => {
    if (busy) return
    setBusy(true)
    try {
      await rejectProposal(p.id, reason || noReason)
      await decided(p, t('review.rejected', { what: describe(p) }))
    } catch (error) {
      setStatus(explain('review.act.reject', error))
      if (error instanceof ApiError && [404, 409].includes(error.status)) await load({ source: p.report_id, select: p.id })
    } finally {
      setBusy(false)
    }
  }

  const acceptConfirms = async () => {
    if (!state?.source || busy) return
    setBusy(true)
    const last = state.items.filter((p) => p.state === 'pending' && p.match.kind === 'confirms').at(-1)
    try {
      const out = await acceptAllConfirms(state.source)
      const n = out.accepted.length
      setStatus(n === 0 ? t('review.nothingToAccept') : t('review.acceptedConfirms', { count: n }))
      dataChanged()
      await load(last ? { after: { id: last.id, order, source: state.source } } : { source: state.source }, true)
    } catch (error) {
      setStatus(explain('review.act.confirms', error))
      await load({ source: state.source })
    } finally {
      setBusy(false)
    }
  }

  const describe = (p: ProposalView) =>
    t(p.event.date ? 'review.describeDate' : 'review.describe', {
      event: eventLabel(p.event.type).toLowerCase(),
      place: p.event.locality ? places.name(p.event.locality) : t('review.unclearPlace'),
      date: p.event.date ? fmtDate(p.event.date) : '',
    })

  // The listener is added once and calls the latest render's handler: a key pressed before an effect
  // re-ran would otherwise act on the selection as it was one render ago (j then k, quickly).
  const onKey = useRef<(ev: KeyboardEvent) => void>(() => {})
  onKey.current = (ev: KeyboardEvent) => {
    if (!editor || ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target) || busy) return
    if (mode !== 'idle') return
    const p = selectedProposal
    const key = ev.key
    if (key === 'j') move(1)
    else if (key === 'k') move(-1)
    else if (p && p.state === 'pending' && key === 'a') {
      if (!p.event.locality || !p.event.date || (p.match.kind === 'new_project' && p.event.kinds.length === 0)) {
        setMode('edit')
        setProblem({ field: p.event.locality ? (p.event.date ? 'kinds' : 'date') : 'locality', message: t('review.needsCorrection') })
      } else void accept(p)
    } else if (p && p.state === 'pending' && key === 'e') setMode('edit')
    else if (p && p.state === 'pending' && key === 'r') setMode('reject')
    else return
    ev.preventDefault()
  }
  useEffect(() => {
    const listener = (ev: KeyboardEvent) => onKey.current(ev)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])

  if (!known) return <Loading what="what.session" />
  if (!editor) return <SignInPrompt viewer={user ? user.name : null} />
  if (loadError && !state) return <ErrorNotice error={{ status: loadError.status, message: explain('review.act.read', loadError).replace(t('review.err.prefix', { action: t('review.act.read') }), '') }} what="what.reviewQueue" />
  if (!state) return <Loading what="what.reviewQueue" />

  const groups = new Map<string, ProposalView[]>()
  for (const p of state.pending) groups.set(p.report_id, [...(groups.get(p.report_id) ?? []), p])
  const report = state.items[0]?.report ?? null
  const text = state.selected !== null ? state.details[state.selected]?.report_text : Object.values(state.details)[0]?.report_text
  const confirms = state.items.filter((p) => p.state === 'pending' && p.match.kind === 'confirms').length
  const waitingHere = state.items.filter((p) => p.state === 'pending').length

  return (
    <div class="page review">
      <header class="page-head">
        <h1>{t('nav.review')}</h1>
        <p class="lede">{t('review.lede')}</p>
        <p class="review-keys" data-testid="review-keys">
          <Trans k="review.keys" parts={['j', 'k', 'a', 'e', 'r', 'Esc'].map((key) => () => <kbd>{key}</kbd>)} />
        </p>
      </header>
      <p class="review-status" role="status" aria-live="polite" data-testid="review-status">
        {status}
      </p>
      {loadError ? (
        <p class="form-error" role="alert">
          {explain('review.act.reread', loadError)}
        </p>
      ) : null}

      {state.pending.length === 0 && state.items.length === 0 ? (
        <p class="empty" data-testid="review-empty">
          <Trans k="review.empty" parts={[(text) => <code>{text}</code>, (text) => <code>{text}</code>]} />
        </p>
      ) : (
        <>
          <section class="review-sources" aria-labelledby="review-sources-title">
            <h2 id="review-sources-title">
              {t('review.waitingFrom', { proposals: t('review.proposals', { count: state.total }), reports: t('review.reports', { count: groups.size }) })}
              {state.total > listLimit ? t('review.firstShown', { limit: listLimit }) : ''}
            </h2>
            <ul class="source-choices">
              {[...groups.entries()].map(([id, ps]) => {
                const r = ps[0]!.report
                return (
                  <li key={id}>
                    <button type="button" class="source-choice" title={r.title ?? r.url ?? id} aria-current={id === state.source ? 'true' : undefined} onClick={() => void load({ source: id })}>
                      <span class="source-choice-title">{r.title ?? r.url ?? id}</span>
                      <span class="source-choice-meta">
                        {[r.publisher, r.published ? fmtDate(r.published) : null].filter(Boolean).join(' · ')} · {t('review.nWaiting', { count: ps.length })}
                      </span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>

          <div class="review-layout">
            <section class="review-proposals" aria-labelledby="review-report-title">
              <header class="review-report">
                <h2 id="review-report-title">{report?.title ?? report?.url ?? state.source}</h2>
                {report ? (
                  <p class="subtitle">
                    {[report.publisher, report.published ? t('review.publishedOn', { date: fmtDate(report.published) }) : null, report.language && report.language !== 'und' ? t('review.languageIs', { language: report.language }) : null].filter(Boolean).join(' · ')}
                    {report.url ? (
                      <>
                        {' · '}
                        <a href={report.url} rel="external noopener noreferrer" target="_blank" class="url">
                          {t('review.theArticle')}
                        </a>
                      </>
                    ) : null}
                  </p>
                ) : null}
                <p class="review-report-count">{waitingHere === 0 ? t('review.allReviewed') : t('review.hereWaiting', { n: waitingHere, total: state.items.length })}</p>
                {confirms > 0 ? (
                  <p class="form-actions">
                    <button type="button" class="confirm-all" data-testid="accept-confirms" disabled={busy} onClick={() => void acceptConfirms()}>
                      {t('review.acceptAll', { count: confirms })}
                    </button>
                  </p>
                ) : null}
              </header>
              <ol class="proposals" ref={list}>
                {state.items.map((p) => (
                  <ProposalCard
                    key={p.id}
                    p={p}
                    detail={state.details[p.id]}
                    selected={p.id === state.selected}
                    places={places}
                    provinces={provinces}
                    busy={busy}
                    onSelect={() => select(p.id)}
                    onShowEvidence={() => select(p.id, { page: true })}
                    onAccept={() => void accept(p)}
                    onEdit={() => {
                      if (p.id !== state.selected) select(p.id)
                      setTimeout(() => setMode('edit'), 0)
                    }}
                    onReject={() => {
                      if (p.id !== state.selected) select(p.id)
                      setTimeout(() => setMode('reject'), 0)
                    }}
                  >
                    {p.id === state.selected && mode === 'edit' ? (
                      <AcceptForm
                        proposal={p}
                        places={places}
                        busy={busy}
                        error={problem}
                        onSubmit={(amendment) => void accept(p, amendment)}
                        onCancel={() => {
                          setMode('idle')
                          setProblem(null)
                          focusCard(p.id)
                        }}
                      />
                    ) : null}
                    {p.id === state.selected && mode === 'reject' ? (
                      <RejectForm
                        id={p.id}
                        busy={busy}
                        onSubmit={(reason) => void reject(p, reason)}
                        onCancel={() => {
                          setMode('idle')
                          focusCard(p.id)
                        }}
                      />
                    ) : null}
                  </ProposalCard>
                ))}
              </ol>
            </section>
            <section class="review-article" aria-labelledby="review-article-title">
              <h2 id="review-article-title">{t('review.theReport')}</h2>
              {text !== undefined ? (
                <Article
                  text={text}
                  spans={state.items.map((p) => ({ id: p.id, evidence: p.event.evidence, start: p.event.evidence_start, end: p.event.evidence_end }))}
                  selected={state.selected}
                  onPick={(id) => select(id, { focus: true })}
                  boxRef={article}
                />
              ) : (
                <Loading what="what.report" />
              )}
            </section>
          </div>
        </>
      )}
    </div>
  )
}
