/**
 * @module `tracker request <METHOD> <path>`: runs one API request in-process, without a socket —
 * the CLI and the API share one code path for every read and write. Writes act as a named user
 * (`--as`), with the same checks as over HTTP.
 */
import type { Command } from 'commander'
import { InvalidInputError } from '../../model/errors.ts'
import { readInput } from '../io.ts'
import { withTracker } from '../session.ts'

export function registerRequest(program: Command): void {
  program
    .command('request')
    .description('Run an API request without a server, e.g. `tracker request GET /api/projects?year=2025` or a write with --as and --body.')
    .argument('<method>', 'GET, POST, PATCH or DELETE')
    .argument('<path>', 'API path with query string, e.g. /api/stats/progress')
    .option('--as <user>', 'act as this user (for writes); a one-off token is created and used')
    .option('-b, --body <file>', 'JSON body from a file, or "-" for stdin')
    .option('--if-match <version>', 'the version of the record being changed')
    .action(async (method: string, path: string, opts: { as?: string; body?: string; ifMatch?: string }) => {
      const m = method.toUpperCase()
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(m)) throw new InvalidInputError(`unknown method ${method}`)
      if (!path.startsWith('/api/')) throw new InvalidInputError('the path must start with /api/')
      const [{ createApp }, { createApiToken }, { createLogger }, { tokenParts }, { revokeToken }] = await Promise.all([import('../../api/app.ts'), import('../../service/accounts.ts'), import('../../api/log.ts'), import('../../api/auth/middleware.ts'), import('../../store/accounts.ts')])
      const body = opts.body ? (await readInput(opts.body)).text : undefined
      const status = await withTracker('request', async (t) => {
        const app = createApp({ tracker: t, log: createLogger('warn') })
        const headers: Record<string, string> = {}
        if (body !== undefined) headers['content-type'] = 'application/json'
        if (opts.ifMatch) headers['if-match'] = opts.ifMatch
        const token = opts.as ? await createApiToken(t.store.db, opts.as, 'tracker request (one-off)', { days: 1 }) : null
        if (token) headers.authorization = `Bearer ${token}`
        const res = await app.request(path, { method: m, headers, ...(body !== undefined ? { body } : {}) })
        if (token) await revokeToken(t.store.db, tokenParts(token)!.id)
        const text = await res.text()
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
        return res.status
      })
      if (status >= 400) process.exitCode = status >= 500 ? 1 : status === 400 || status === 413 ? 2 : 1
    })
}
