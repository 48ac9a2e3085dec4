/** @module `tracker init`: creates or migrates the database and loads the bundled data when it is empty. */
import type { Command } from 'commander'
import { loadConfig } from '../../config/config.ts'
import { print, printJson, progress } from '../io.ts'

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Create or migrate the database and load the bundled 20×10 dataset if it is empty.')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const [{ openTracker }, { migrationStatus }] = await Promise.all([import('../../service/tracker.ts'), import('../../store/migrate.ts')])
      const config = loadConfig()
      const messages: string[] = []
      const tracker = await openTracker(config, {
        command: 'init',
        onProgress: (m) => {
          messages.push(m)
          progress(m)
        },
      })
      try {
        const status = await migrationStatus(tracker.store.db)
        const snapshot = await tracker.readModel.current()
        const counts = Object.fromEntries(Object.entries(snapshot.dataset).map(([k, v]) => [k, (v as unknown[]).length]))
        const result = {
          engine: tracker.store.engine,
          location: tracker.store.location,
          schema_version: status.current,
          data_version: snapshot.version,
          actions: messages,
          counts,
        }
        if (opts.json) printJson(result)
        else {
          print(messages.length > 0 ? messages.join('\n') : 'database already initialized; nothing to do')
          print(`${result.engine}: ${result.location} — schema ${result.schema_version}, data version ${result.data_version}`)
          print(Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', '))
        }
      } finally {
        await tracker.close()
      }
    })
}
