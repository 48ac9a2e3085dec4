/**
 * @module Whether the tracker can answer: the database responds and its schema version; and
 * which errors mean "the database is unavailable" rather than "the request is wrong".
 */
import { migrationStatus } from '../store/migrate.ts'
import { ping } from '../store/open.ts'
import type { Tracker } from './tracker.ts'

export { isUnavailable } from '../store/open.ts'

export async function checkHealth(tracker: Tracker): Promise<{ data_version: number; schema_version: number }> {
  // Just started, the first snapshot still loading (on PGlite the database is busy reading it):
  // the server answers with what the database said at start; the data requests wait for the load.
  const warming = tracker.readModel.warming
  if (warming) return { data_version: warming.version, schema_version: warming.schema }
  await ping(tracker.store)
  const snapshot = await tracker.readModel.current()
  const schema = await migrationStatus(tracker.store.db)
  return { data_version: snapshot.version, schema_version: schema.current }
}
