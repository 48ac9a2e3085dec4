/**
 * @module `tracker user add|list|disable|reset-password` and `tracker token create|list|revoke`:
 * accounts from the command line. Passwords come from a prompt (not echoed) or stdin, never an
 * argument; a token is printed once and stored hashed.
 */
import type { Command } from 'commander'
import { Option } from 'commander'
import { maxTokenDays, roles, type Role } from '../../model/accountRules.ts'
import { InvalidInputError } from '../../model/errors.ts'
import { print, printJson, table } from '../io.ts'
import { withTracker } from '../session.ts'

/** Account operations, loaded when a command runs (not for `tracker --help`). */
const accounts = () => import('../../service/accounts.ts')

/** Reads a password: from a terminal prompt without echo, or the first line of stdin. */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin
  if (!stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const chunk of stdin) chunks.push(chunk as Buffer)
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
    if (!line) throw new InvalidInputError('no password on stdin (pipe it in, or run in a terminal to be prompted)')
    return line
  }
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.resume()
  let password = ''
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stderr.write('\n')
          return resolve(password)
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false)
          return reject(new InvalidInputError('cancelled'))
        }
        if (ch === '\u007f') password = password.slice(0, -1)
        else password += ch
      }
    }
    stdin.on('data', onData)
  })
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Accounts: add, list, disable users, reset passwords.')
  user
    .command('add')
    .description('Add a user; the password is read from a prompt or stdin (never an argument).')
    .argument('<name>', 'user name')
    .addOption(new Option('-r, --role <role>', 'viewer, editor or admin').choices([...roles]).default('editor'))
    .action(async (name: string, opts: { role: Role }) => {
      const password = await readPassword(`password for ${name}: `)
      await withTracker('user add', async (t) => {
        const u = await (await accounts()).createAccount(t.store.db, name, opts.role, password)
        print(`added ${u.name} (${u.role})`)
      })
    })
  user
    .command('list')
    .description('List users and their roles.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withTracker('user list', async (t) => {
        const users = await (await import('../../store/accounts.ts')).listUsers(t.store.db)
        if (opts.json) return printJson(users.map(({ id: _id, ...u }) => u))
        if (users.length === 0) return print('no users yet: add one with `tracker user add <name> --role admin`')
        print(table([['name', 'role', 'status', 'since'], ...users.map((u) => [u.name, u.role, u.disabled ? 'disabled' : 'active', u.created_at.slice(0, 10)])]))
      })
    })
  user
    .command('disable')
    .description('Disable a user: their sessions end and their API tokens are revoked.')
    .argument('<name>', 'user name')
    .action(async (name: string) => {
      await withTracker('user disable', async (t) => {
        await (await accounts()).disableAccount(t.store.db, name)
        print(`disabled ${name}`)
      })
    })
  user
    .command('reset-password')
    .description('Set a new password (from a prompt or stdin); ends the user’s sessions and revokes their API tokens.')
    .argument('<name>', 'user name')
    .action(async (name: string) => {
      const password = await readPassword(`new password for ${name}: `)
      await withTracker('user reset-password', async (t) => {
        await (await accounts()).resetPassword(t.store.db, name, password)
        print(`password of ${name} changed; their sessions were ended and their API tokens revoked`)
      })
    })

  const token = program.command('token').description('API tokens for scripts (Authorization: Bearer …).')
  token
    .command('create')
    .description('Create an API token for a user; it is printed once and stored hashed.')
    .argument('<name>', 'user the token acts as')
    .option('-l, --label <label>', 'what the token is for', 'script')
    .option('--days <n>', `days until it expires, 0 for never (default: TRACKER_TOKEN_DAYS, 90)`)
    .action(async (name: string, opts: { label: string; days?: string }) => {
      const days = opts.days === undefined ? undefined : Number(opts.days)
      if (days !== undefined && (!/^\d+$/.test(opts.days!) || days > maxTokenDays)) throw new InvalidInputError(`--days: a whole number from 0 (never) to ${maxTokenDays}`)
      await withTracker('token create', async (t) => {
        const d = days ?? t.config.tokenDays
        const secret = await (await accounts()).createApiToken(t.store.db, name, opts.label, { days: d })
        process.stderr.write(`token for ${name} (${opts.label}), ${d === 0 ? 'never expires' : `expires in ${d} days`}; it is shown only now:\n`)
        print(secret)
      })
    })
  token
    .command('list')
    .description('List API tokens (id, user, label, dates; never the secrets).')
    .option('-u, --user <name>', 'only the tokens of this user')
    .option('--json', 'print as JSON')
    .action(async (opts: { user?: string; json?: boolean }) => {
      await withTracker('token list', async (t) => {
        const tokens = await (await accounts()).tokensOf(t.store.db, opts.user)
        if (opts.json) return printJson(tokens)
        if (tokens.length === 0) return print('no API tokens')
        const now = Date.now()
        const state = (tk: (typeof tokens)[number]) => (tk.revoked_at ? 'revoked' : tk.expires_at && Date.parse(tk.expires_at) <= now ? 'expired' : 'active')
        print(table([['id', 'user', 'label', 'created', 'expires', 'state'], ...tokens.map((tk) => [tk.id, tk.user, tk.label, tk.created_at.slice(0, 10), tk.expires_at?.slice(0, 10) ?? 'never', state(tk)])]))
      })
    })
  token
    .command('revoke')
    .description('Revoke an API token by its id (the 8 characters after "trk_", see `token list`).')
    .argument('<id>', 'token id')
    .action(async (id: string) => {
      await withTracker('token revoke', async (t) => {
        await (await accounts()).revokeApiToken(t.store.db, id.replace(/^trk_/, '').slice(0, 8))
        print(`revoked token ${id.replace(/^trk_/, '').slice(0, 8)}`)
      })
    })
}
