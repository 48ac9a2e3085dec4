/**
 * @module Every edit passes the checks of `tracker validate` before it commits: the data as the
 * change leaves it is validated, and an error the data did not have before (a locality counted
 * twice in a year, an event without a source, a completion before the groundbreaking, an event
 * dated after its only source…) refuses the change with the rule's message (409), so the API can
 * never write what `validate` then rejects. Errors already present do not block unrelated edits.
 * One rule is left to `validate`: a year's count differing from its target (year_total), since a
 * correction — uncount one project, count another — passes through such a state between edits.
 */
import type { Transaction } from 'kysely'
import type { Dataset } from '../../model/dataset.ts'
import { ConflictError } from '../../model/errors.ts'
import { createResolver, type Resolver } from '../../model/names/resolve.ts'
import { patchSnapshot } from '../../model/patchSnapshot.ts'
import { buildSnapshot, type Snapshot } from '../../model/snapshot.ts'
import { addedErrors, validateDataset, type Finding } from '../../model/validate.ts'
import { readDataset } from '../../store/loadDataset.ts'
import { batchRecords, lockDataVersion } from '../../store/revisions.ts'
import type { DB } from '../../store/schema.ts'

/** Rules `validate` reports that do not refuse a single edit (see the module comment). */
const notBlocking = new Set(['year_total'])

const resolvers = new WeakMap<object, Resolver>()
const findings = new WeakMap<Snapshot, Finding[]>()

function resolverFor(ds: Dataset): Resolver {
  let r = resolvers.get(ds.localities)
  if (!r) resolvers.set(ds.localities, (r = createResolver({ localities: ds.localities, provinces: ds.provinces })))
  return r
}

function findingsOf(snapshot: Snapshot, today: string): Finding[] {
  let f = findings.get(snapshot)
  if (!f) findings.set(snapshot, (f = validateDataset(snapshot, resolverFor(snapshot.dataset), today)))
  return f
}

/**
 * Throws ConflictError when the write of `batch` (inside `trx`, not yet committed) adds an
 * error. `before` is the snapshot the write started from; when another write committed since,
 * the whole data is read again inside the transaction instead. `known` are the findings of
 * `before`'s data when the caller has them (the last write here returned them), saving a pass.
 * Returns the findings of the data as the write leaves it.
 */
export async function checkIntegrity(trx: Transaction<DB>, before: Snapshot, batch: string, today: string, known: readonly Finding[] | null = null): Promise<Finding[]> {
  const version = await lockDataVersion(trx)
  // The same patch the read model applies after the commit (records in id order, so findings
  // name their subjects as a validation of the read model's snapshot does).
  const after =
    version === before.version
      ? patchSnapshot(before, (await batchRecords(trx, batch)).map((c) => ({ ...c, meta: null })), version)
      : buildSnapshot((await readDataset(trx)).dataset, version)
  const findingsAfter = validateDataset(after, resolverFor(after.dataset), today)
  const added = addedErrors(known ?? findingsOf(before, today), findingsAfter).filter((f) => !notBlocking.has(f.code))
  if (added.length === 0) return findingsAfter
  const first = added[0]!
  throw new ConflictError(
    `this change would break a rule of the data (${first.code}): ${first.subject}: ${first.message}${added.length > 1 ? ` (and ${added.length - 1} more)` : ''}`,
    added.slice(0, 20).map((f) => ({ path: f.subject, message: `${f.code}: ${f.message}` })),
  )
}
