/**
 * Vitest global setup: provides a PostgreSQL URL to the tests. Uses TEST_DATABASE_URL when given;
 * otherwise starts a throwaway server. Without PostgreSQL binaries, the PostgreSQL runs are
 * skipped locally with a warning — and in CI (CI set) that is an error, never a silent skip.
 */
import type { TestProject } from 'vitest/node'
import fs from 'node:fs'
import { findPgBin, startPostgres, type PgServer } from './postgresServer.ts'
import { buildTemplate } from './template.ts'

let server: PgServer | null = null
let template = ''

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL ?? ''
  if (!url) {
    const bin = findPgBin()
    if (bin) {
      server = await startPostgres(bin)
      url = server.url
      process.stderr.write(`[tests] started a throwaway PostgreSQL at ${url} (${bin})\n`)
    } else if (process.env.CI) {
      throw new Error('CI is set but PostgreSQL is not installed: .ci/run must install the postgresql package')
    } else {
      process.stderr.write('[tests] PostgreSQL not found: the PostgreSQL runs are SKIPPED (install postgresql to run them)\n')
    }
  }
  process.stderr.write(`[tests] store, API and editing suites run on: pglite${url ? ', postgres' : ' only (no PostgreSQL)'}\n`)
  project.provide('pgUrl', url)
  // One loaded embedded database, copied by the tests that start from the bundled data (template.ts).
  template = await buildTemplate()
  project.provide('templateDataDir', template)
}

export async function teardown(): Promise<void> {
  await server?.stop()
  if (template) fs.rmSync(template, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string
    /** A loaded PGlite data directory to copy (template.ts); empty when none was made. */
    templateDataDir: string
  }
}
