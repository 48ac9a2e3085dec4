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
import type { Dataset, EntityName } from '../../model/dataset.ts'
import { ConflictError } from '../../model/errors.ts'
import { createResolver, type Resolver } from '../../model/names/resolve.ts'
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

/** `base` with the records of one write put in (or taken out, when deleted). */
function withChanges(base: Dataset, changes: Array<{ entity: EntityName; id: string; record: Record<string, unknown> | null }>): Dataset {
  const out = { ...base }
  const touched = new Map<EntityName, Map<string, unknown>>()
  for (const c of changes) {
    let map = touched.get(c.entity)
    if (!map) touched.set(c.entity, (map = new Map((base[c.entity] as unknown as { id: string }[]).map((r) => [r.id, r]))))
    if (c.record) map.set(c.id, c.record)
    else map.delete(c.id)
  }
  for (const [entity, map] of touched) (out as Record<EntityName, unknown[]>)[entity] = [...map.values()]
  return out
}

/**
 * Throws ConflictError when the write of `batch` (inside `trx`, not yet committed) adds an
 * error. `before` is the snapshot the write started from; when another write committed since,
 * the whole data is read again inside the transaction instead.
 */
export async function checkIntegrity(trx: Transaction<DB>, before: Snapshot, batch: string, today: string): Promise<void> {
  const version = await lockDataVersion(trx)
  const after = version === before.version ? withChanges(before.dataset, await batchRecords(trx, batch)) : (await readDataset(trx)).dataset
  const added = addedErrors(findingsOf(before, today), validateDataset(buildSnapshot(after, version), resolverFor(after), today)).filter((f) => !notBlocking.has(f.code))
  if (added.length === 0) return
  const first = added[0]!
  throw new ConflictError(
    `this change would break a rule of the data (${first.code}): ${first.subject}: ${first.message}${added.length > 1 ? ` (and ${added.length - 1} more)` : ''}`,
    added.slice(0, 20).map((f) => ({ path: f.subject, message: `${f.code}: ${f.message}` })),
  )
}
