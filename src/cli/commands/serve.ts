/** @module `tracker serve`: runs the web app and API (what `npm start` runs). */
import type { Command } from 'commander'
import { loadConfig } from '../../config/config.ts'
import { limitHeapGrowth } from '../../config/heapGrowth.ts'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app and the API (creates and loads the database on first start).')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8020)')
    .option('--host <address>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = loadConfig(process.env, { port: opts.port, host: opts.host })
      // A long-running process: the heap kept closer to what it holds (≤ 1 GB resident at 100×).
      limitHeapGrowth()
      const { runServer } = await import('../../api/server.ts')
      await runServer(config)
    })
}
