/** @module Which table holds the subject of a claim or revision. */
import type { EntityName } from '../../model/dataset.ts'
import { InvalidInputError } from '../../model/errors.ts'

const tableOf: Record<string, EntityName> = {
  program: 'programs',
  province: 'provinces',
  locality: 'localities',
  source: 'sources',
  project: 'projects',
  event: 'events',
  claim: 'claims',
}

export function entityOfSubject(type: string): EntityName {
  const t = tableOf[type]
  if (!t) throw new InvalidInputError(`unknown record type "${type}"`)
  return t
}
