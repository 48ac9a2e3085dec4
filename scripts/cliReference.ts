/**
 * @module Generates docs/cli.md from the real `--help` of every command, so the reference
 * cannot drift from the code (test/docs/cli.test.ts fails when it does). Run: npm run docs.
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import { buildProgram } from '../src/cli/main.ts'

function walk(cmd: Command, path: string[] = []): { path: string[]; help: string }[] {
  const here = { path, help: cmd.helpInformation() }
  return [here, ...cmd.commands.flatMap((c) => walk(c, [...path, c.name()]))]
}

export function cliReference(): string {
  const sections = walk(buildProgram()).map(({ path, help }) => `## \`tracker${path.length ? ` ${path.join(' ')}` : ''}\`\n\n\`\`\`\n${help.trimEnd()}\n\`\`\`\n`)
  return `# Command-line reference\n\nGenerated from \`--help\` by \`npm run docs\`; do not edit by hand.\n\n${sections.join('\n')}`
}

if (process.argv[1]?.endsWith('cliReference.ts')) {
  fs.writeFileSync(new URL('../docs/cli.md', import.meta.url), cliReference())
  process.stdout.write('wrote docs/cli.md\n')
}
