/**
 * @module Opens the tracker for a command or a server: the store, migrated, loaded with the
 * bundled dataset when it is empty, and the read model over it.
 */
import type { Kysely } from 'kysely'
import type { Config } from '../config/config.ts'
import { loadBundledDataset } from '../import/bundle.ts'
import { InvalidInputError } from '../model/errors.ts'
import { mergeDatasets, referenceProblems } from '../model/integrity.ts'
import { emptyDataset, type Dataset } from '../model/dataset.ts'
import { planChanges } from '../model/plan.ts'
import { applyPlan } from '../store/applyPlan.ts'
import { loadDataset } from '../store/loadDataset.ts'
import { lockMigrations, migrate, unlockMigrations } from '../store/migrate.ts'
import { openStore, type Store } from '../store/open.ts'
import { ReadModel } from '../store/readModel.ts'
import type { DB } from '../store/schema.ts'

export interface Tracker {
  config: Config
  store: Store
  readModel: ReadModel
  close(): Promise<void>
}

export interface OpenTrackerOptions {
  command?: string
  /** Apply pending migrations (default true). */
  migrate?: boolean
  /** Load the bundled data into an empty database (default true). */
  loadBundled?: boolean
  onProgress?: (message: string) => void
}

/** Loads the bundled dataset when the database has no program yet. Returns how many records were added. */
export async function loadBundledIfEmpty(db: Kysely<DB>, onProgress?: (message: string) => void): Promise<number> {
  const programs = await db.selectFrom('programs').select('id').limit(1).execute()
  if (programs.length > 0) return 0
  onProgress?.('loading the bundled 20×10 dataset into the empty database…')
  const incoming = loadBundledDataset()
  const current = await loadDataset(db)
  const problems = referenceProblems(mergeDatasets(current.dataset, incoming), incoming)
  if (problems.length > 0) {
    throw new InvalidInputError(`the bundled data has ${problems.length} broken reference(s), first: ${problems[0]?.path}: ${problems[0]?.message}`, problems)
  }
  const result = await applyPlan(db, planChanges(current.dataset, incoming), {
    actor: 'system',
    comment: 'Initial load of the bundled dataset',
  })
  return result.added
}

/** The bundled reference data alone: programs, gazetteer and sources, without any project. */
export function bundledReference(): Dataset {
  const all = loadBundledDataset()
  return {
    ...all,
    projects: [],
    events: [],
    claims: all.claims.filter((c) => c.subject_type === 'program' || c.subject_type === 'locality' || c.subject_type === 'source'),
  }
}

/** True when the database holds no program yet (a fresh or never-initialized database). */
export async function isEmpty(store: Store): Promise<boolean> {
  const programs = await store.db.selectFrom('programs').select('id').limit(1).execute()
  return programs.length === 0
}

/** Loads the reference data (no projects) into an empty database; returns records added. */
export async function loadReferenceIfEmpty(store: Store): Promise<number> {
  if (!(await isEmpty(store))) return 0
  const result = await applyPlan(store.db, planChanges(emptyDataset(), bundledReference()), {
    actor: 'system',
    comment: 'Reference data (programs, gazetteer, sources) loaded before an import',
  })
  return result.added
}

export async function openTracker(config: Config, options: OpenTrackerOptions = {}): Promise<Tracker> {
  const store = await openStore(config, options.command === undefined ? {} : { command: options.command })
  try {
    if (options.migrate !== false || options.loadBundled !== false) {
      // Migrating and the first-start load run as one step under the migrations' advisory lock,
      // on one connection: replicas started together on an empty PostgreSQL wait for the first,
      // then find the schema current and the data loaded (before, the second one loaded the
      // bundled data again and died on a duplicate key).
      await store.db.connection().execute(async (conn) => {
        await lockMigrations(conn)
        try {
          if (options.migrate !== false) {
            const applied = await migrate(conn)
            if (applied.length > 0) options.onProgress?.(`applied migrations: ${applied.map((m) => `${m.version} ${m.name}`).join(', ')}`)
          }
          if (options.loadBundled !== false) await loadBundledIfEmpty(conn, options.onProgress)
        } finally {
          await unlockMigrations(conn)
        }
      })
    }
  } catch (error) {
    await store.close()
    throw error
  }
  const readModel = new ReadModel(store)
  return {
    config,
    store,
    readModel,
    async close() {
      await readModel.close()
      await store.close()
    },
  }
}
