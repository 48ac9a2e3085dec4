/** @module Which table holds the subject of a claim or revision. */
import { entityOfType, type EntityName } from '../../model/dataset.ts'
import { InvalidInputError } from '../../model/errors.ts'

export function entityOfSubject(type: string): EntityName {
  const t = entityOfType[type]
  if (!t) throw new InvalidInputError(`unknown record type "${type}"`)
  return t
}
