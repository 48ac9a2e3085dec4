/**
 * @module The `tracker` command line: parses arguments, runs one command, and turns errors into
 * one line on stderr and an exit code (0 success, 1 failure, 2 bad usage or input).
 */
import { Command, CommanderError } from 'commander'
import { AppError } from '../model/errors.ts'
import { registerDb } from './commands/db.ts'
import { registerExport } from './commands/export.ts'
import { registerPublish } from './commands/publish.ts'
import { registerImport } from './commands/import.ts'
import { registerRequest } from './commands/request.ts'
import { registerRelease } from './commands/release.ts'
import { registerResolve } from './commands/resolve.ts'
import { registerExtract } from './commands/extract.ts'
import { registerIntake } from './commands/intake.ts'
import { registerReview } from './commands/review.ts'
import { registerUser } from './commands/user.ts'
import { registerStats } from './commands/stats.ts'
import { registerValidate } from './commands/validate.ts'
import { registerInit } from './commands/init.ts'
import { registerServe } from './commands/serve.ts'

export function buildProgram(): Command {
  const program = new Command('tracker')
    .description("20×10 Tracker: the open tracker of North Korea's Regional Development 20×10 Policy.")
    .version('0.1.0', '-V, --version')
    // `tracker -V` is the program's version; `tracker release --version X` is the release's.
    .enablePositionalOptions()
    .configureHelp({ sortSubcommands: false, helpWidth: 100 })
    .addHelpText(
      'after',
      `
Settings come from the environment (DATABASE_URL, TRACKER_DATA_DIR, PORT, …; see README).
Commands that print data take --json; "-" as a file means stdin or stdout.
Exit codes: 0 success, 1 failure, 2 bad usage or input.`,
    )
  registerInit(program)
  registerServe(program)
  registerDb(program)
  registerImport(program)
  registerValidate(program)
  registerStats(program)
  registerResolve(program)
  registerExtract(program)
  registerIntake(program)
  registerReview(program)
  registerExport(program)
  registerRelease(program)
  registerPublish(program)
  registerUser(program)
  registerRequest(program)
  oneLineUsageErrors(program)
  return program
}

/**
 * Every command, at any depth, reports a usage error as one line naming its own help, and throws
 * instead of exiting (main() turns that into exit code 2). Commander's default is two lines or more:
 * the message, then a hint or a suggestion on lines of their own.
 */
function oneLineUsageErrors(cmd: Command, path: string[] = []): void {
  const help = ['tracker', ...path, '--help'].join(' ')
  cmd.exitOverride()
  cmd.configureOutput({
    outputError: (message, write) => write(`tracker: ${message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()} (see \`${help}\`)\n`),
  })
  // A group (tracker, db, user, token) run without a known command would print its whole help on
  // stderr; say in one line which commands there are instead.
  const group = cmd as Command & { _actionHandler?: unknown }
  if (cmd.commands.length > 0 && !group._actionHandler) {
    const names = cmd.commands.map((c) => c.name()).join(', ')
    cmd.allowExcessArguments().action(() => {
      const given = cmd.args[0]
      cmd.error(given === undefined ? (path.length ? `${path.join(' ')} needs a command: ${names}` : `give a command: ${names}`) : `unknown command '${given}' (commands: ${names})`, { code: 'commander.unknownCommand' })
    })
  }
  for (const sub of cmd.commands) oneLineUsageErrors(sub, [...path, sub.name()])
}

function fail(error: unknown): never {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2)
  if (error instanceof AppError) {
    process.stderr.write(`tracker: ${error.message}\n`)
    if (error.details && error.details.length > 1) {
      for (const d of error.details.slice(0, 20)) process.stderr.write(`  ${d.path ? `${d.path}: ` : ''}${d.message}\n`)
      if (error.details.length > 20) process.stderr.write(`  … and ${error.details.length - 20} more\n`)
    }
    process.exit(error.exitCode)
  }
  const e = error as Error
  process.stderr.write(`tracker: unexpected error: ${e?.message ?? String(error)}\n`)
  if (process.env.TRACKER_LOG_LEVEL === 'debug') process.stderr.write(`${e?.stack}\n`)
  process.exit(1)
}

export async function main(argv: string[]): Promise<void> {
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (error) {
    fail(error)
  }
}

if (process.argv[1] && /tracker(\.js)?$|main\.ts$/.test(process.argv[1])) await main(process.argv)
