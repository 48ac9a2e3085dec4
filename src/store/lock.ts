/**
 * @module The embedded database belongs to one process at a time: a lock file in the data
 * directory says which process holds it (and, for a server, where it listens). A second process
 * stops with a clear message instead of opening the same files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { UnavailableError } from '../model/errors.ts'

export interface LockInfo {
  pid: number
  command: string
  started_at: string
  url?: string
}

export interface DirLock {
  readonly file: string
  update(info: Partial<LockInfo>): void
  release(): void
}

/** Whether process `pid` is running (EPERM: it is, as another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function readLock(dir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'tracker.lock'), 'utf8')) as LockInfo
  } catch {
    return null
  }
}

function describeHolder(holder: LockInfo | null, dir: string): string {
  if (!holder) return `the database in ${dir} is in use by another tracker process`
  const what = holder.url ? `a tracker server (pid ${holder.pid}, ${holder.url})` : `another tracker command (pid ${holder.pid}: ${holder.command})`
  const hint = holder.url
    ? `stop the server first, or use its API at ${holder.url}/api/`
    : 'wait for it to finish'
  return `the database in ${dir} is in use by ${what}; ${hint}`
}

/** Lock files held by this process (a second open in the same process is refused too). */
const heldHere = new Set<string>()

export function acquireDirLock(dir: string, command: string): DirLock {
  const file = path.join(dir, 'tracker.lock')
  if (heldHere.has(file)) throw new UnavailableError(describeHolder(readLock(dir), dir))
  let info: LockInfo = { pid: process.pid, command, started_at: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600)
      fs.writeSync(fd, JSON.stringify(info))
      fs.closeSync(fd)
      let held = true
      heldHere.add(file)
      const release = () => {
        if (!held) return
        held = false
        heldHere.delete(file)
        try {
          if (readLock(dir)?.pid === process.pid) fs.unlinkSync(file)
        } catch {
          // already gone
        }
      }
      process.once('exit', release)
      return {
        file,
        update(more) {
          info = { ...info, ...more }
          const tmp = `${file}.${process.pid}.tmp`
          fs.writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 })
          fs.renameSync(tmp, file)
        },
        release() {
          process.removeListener('exit', release)
          release()
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readLock(dir)
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new UnavailableError(describeHolder(holder, dir))
      if (holder === null && attempt === 0) {
        // Being written right now by another process: look again shortly.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
        continue
      }
      // Left behind by a process that is gone: take it over.
      fs.rmSync(file, { force: true })
    }
  }
  throw new UnavailableError(describeHolder(readLock(dir), dir))
}
