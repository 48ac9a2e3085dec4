/** @module Starts `tracker serve` as a child process, as `npm start` does, and waits until it listens. */
import { spawn, type ChildProcess } from 'node:child_process'
import { trackerBin } from './cli.ts'

export interface ServerProcess {
  child: ChildProcess
  url: string
  port: number
  log: () => string
  exited: Promise<number | null>
}

export function startServerProcess(env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const fullEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', TRACKER_LOG_LEVEL: 'info', ...env }
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete fullEnv[k]
    const child = spawn(process.execPath, [trackerBin, 'serve'], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`))
    }, timeoutMs)
    const onData = (d: Buffer) => {
      log += d.toString()
      const m = /serving (http:\/\/[^\s]+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        const url = m[1]!
        resolve({ child, url, port: Number(new URL(url).port), log: () => log, exited })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before listening:\n${log}`))
    })
  })
}
