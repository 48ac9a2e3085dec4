/**
 * @module Every edit passes the checks of `tracker validate` before it commits: the data as the
 * change leaves it is validated, and an error the data did not have before (a locality counted
 * twice in a year, an event without a source, a completion before the groundbreaking, an event
 * dated after its only source…) refuses the change with the rule's message (409), so the API can
 * never write what `validate` then rejects. Errors already present do not block unrelated edits.
 * One rule is left to `validate`: a year's count differing from its target (year_total), since a
 * correction — uncount one project, count another — passes through such a state between edits.
 * The check is proportional to the write: only the rules the touched records can break are
 * checked again (model/findings.ts), against the findings the last write left.
 */
import type { Transaction } from 'kysely'
import { ConflictError } from '../../model/errors.ts'
import { allFindings, findingsOf, sortFindings, touchedBy, updateFindings, type FindingsState } from '../../model/findings.ts'
import { resolverFor } from '../../model/placeSearch.ts'
import { patchSnapshot } from '../../model/patchSnapshot.ts'
import { buildSnapshot, type Snapshot } from '../../model/snapshot.ts'
import { addedErrors, type Finding } from '../../model/validate.ts'
import { readDataset } from '../../store/loadDataset.ts'
import { batchChanges } from '../../store/batchChanges.ts'
import { lockDataVersion } from '../../store/revisions.ts'
import { dataVersionAndBatch } from '../../store/version.ts'
import type { DB } from '../../store/schema.ts'

/** Rules `validate` reports that do not refuse a single edit (see the module comment). */
const notBlocking = new Set(['year_total'])

/**
 * For tests: also run the full check after every incremental one and fail the write (a plain
 * Error, not a refusal) when they disagree on the findings or on the errors the write adds.
 */
export const integrityOptions = { verifyIncremental: false, verified: 0 }

/** How writes were checked in this process: patched from their snapshot, patched over writes committed since it, or against the whole data read again. */
export const integrityStats = { patched: 0, patchedOver: 0, fullReads: 0 }

/** More records touched since the write's snapshot than this: the whole data is read instead. */
const patchLimit = 50_000

const states = new WeakMap<Snapshot, FindingsState>()

/** The findings of a snapshot, computed in full once (cached per snapshot). */
export function findingsState(snapshot: Snapshot, today: string): FindingsState {
  let f = states.get(snapshot)
  if (!f || f.today !== today) states.set(snapshot, (f = allFindings(snapshot, resolverFor(snapshot), today)))
  return f
}

const keyOf = (f: Finding) => `${f.level}|${f.code}|${f.subject}|${f.message}`
const same = (a: readonly Finding[], b: readonly Finding[]) => JSON.stringify(sortFindings(a).map(keyOf)) === JSON.stringify(sortFindings(b).map(keyOf))

/**
 * Throws ConflictError when the write of `batch` (inside `trx`, not yet committed) adds an
 * error. `before` is the snapshot the write started from; when other writes committed since,
 * their batches (`batchesBetween`, from the read model) are patched in with this one's, and only
 * when one of them is unknown is the whole data read again inside the transaction and checked in
 * full instead. `known` are the findings of `before`'s data when the caller has them (the last
 * write here returned them).
 * Returns the findings of the data as the write leaves it.
 */
export async function checkIntegrity(
  trx: Transaction<DB>,
  before: Snapshot,
  batch: string,
  today: string,
  known: FindingsState | null = null,
  batchesBetween: (from: number, to: number) => string[] | null = () => null,
): Promise<FindingsState> {
  const version = await lockDataVersion(trx)
  let state: FindingsState
  let added: Finding[]
  // Writes committed since `before` whose batches are known: their records are patched in with
  // this write's, as the read model will (at 100× the data, reading everything again inside the
  // transaction took 8–10 s on PostgreSQL, and every concurrent editor then waited for it).
  let since = version === before.version ? [] : batchesBetween(before.version, version)
  if (since === null) {
    // The latest write's NOTIFY may not have arrived yet: the database names its batch.
    const earlier = batchesBetween(before.version, version - 1)
    const latest = earlier && (await dataVersionAndBatch(trx))
    if (earlier && latest && latest.version === version && latest.batch) since = [...earlier, latest.batch]
  }
  // The records of this write (uncommitted, seen inside the transaction) and of those since, as they now stand.
  const changes = since === null ? null : await batchChanges(trx, [...since, batch], patchLimit)
  if (changes) {
    integrityStats[since!.length ? 'patchedOver' : 'patched']++
    // The same patch the read model applies after the commit (records in id order, so findings
    // name their subjects as a validation of the read model's snapshot does).
    const after = patchSnapshot(before, changes, version)
    const start = known && known.today === today ? known : findingsState(before, today)
    const step = updateFindings(start, before, after, touchedBy(changes), resolverFor(after), today)
    if (step) {
      state = step.state
      added = addedErrors(step.before, step.after)
    } else {
      state = allFindings(after, resolverFor(after), today)
      added = addedErrors(findingsOf(start), findingsOf(state))
    }
    if (integrityOptions.verifyIncremental) {
      const full = allFindings(after, resolverFor(after), today)
      const fullAdded = addedErrors(findingsOf(findingsState(before, today)), findingsOf(full))
      if (!same(findingsOf(full), findingsOf(state))) throw new Error(`incremental integrity check: the findings differ from a full check (${JSON.stringify(sortFindings(findingsOf(state)).slice(0, 5))} vs ${JSON.stringify(sortFindings(findingsOf(full)).slice(0, 5))})`)
      if (!same(fullAdded, added)) throw new Error(`incremental integrity check: added errors differ from a full check (${JSON.stringify(added)} vs ${JSON.stringify(fullAdded)})`)
      if (step) integrityOptions.verified++
    }
  } else {
    integrityStats.fullReads++
    const after = buildSnapshot((await readDataset(trx)).dataset, version)
    state = allFindings(after, resolverFor(after), today)
    added = addedErrors(findingsOf(known && known.today === today ? known : findingsState(before, today)), findingsOf(state))
  }
  added = sortFindings(added.filter((f) => !notBlocking.has(f.code)))
  if (added.length === 0) return state
  const first = added[0]!
  throw new ConflictError(
    `this change would break a rule of the data (${first.code}): ${first.subject}: ${first.message}${added.length > 1 ? ` (and ${added.length - 1} more)` : ''}`,
    added.slice(0, 20).map((f) => ({ path: f.subject, message: `${f.code}: ${f.message}` })),
  )
}
