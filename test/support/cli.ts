/** @module Runs the real `tracker` command in a child process, as a user would. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const trackerBin = fileURLToPath(new URL('../../bin/tracker.js', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TRACKER_LOG_LEVEL: 'warn', ...options.env }
    for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k]
    const child = spawn(process.execPath, [trackerBin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}

/**
 * Runs `fn` over `items` with at most `limit` at a time, results in order: forty `tracker`
 * processes started at once on two cores each take a minute to start (and were killed at 60 s).
 */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
