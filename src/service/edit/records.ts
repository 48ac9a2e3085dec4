/**
 * @module Creating, changing, deleting and restoring projects, events, sources and localities.
 * New facts (a project, an event, a changed date, status, kinds or count) must cite a source:
 * the value is recorded as a claim of that source beside the record. Deletes are soft and a
 * project takes its events and claims with it; restoring brings back what went in that batch.
 */
import { sql, type Transaction } from 'kysely'
import { z } from 'zod'
import { ConflictError, InvalidInputError, NotFoundError, validRecord } from '../../model/errors.ts'
import { claimId, eventId, LocalityId, projectId, Slug } from '../../model/ids.ts'
import { EventSchema } from '../../model/event.ts'
import { LocalitySchema } from '../../model/locality.ts'
import { PartialDate } from '../../model/partialDate.ts'
import { ProjectSchema } from '../../model/project.ts'
import { SourceSchema } from '../../model/source.ts'
import { eventTypes, facilityKinds, statuses } from '../../model/vocab.ts'
import { entityTypeOf, type EntityName } from '../../model/dataset.ts'
import type { DB } from '../../store/schema.ts'
import { insertRecord, readRecord, restoreRecord, softDelete, updateRecord, type RevisionContext, type StoredRecord } from '../../store/writes.ts'
import { createClaim } from './claims.ts'

const comment = z.string().max(500).optional().describe('Why this change (required, a few words).')
const evidence = {
  source: z.string().max(160).optional().describe('Id of the source for the new fact (required when a fact is added or changed).'),
  quote: z.string().max(600).nullish().describe("At most one sentence of the source's words."),
  said: z.string().max(600).nullish(),
}
const sortKinds = (kinds: string[]) => facilityKinds.values.filter((k) => kinds.includes(k))

/**
 * A PATCH body from a record's schema: every field optional and without its default (a default
 * would overwrite the stored value of a field the request did not name: PATCH a source's title
 * and its notes were reset), unknown fields refused.
 */
function patchOf(shape: z.ZodRawShape) {
  return z.strictObject(
    Object.fromEntries(
      Object.entries(shape).map(([k, v]) => {
        const given = v as z.ZodType
        const field = given instanceof z.ZodDefault ? (given.unwrap() as z.ZodType) : given
        return [k, (given.description ? field.describe(given.description) : field).optional()]
      }),
    ),
  )
}

/**
 * The value of a field that the request may also name as the response does ("project_id" for
 * "project"): either is fine, both must agree.
 */
export function aliased<T>(input: Record<string, unknown>, name: string, alias: string): T | undefined {
  const a = input[name]
  const b = input[alias]
  if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) {
    throw new InvalidInputError(`${name}: given twice, as "${name}" and as "${alias}", with different values`, [{ path: `body.${alias}`, message: `differs from ${name}` }])
  }
  return (a ?? b) as T | undefined
}
const alias = (schema: z.ZodType, of: string) => schema.optional().describe(`The same as \`${of}\` (the name responses use); give one of them.`)

export const ProjectCreate = z
  .strictObject({
    program: Slug.optional().describe('Program id (default 20x10).'),
    program_id: alias(Slug, 'program'),
    year: z.number().int().min(1900).max(2200).nullable(),
    pilot: z.boolean().default(false),
    locality: LocalityId.optional().describe('Locality id (required, or as locality_id).'),
    locality_id: alias(LocalityId, 'locality'),
    label: z.string().max(80).nullish(),
    kinds: z.array(facilityKinds.schema).min(1),
    counted: z.boolean(),
    counted_reason: z.string().max(500).nullish(),
    notes: z.string().max(4000).nullish(),
    status: statuses.schema.optional().describe('The status the source reports (recorded as a claim).'),
    ...evidence,
    comment,
  })
  .meta({ id: 'ProjectCreate' })

export const ProjectPatch = z
  .object({
    kinds: z.array(facilityKinds.schema).min(1).optional(),
    counted: z.boolean().optional(),
    counted_reason: z.string().max(500).nullish(),
    notes: z.string().max(4000).nullish(),
    status: statuses.schema.optional().describe('A status the source reports (added as a claim).'),
    ...evidence,
    comment,
  })
  .strict()
  .meta({ id: 'ProjectPatch' })

export const EventCreate = z
  .strictObject({
    project: z.string().max(300).nullish().describe('Project id; omit for a program-level event.'),
    project_id: z.string().max(300).nullish().describe('The same as `project` (the name responses use); give one of them.'),
    program: Slug.optional().describe('Program id (default 20x10, or the project’s).'),
    program_id: alias(Slug, 'program'),
    type: eventTypes.schema,
    label: z.string().max(80).nullish(),
    date: PartialDate,
    leader_present: z.boolean().nullish(),
    notes: z.string().max(4000).nullish(),
    ...evidence,
    comment,
  })
  .meta({ id: 'EventCreate' })

export const EventPatch = z
  .object({
    date: PartialDate.optional(),
    leader_present: z.boolean().nullish(),
    notes: z.string().max(4000).nullish(),
    reason: z.string().max(1000).nullish().describe('Why the new date is preferred over other claims (defaults to the comment).'),
    ...evidence,
    comment,
  })
  .strict()
  .meta({ id: 'EventPatch' })

export const SourceCreate = SourceSchema.extend({ comment }).strict().meta({ id: 'SourceCreate' })
export const SourcePatch = patchOf(SourceSchema.omit({ id: true }).extend({ comment }).shape).meta({ id: 'SourcePatch' })
export const LocalityCreate = LocalitySchema.extend({ comment }).strict().meta({ id: 'LocalityCreate' })
export const LocalityPatch = patchOf(LocalitySchema.omit({ id: true, province: true }).extend({ comment }).shape).meta({ id: 'LocalityPatch' })

async function live(trx: Transaction<DB>, entity: EntityName, id: string, what: string): Promise<StoredRecord> {
  const r = await readRecord(trx, entity, id)
  if (!r || r.meta.deleted_at) throw new InvalidInputError(`${what}: no ${what} "${id}"`, [{ path: `body.${what}`, message: `unknown ${what} "${id}"` }])
  return r
}

export async function createProject(trx: Transaction<DB>, body: z.infer<typeof ProjectCreate>, ctx: RevisionContext): Promise<StoredRecord> {
  const locality = aliased<string>(body, 'locality', 'locality_id')
  if (!locality) throw new InvalidInputError('locality: the id of the locality the project is in (required)', [{ path: 'body.locality', message: 'required' }])
  const input = { ...body, program: aliased<string>(body, 'program', 'program_id') ?? '20x10', locality }
  await live(trx, 'programs', input.program, 'program')
  await live(trx, 'localities', input.locality, 'locality')
  if (!input.source) throw new InvalidInputError('source: a new project needs the source that reports it', [{ path: 'body.source', message: 'required for a new fact' }])
  if (input.year === null && !input.pilot) throw new InvalidInputError('year: a project without a policy year must be a pilot', [{ path: 'body.year', message: 'required unless pilot' }])
  if (!input.counted && !input.counted_reason) throw new InvalidInputError('counted_reason: say why the project does not count toward the target', [{ path: 'body.counted_reason', message: 'required when counted is false' }])
  const record = validRecord(ProjectSchema, {
    id: projectId({ program_id: input.program, year: input.year, locality_id: input.locality, label: input.label ?? null }),
    program_id: input.program,
    year: input.year,
    pilot: input.pilot,
    locality_id: input.locality,
    label: input.label ?? null,
    kinds: sortKinds(input.kinds),
    counted: input.counted,
    counted_reason: input.counted ? null : (input.counted_reason ?? null),
    notes: input.notes ?? null,
  })
  const stored = await insertRecord(trx, 'projects', record, ctx)
  const evidence = { source: input.source, quote: input.quote, said: input.said, rank: 'normal' as const, comment: ctx.comment }
  await createClaim(trx, { subject_type: 'project', subject_id: record.id, field: 'kinds', value: record.kinds, ...evidence }, ctx)
  if (input.status) await createClaim(trx, { subject_type: 'project', subject_id: record.id, field: 'status', value: input.status, ...evidence, quote: null }, ctx)
  return stored
}

export async function patchProject(trx: Transaction<DB>, id: string, version: number | null, input: z.infer<typeof ProjectPatch>, ctx: RevisionContext): Promise<StoredRecord> {
  const { source, quote, said, status, comment: _c, ...fields } = input
  const factChanged = fields.kinds !== undefined || fields.counted !== undefined || status !== undefined
  if (factChanged && !source) throw new InvalidInputError('source: changing kinds, count or status needs the source that says so', [{ path: 'body.source', message: 'required for a changed fact' }])
  if (fields.kinds) fields.kinds = sortKinds(fields.kinds)
  const current = await readRecord(trx, 'projects', id)
  const counted = fields.counted ?? (current?.record.counted as boolean | undefined)
  if (counted === false && !(fields.counted_reason ?? current?.record.counted_reason)) {
    throw new InvalidInputError('counted_reason: say why the project does not count toward the target', [{ path: 'body.counted_reason', message: 'required when counted is false' }])
  }
  if (fields.counted === true) fields.counted_reason = null
  const { stored } = await updateRecord(trx, 'projects', id, version, fields, ctx)
  const evidence = { source, quote, said, rank: 'normal' as const, comment: ctx.comment }
  const add = async (field: 'kinds' | 'counted' | 'status', value: string | boolean | string[]) => {
    const existing = await readRecord(trx, 'claims', claimId({ subject_type: 'project', subject_id: id, field, value, source_id: source! }))
    if (!existing) await createClaim(trx, { subject_type: 'project', subject_id: id, field, value, ...evidence, source: source! }, ctx)
  }
  if (fields.kinds) await add('kinds', fields.kinds)
  if (fields.counted !== undefined) await add('counted', fields.counted)
  if (status) await add('status', status)
  return stored
}

export async function createEvent(trx: Transaction<DB>, body: z.infer<typeof EventCreate>, ctx: RevisionContext): Promise<StoredRecord> {
  const input = { ...body, project: aliased<string | null>(body, 'project', 'project_id') ?? null }
  const named = aliased<string>(body, 'program', 'program_id')
  let program = named ?? '20x10'
  if (input.project) {
    program = (await live(trx, 'projects', input.project, 'project')).record.program_id as string
    if (named !== undefined && named !== program) throw new InvalidInputError(`program: project ${input.project} belongs to program "${program}", not "${named}"`, [{ path: 'body.program', message: 'differs from the project’s program' }])
  } else await live(trx, 'programs', program, 'program')
  if (!input.source) throw new InvalidInputError('source: a new event needs the source that reports it', [{ path: 'body.source', message: 'required for a new fact' }])
  const record = validRecord(EventSchema, {
    id: eventId({ project_id: input.project ?? null, program_id: program, type: input.type, label: input.label ?? null }),
    program_id: program,
    project_id: input.project ?? null,
    type: input.type,
    label: input.label ?? null,
    date: input.date,
    leader_present: input.leader_present ?? null,
    notes: input.notes ?? null,
  })
  const stored = await insertRecord(trx, 'events', record, ctx)
  await createClaim(trx, { subject_type: 'event', subject_id: record.id, field: 'date', value: input.date, source: input.source, quote: input.quote, said: input.said, rank: 'normal', comment: ctx.comment }, ctx)
  return stored
}

export async function patchEvent(trx: Transaction<DB>, id: string, version: number | null, input: z.infer<typeof EventPatch>, ctx: RevisionContext): Promise<StoredRecord> {
  const { source, quote, said, reason, comment: _c, date, ...fields } = input
  const current = await readRecord(trx, 'events', id)
  if (!current || current.meta.deleted_at) throw new NotFoundError(`no event with id "${id}"`)
  const dateChanged = date !== undefined && date !== current.record.date
  if (dateChanged && !source) throw new InvalidInputError('source: a new date needs the source that gives it', [{ path: 'body.source', message: 'required for a changed fact' }])
  const { stored } = await updateRecord(trx, 'events', id, version, fields, ctx)
  if (dateChanged) {
    // The new date is recorded as a claim of its source and preferred, with the reason; the
    // claims it replaces stay, as competing claims.
    await createClaim(trx, { subject_type: 'event', subject_id: id, field: 'date', value: date, source: source!, quote, said, rank: 'preferred', reason: reason ?? ctx.comment, comment: ctx.comment }, ctx)
    return (await readRecord(trx, 'events', id))!
  }
  return stored
}

/** Soft-deletes a record; a project takes its events and the claims on both with it, an event its claims. */
export async function deleteRecord(trx: Transaction<DB>, entity: EntityName, id: string, version: number | null, ctx: RevisionContext): Promise<StoredRecord> {
  if (entity === 'sources') {
    const used = await trx.selectFrom('claims').select('id').where('source_id', '=', id).where('deleted_at', 'is', null).execute()
    if (used.length) throw new ConflictError(`source ${id} supports ${used.length} claim(s): delete or re-cite them first, or merge the source into another`)
    const citing = await recordsCiting(trx, id)
    if (citing.length) throw new ConflictError(`source ${id} is cited by ${citing.map((c) => `${entityTypeOf[c.entity]} ${c.id}`).slice(0, 5).join(', ')}${citing.length > 5 ? ` and ${citing.length - 5} more` : ''}: merge the source into another instead`)
  }
  if (entity === 'localities') {
    const used = await trx.selectFrom('projects').select('id').where('locality_id', '=', id).where('deleted_at', 'is', null).execute()
    if (used.length) throw new ConflictError(`locality ${id} has ${used.length} project(s): move them first, or merge the locality into another`)
  }
  const deleted = await softDelete(trx, entity, id, version, ctx)
  const claimsOf = async (type: string, subject: string) => {
    const rows = await trx.selectFrom('claims').select('id').where('subject_type', '=', type).where('subject_id', '=', subject).where('deleted_at', 'is', null).execute()
    for (const r of rows) await softDelete(trx, 'claims', r.id, null, ctx)
  }
  if (entity === 'projects') {
    const events = await trx.selectFrom('events').select('id').where('project_id', '=', id).where('deleted_at', 'is', null).execute()
    for (const e of events) {
      await softDelete(trx, 'events', e.id, null, ctx)
      await claimsOf('event', e.id)
    }
    await claimsOf('project', id)
  }
  if (entity === 'events') await claimsOf('event', id)
  return deleted
}

/** Restores a deleted record and everything deleted with it (same batch). */
export async function restoreDeleted(trx: Transaction<DB>, entity: EntityName, id: string, ctx: RevisionContext): Promise<StoredRecord> {
  const type = entity === 'localities' ? 'locality' : entity.slice(0, -1)
  const deletion = await trx
    .selectFrom('revisions')
    .select(['batch'])
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .where('action', '=', 'delete')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const restored = await restoreRecord(trx, entity, id, ctx)
  if (deletion?.batch) {
    const others = await trx.selectFrom('revisions').select(['entity_type', 'entity_id']).where('batch', '=', deletion.batch).where('action', '=', 'delete').execute()
    for (const o of others) {
      if (o.entity_type === type && o.entity_id === id) continue
      const table = ({ event: 'events', claim: 'claims', project: 'projects' } as Record<string, EntityName>)[o.entity_type]
      if (!table) continue
      const r = await readRecord(trx, table, o.entity_id)
      if (r?.meta.deleted_at) await restoreRecord(trx, table, o.entity_id, ctx)
    }
  }
  return restored
}

export async function createSimple(trx: Transaction<DB>, entity: 'sources' | 'localities', input: Record<string, unknown>, ctx: RevisionContext): Promise<StoredRecord> {
  const { comment: _c, ...record } = input
  if (entity === 'localities') {
    await live(trx, 'provinces', record.province as string, 'province')
    if (!String(record.id).startsWith(`${String(record.province)}.`)) throw new InvalidInputError(`id: a locality id starts with its province ("${String(record.province)}.")`, [{ path: 'body.id', message: 'must start with the province id' }])
    if (!(record.sources as string[]).length) throw new InvalidInputError('sources: a new locality needs at least one source', [{ path: 'body.sources', message: 'required' }])
    for (const s of record.sources as string[]) await live(trx, 'sources', s, 'source')
  }
  return insertRecord(trx, entity, record, ctx)
}

/** Moves the projects of `from` to `into`, keeps `from`'s names as aliases of `into`, deletes `from`. */
export async function mergeLocalities(trx: Transaction<DB>, from: string, into: string, ctx: RevisionContext): Promise<StoredRecord> {
  if (from === into) throw new InvalidInputError('from and into are the same locality')
  const a = await live(trx, 'localities', from, 'from')
  const b = await live(trx, 'localities', into, 'into')
  const projects = await trx.selectFrom('projects').select('id').where('locality_id', '=', from).where('deleted_at', 'is', null).execute()
  for (const p of projects) await updateRecord(trx, 'projects', p.id, null, { locality_id: into }, ctx)
  const names = [a.record.plain, a.record.mr, a.record.hangul, a.record.rr, ...(a.record.aliases as string[])] as string[]
  const aliases = [...new Set([...(b.record.aliases as string[]), ...names])].filter((n) => n !== b.record.plain)
  await updateRecord(trx, 'localities', into, null, { aliases }, ctx)
  await softDelete(trx, 'localities', from, null, ctx)
  return (await readRecord(trx, 'localities', into))!
}

/**
 * Live localities and programs whose source lists cite `sourceId`. Besides claims, these cite
 * sources too: deleting or merging away a source they cite left them pointing at a deleted one
 * (broken references in the data; found by the hostile-input tests).
 */
async function recordsCiting(trx: Transaction<DB>, sourceId: string): Promise<{ entity: 'localities' | 'programs'; id: string; field: string; list: string[] }[]> {
  const out: { entity: 'localities' | 'programs'; id: string; field: string; list: string[] }[] = []
  for (const [entity, field] of [
    ['localities', 'sources'],
    ['programs', 'source_ids'],
  ] as const) {
    const rows = await trx.selectFrom(entity).select('id').where(sql<boolean>`source_ids @> ${JSON.stringify([sourceId])}::jsonb`).where('deleted_at', 'is', null).execute()
    for (const r of rows) {
      const stored = (await readRecord(trx, entity, r.id))!
      out.push({ entity, id: r.id, field, list: stored.record[field] as string[] })
    }
  }
  return out
}

/** Re-cites every claim (and every locality and program citing it) of `from` to `into` and deletes `from`. */
export async function mergeSources(trx: Transaction<DB>, from: string, into: string, ctx: RevisionContext): Promise<StoredRecord> {
  if (from === into) throw new InvalidInputError('from and into are the same source')
  await live(trx, 'sources', from, 'from')
  await live(trx, 'sources', into, 'into')
  const claims = await trx.selectFrom('claims').select('id').where('source_id', '=', from).where('deleted_at', 'is', null).execute()
  for (const c of claims) await updateRecord(trx, 'claims', c.id, null, { source_id: into }, ctx)
  for (const c of await recordsCiting(trx, from)) {
    await updateRecord(trx, c.entity, c.id, null, { [c.field]: [...new Set(c.list.map((s) => (s === from ? into : s)))] }, ctx)
  }
  await softDelete(trx, 'sources', from, null, ctx)
  return (await readRecord(trx, 'sources', into))!
}
