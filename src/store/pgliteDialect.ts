/**
 * @module A Kysely dialect over PGlite. PGlite has one connection, so the driver hands it out to
 * one Kysely "connection" at a time (a queue), and runs transactions through PGlite's own
 * transaction(): queries from elsewhere can never land inside another caller's transaction.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite'
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely'

/** A first-in, first-out lock. */
class Queue {
  #tail: Promise<void> = Promise.resolve()
  acquire(): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const ready = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => held)
    return ready
  }
}

class Rollback extends Error {}

class PGliteConnection implements DatabaseConnection {
  #tx: Transaction | undefined
  #finish: ((commit: boolean) => void) | undefined
  #done: Promise<unknown> | undefined

  constructor(readonly db: PGlite) {}

  async begin(): Promise<void> {
    let started = false
    await new Promise<void>((ready, fail) => {
      this.#done = this.db
        .transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              this.#tx = tx
              this.#finish = (commit) => (commit ? resolve() : reject(new Rollback()))
              started = true
              ready()
            }),
        )
        .catch((error: unknown) => {
          // Before the callback ran, the failure belongs to begin(); after, to end().
          if (!started) return fail(error)
          throw error
        })
    })
  }

  async end(commit: boolean): Promise<void> {
    const done = this.#done
    this.#finish?.(commit)
    this.#tx = undefined
    this.#finish = undefined
    this.#done = undefined
    try {
      await done
    } catch (error) {
      if (!(error instanceof Rollback)) throw error
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#tx ?? this.db
    // Without parameters, use the simple protocol, which (like pg) accepts several statements.
    const result =
      query.parameters.length === 0
        ? ((await target.exec(query.sql, { rowMode: 'object' })).at(-1) ?? { rows: [], fields: [] as never[], affectedRows: 0 })
        : await target.query<R>(query.sql, [...query.parameters], { rowMode: 'object' })
    const affected = result.affectedRows
    return {
      rows: result.rows as R[],
      ...(affected !== undefined && !/^\s*select/i.test(query.sql) ? { numAffectedRows: BigInt(affected) } : {}),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite')
  }
}

class PGliteDriver implements Driver {
  readonly #queue = new Queue()
  readonly #releases = new WeakMap<PGliteConnection, () => void>()
  constructor(readonly db: PGlite) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#queue.acquire()
    const connection = new PGliteConnection(this.db)
    this.#releases.set(connection, release)
    return connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin()
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(true)
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(false)
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#releases.get(connection as PGliteConnection)?.()
  }

  async destroy(): Promise<void> {
    // The owner of the PGlite instance closes it.
  }
}

export class PGliteDialect implements Dialect {
  constructor(readonly db: PGlite) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver() {
    return new PGliteDriver(this.db)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
}
