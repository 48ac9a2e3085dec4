/**
 * @module `tracker review list|show|accept|reject|accept-confirms`: the review queue from the
 * command line, through the same operations as the API (service/review.ts): accepting writes the
 * source, the event or claims and the quote in one transaction with revisions citing the proposal.
 * Like `tracker import`, it acts as `cli` (whoever may open the data directory), or as the editor
 * named with `--as`.
 */
import { Option, type Command } from 'commander'
import { ForbiddenError, InvalidInputError } from '../../model/errors.ts'
import { matchKinds } from '../../model/match.ts'
import type { ProposalView } from '../../service/review.ts'
import type { Tracker } from '../../service/tracker.ts'
import { print, printJson, table } from '../io.ts'
import { withTracker } from '../session.ts'

/** The queue's operations, loaded when a review command runs (not for `tracker --help`). */
const queue = () => import('../../service/review.ts')

/** The name decisions are recorded under: `cli`, or an enabled editor or admin named with --as. */
export async function editorName(tracker: Tracker, as: string | undefined): Promise<string> {
  if (as === undefined) return 'cli'
  const { userByName } = await import('../../store/accounts.ts')
  const user = await userByName(tracker.store.db, as)
  if (!user) throw new InvalidInputError(`--as: no user "${as}" (see \`tracker user list\`)`)
  if (user.disabled) throw new ForbiddenError(`--as: user "${as}" is disabled`)
  if (user.role !== 'editor' && user.role !== 'admin') throw new ForbiddenError(`--as: "${as}" is a ${user.role}; reviewing needs an editor`)
  return user.name
}

function proposalId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new InvalidInputError(`"${raw}" is not a proposal id (a number, as \`tracker review list\` shows)`)
  return Number(raw)
}

const editable: Record<string, (v: string) => unknown> = {
  locality: (v) => v,
  date: (v) => v,
  type: (v) => v,
  kinds: (v) => v.split(',').map((k) => k.trim()).filter(Boolean),
  year: (v) => (/^\d{4}$/.test(v) ? Number(v) : v),
  leader_present: (v) => (v === 'true' ? true : v === 'false' ? false : v),
  counted: (v) => (v === 'true' ? true : v === 'false' ? false : v),
  counted_reason: (v) => v,
}

/** `--edit field=value` pairs as the amendment the API takes. */
export function amendmentOf(edits: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const e of edits) {
    const eq = e.indexOf('=')
    const field = eq > 0 ? e.slice(0, eq).trim() : ''
    if (!field) throw new InvalidInputError(`--edit: "${e}" is not field=value (fields: ${Object.keys(editable).join(', ')})`)
    const parse = editable[field]
    if (!parse) throw new InvalidInputError(`--edit: unknown field "${field}" (fields: ${Object.keys(editable).join(', ')})`)
    out[field] = parse(e.slice(eq + 1).trim())
  }
  return out
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

function line(p: ProposalView): (string | number)[] {
  const e = p.event
  return [p.id, p.state, p.match.kind, e.type, e.locality ?? `? ${e.candidates.join('/')}`, e.date ?? '—', p.report.publisher ?? p.report.url ?? p.report_id]
}

export function registerReview(program: Command): void {
  const review = program.command('review').description('The review queue: list, show, accept (maybe amended) or reject the proposals the intake read from reports.')
  review.addHelpText(
    'after',
    `
Examples:
  tracker review list                       # pending proposals
  tracker review show 12
  tracker review accept 12 --edit locality=south-pyongan.unsan --edit date=2025-02-28
  tracker review reject 13 --reason "a foreign county of the same name"
  tracker review accept-confirms r-0123456789abcdef`,
  )

  review
    .command('list')
    .description('List proposals (pending by default), each matched against the record as it is now.')
    .addOption(new Option('--state <state>', 'pending, accepted, rejected or all').choices(['pending', 'accepted', 'rejected', 'all']).default('pending'))
    .addOption(new Option('--match <kind>', 'only this match').choices([...matchKinds]))
    .option('--source <id>', 'only proposals from this report or source')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print {items, total} as JSON')
    .action(async (opts: { state: string; match?: string; source?: string; limit: string; json?: boolean }) => {
      if (!/^\d{1,6}$/.test(opts.limit)) throw new InvalidInputError(`--limit: "${opts.limit}" is not a number`)
      await withTracker('review', async (tracker) => {
        const out = await (await queue()).listProposals(tracker, {
          ...(opts.state !== 'all' ? { state: [opts.state as 'pending'] } : {}),
          ...(opts.match ? { match: [opts.match as 'new'] } : {}),
          ...(opts.source ? { source: [opts.source] } : {}),
          limit: Number(opts.limit),
          offset: 0,
        })
        if (opts.json) return printJson(out)
        if (out.total === 0) return print(`no ${opts.state === 'all' ? '' : `${opts.state} `}proposals`)
        print(table([['id', 'state', 'match', 'type', 'locality', 'date', 'source'], ...out.items.map(line)], ['r']))
        if (out.total > out.items.length) print(`… ${out.total - out.items.length} more (--limit)`)
      })
    })

  review
    .command('show')
    .description('One proposal: its fields, the evidence, the match and the record it is matched against.')
    .argument('<id>', 'proposal id')
    .option('--json', 'print it as JSON (with the report text)')
    .action(async (raw: string, opts: { json?: boolean }) => {
      const id = proposalId(raw)
      await withTracker('review', async (tracker) => {
        const p = await (await queue()).getProposal(tracker, id)
        if (opts.json) return printJson(p)
        const e = p.event
        print(`proposal ${p.id} · ${p.state}${p.decided_by ? ` by ${p.decided_by}` : ''}${p.reason ? ` (${p.reason})` : ''}`)
        print(`match: ${p.match.kind}${p.match.project_id ? ` · project ${p.match.project_id}` : ''}${p.match.event_id ? ` · event ${p.match.event_id}` : ''}`)
        print(`${e.type} · ${e.locality ?? `ambiguous: ${e.candidates.join(', ')}`}${e.province ? ` (${e.province})` : ''} · ${e.date ?? 'no date'}${e.date_precision ? ` [${e.date_precision}]` : ''}${e.leader_present ? ' · leader present' : ''}${e.kinds.length ? ` · ${e.kinds.join(', ')}` : ''} · confidence ${e.confidence.toFixed(2)}`)
        print(`report ${p.report_id}: ${p.report.publisher ?? 'unknown publisher'} · ${p.report.published ?? 'no date'}${p.report.url ? ` · ${p.report.url}` : ''}`)
        print(`evidence: "${e.evidence}"`)
        for (const c of p.record.claims) print(`  record: ${String(c.field)} = ${JSON.stringify(c.value)} (${(c.source as { publisher?: string } | null)?.publisher ?? String(c.source_id)})`)
      })
    })

  review
    .command('accept')
    .description('Accept a proposal into the record (source, event or claims, quote), optionally amended.')
    .argument('<id>', 'proposal id')
    .option('-e, --edit <field=value>', `amend a field before accepting (repeatable): ${Object.keys(editable).join(', ')}`, collect, [])
    .option('-m, --comment <text>', 'why (default: a line naming the proposal and its source)')
    .option('--as <user>', 'record the decision in the name of this editor (default: cli)')
    .option('--json', 'print the result as JSON')
    .action(async (raw: string, opts: { edit: string[]; comment?: string; as?: string; json?: boolean }) => {
      const id = proposalId(raw)
      const amendment = { ...amendmentOf(opts.edit), ...(opts.comment ? { comment: opts.comment } : {}) }
      await withTracker('review', async (tracker) => {
        const name = await editorName(tracker, opts.as)
        const out = await (await queue()).acceptProposal(tracker, { name }, id, amendment)
        if (opts.json) return printJson(out)
        print(`accepted proposal ${id} (${out.proposal.match_at_intake.kind}): wrote ${out.records.join(', ') || 'nothing new'} (data version ${out.data_version})`)
      })
    })

  review
    .command('reject')
    .description('Reject a proposal, saying why; nothing reaches the record.')
    .argument('<id>', 'proposal id')
    .requiredOption('-r, --reason <text>', 'why it is rejected')
    .option('--as <user>', 'record the decision in the name of this editor (default: cli)')
    .option('--json', 'print the proposal as JSON')
    .action(async (raw: string, opts: { reason: string; as?: string; json?: boolean }) => {
      const id = proposalId(raw)
      await withTracker('review', async (tracker) => {
        const name = await editorName(tracker, opts.as)
        const out = await (await queue()).rejectProposal(tracker, { name }, id, opts.reason)
        if (opts.json) return printJson(out)
        print(`rejected proposal ${id}: ${out.reason}`)
      })
    })

  review
    .command('accept-confirms')
    .description('Accept, in one step, every pending proposal of one report or source that confirms the record.')
    .argument('<source>', 'report id (r-…) or source id')
    .option('-m, --comment <text>', 'why')
    .option('--as <user>', 'record the decision in the name of this editor (default: cli)')
    .option('--json', 'print the result as JSON')
    .action(async (source: string, opts: { comment?: string; as?: string; json?: boolean }) => {
      await withTracker('review', async (tracker) => {
        const name = await editorName(tracker, opts.as)
        const out = await (await queue()).acceptConfirms(tracker, { name }, source, opts.comment)
        if (opts.json) return printJson(out)
        print(out.accepted.length ? `accepted ${out.accepted.length} confirming proposal(s): ${out.accepted.join(', ')}; ${out.skipped} left pending` : `no proposal of ${source} confirms the record; ${out.skipped} left pending`)
      })
    })
}
