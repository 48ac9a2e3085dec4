/**
 * @module A throwaway PostgreSQL server for tests: initdb into a temporary directory, listen on
 * 127.0.0.1 on a free port, trust authentication. As root, the server runs as the `postgres` user.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    for (const v of versions) {
      const bin = path.join(root, v, 'bin')
      if (fs.existsSync(path.join(bin, 'initdb'))) return bin
    }
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim()
    return initdb ? path.dirname(initdb) : null
  } catch {
    return null
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface PgServer {
  url: string
  port: number
  dir: string
  /** The running postgres process (a new one after restart()). */
  process: ChildProcess
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>
  /** Stops the server (fast shutdown: open connections are terminated) but keeps its data directory. */
  halt(): Promise<void>
  /** Starts it again, after halt(), on the same port and data directory; resolves when it accepts queries. */
  restart(): Promise<void>
}

const asRoot = process.getuid?.() === 0

/** PostgreSQL refuses to run as root: then run it as the `postgres` user the package creates. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (!asRoot) return {}
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

function run(bin: string, args: string[]): string {
  return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: '/', ...postgresUser() })
}

/** Starts postgres on an existing data directory and waits until it accepts queries. */
async function launch(pgBin: string, data: string, socketDir: string, port: number): Promise<ChildProcess> {
  const args = ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', socketDir, '-c', 'fsync=off', '-c', 'max_connections=200']
  const postgres = path.join(pgBin, 'postgres')
  const child = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: '/', ...postgresUser() })
  let log = ''
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)))
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited: ${log}`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end()
        resolve(true)
      })
      s.on('error', () => resolve(false))
    })
    if (ok) break
    if (Date.now() > deadline) throw new Error(`postgres did not start in 30 s: ${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  // Accepting TCP is not the same as accepting queries: wait for the startup to finish.
  const pg = (await import('pg')).default
  for (;;) {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      break
    } catch (error) {
      await client.end().catch(() => {})
      if (Date.now() > deadline) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return child
}

async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGINT')
  await exited
}

export async function startPostgres(pgBin: string, options: { port?: number } = {}): Promise<PgServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-pg-'))
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  const data = path.join(dir, 'data')
  run(path.join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N'])
  const port = options.port ?? (await freePort())
  let child = await launch(pgBin, data, dir, port)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    get process() {
      return child
    },
    async stop() {
      await halt(child)
      fs.rmSync(dir, { recursive: true, force: true })
    },
    async halt() {
      await halt(child)
    },
    async restart() {
      await halt(child)
      child = await launch(pgBin, data, dir, port)
    },
  }
}
