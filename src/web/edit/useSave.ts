/**
 * @module One change being sent: busy while it travels, the API's refusal to show beside the
 * fields, or — for a stale If-Match (412) — the record as someone else saved it, so the editor
 * can compare and apply the change again on top of it.
 */
import { useState } from 'preact/hooks'
import { ApiError, dataChanged } from '../api.ts'

export interface Conflict {
  /** The record as it is now (with its version). */
  current: Record<string, unknown>
}

export interface Save {
  busy: boolean
  error: ApiError | null
  conflict: Conflict | null
  /** Runs `send`; on success refreshes every view and calls `done` with the answer. */
  run<T>(send: () => Promise<T>, done: (result: T) => void): Promise<void>
  clear(): void
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'error', String((e as Error)?.message ?? e))
}

export function useSave(): Save {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  return {
    busy,
    error,
    conflict,
    async run(send, done) {
      setBusy(true)
      setError(null)
      let result: Awaited<ReturnType<typeof send>>
      try {
        result = await send()
      } catch (e) {
        const err = asApiError(e)
        setBusy(false)
        if (err.status === 412 && err.current) {
          setConflict({ current: err.current })
          // The page behind the form shows their version too.
          dataChanged()
        } else {
          setConflict(null)
          setError(err)
        }
        return
      }
      setBusy(false)
      setConflict(null)
      dataChanged()
      done(result)
    },
    clear() {
      setError(null)
      setConflict(null)
    },
  }
}
