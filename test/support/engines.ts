/**
 * @module Runs a suite against both engines: the embedded PGlite (a fresh temporary data
 * directory) and PostgreSQL (a fresh database on the test server).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { loadConfig, type Config } from '../../src/config/config.ts'

export type Engine = 'pglite' | 'postgres'

export const pgUrl = (): string => inject('pgUrl')

/** The engines to run: PostgreSQL only when a server is available (always in CI). */
export function engines(): Engine[] {
  return pgUrl() ? ['pglite', 'postgres'] : ['pglite']
}

export interface TestDatabase {
  config: Config
  cleanup(): Promise<void>
}

let counter = 0

/** A config pointing at an empty database of the given engine. */
export async function freshDatabase(engine: Engine, env: Record<string, string> = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-test-'))
    return {
      config: loadConfig({ TRACKER_DATA_DIR: dir, TRACKER_LOG_LEVEL: 'silent', ...env }),
      async cleanup() {
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const admin = new pg.Client({ connectionString: pgUrl() })
  await admin.connect()
  const name = `t_${process.pid}_${Date.now()}_${counter++}`
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(pgUrl())
  url.pathname = `/${name}`
  return {
    config: loadConfig({ DATABASE_URL: url.toString(), TRACKER_LOG_LEVEL: 'silent', TRACKER_POLL_INTERVAL_MS: '100', ...env }),
    async cleanup() {
      const c = new pg.Client({ connectionString: pgUrl() })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
