/**
 * @module A hook that reads one API path and re-renders with its data, its error or neither
 * (loading); it reads again after a change is saved (the data epoch moves on).
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, currentEpoch, getJson, onEpoch } from './api.ts'

export interface ApiState<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
}

/** The data epoch: a number that changes whenever a change was saved. */
export function useEpoch(): number {
  const [epoch, setEpoch] = useState(currentEpoch)
  useEffect(() => onEpoch(setEpoch), [])
  return epoch
}

/** Reads `path` (null: nothing to read yet). Keeps the previous data while the next path loads or the data is read again. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path: null })
  const epoch = useEpoch()
  useEffect(() => {
    if (path === null) return
    let live = true
    getJson<T>(path).then(
      (data) => live && setState({ path, data }),
      (error: unknown) => live && setState({ path, error: error instanceof ApiError ? error : new ApiError(0, 'network', String((error as Error)?.message ?? error)) }),
    )
    return () => {
      live = false
    }
  }, [path, epoch])
  const settled = state.path === path
  return { data: state.data, error: settled ? state.error : undefined, loading: path !== null && !settled }
}
