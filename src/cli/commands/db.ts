/** @module `tracker db migrate|status`: the database schema and what it holds. */
import type { Command } from 'commander'
import { loadConfig } from '../../config/config.ts'
import type { Store } from '../../store/open.ts'
import { print, printJson, table } from '../io.ts'

const tables = ['programs', 'provinces', 'localities', 'sources', 'projects', 'events', 'claims', 'revisions'] as const

async function withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import('../../store/open.ts')
  const store = await openStore(loadConfig(), { command })
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('Database schema: apply migrations, show status.')

  db.command('migrate')
    .description('Apply pending schema migrations (does not load data; see `tracker init`).')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { migrate, migrationStatus } = await import('../../store/migrate.ts')
      await withStore('db migrate', async (store) => {
        const applied = await migrate(store.db)
        const status = await migrationStatus(store.db)
        if (opts.json) printJson({ applied: applied.map(({ version, name }) => ({ version, name })), schema_version: status.current })
        else if (applied.length === 0) print(`schema is up to date (version ${status.current})`)
        else print(`applied ${applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ')}; schema version ${status.current}`)
      })
    })

  db.command('status')
    .description('Show the engine, schema version, pending migrations and record counts.')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      // A status look must not create a database as a side effect (opening PGlite does).
      const [{ listMigrations, migrationStatus }, { isNewEmbeddedDatabase }, { dataVersion }] = await Promise.all([import('../../store/migrate.ts'), import('../../store/open.ts'), import('../../store/version.ts')])
      const config = loadConfig()
      if (isNewEmbeddedDatabase(config)) {
        const all = listMigrations()
        const result = {
          engine: 'pglite',
          location: config.dataDir,
          exists: false,
          schema_version: 0,
          latest_schema_version: Math.max(0, ...all.map((m) => m.version)),
          pending: all.map(({ version, name }) => ({ version, name })),
          data_version: null,
          counts: {},
        }
        if (opts.json) return printJson(result)
        print(`engine          ${result.engine}`)
        print(`location        ${result.location}`)
        print('there is no database here yet (nothing was created): `tracker init` or `npm start` creates it and loads the bundled 20×10 data')
        return
      }
      await withStore('db status', async (store) => {
        const status = await migrationStatus(store.db)
        const counts: Record<string, number> = {}
        let version: number | null = null
        if (status.current > 0) {
          version = await dataVersion(store.db)
          for (const t of tables) {
            const row = await store.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
            counts[t] = Number(row.n)
          }
        }
        const result = {
          engine: store.engine,
          location: store.location,
          exists: true,
          schema_version: status.current,
          latest_schema_version: status.latest,
          pending: status.pending,
          data_version: version,
          counts,
        }
        if (opts.json) return printJson(result)
        print(`engine          ${result.engine}`)
        print(`location        ${result.location}`)
        print(`schema version  ${result.schema_version} of ${result.latest_schema_version}${status.pending.length ? ` (${status.pending.length} pending: run \`tracker db migrate\`)` : ''}`)
        if (status.current === 0) return print('the database is empty: run `tracker init`')
        print(`data version    ${result.data_version}`)
        print('')
        print(table(Object.entries(counts).map(([k, n]) => [k, n]), ['l', 'r']))
      })
    })
}
