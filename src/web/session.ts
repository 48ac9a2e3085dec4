/**
 * @module Who is signed in: read once from GET /api/session (the session itself is an HttpOnly
 * cookie), kept in memory with its CSRF token, and shared by every view through `useSession()`.
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, fetchJson, send, setCsrfToken } from './api.ts'
import type { SessionInfo, SessionUser } from './types.ts'

export interface SessionState {
  /** False until GET /api/session answered. */
  known: boolean
  user: SessionUser | null
}

let state: SessionState = { known: false, user: null }
let loading: Promise<void> | null = null
const listeners = new Set<(s: SessionState) => void>()

function set(info: SessionInfo | null): void {
  setCsrfToken(info?.csrf_token ?? null)
  state = { known: true, user: info?.user ?? null }
  for (const l of listeners) l(state)
}

/** Asks the server who is signed in (once; again with `force`). */
export function loadSession(force = false): Promise<void> {
  if (loading && !force) return loading
  loading = fetchJson<SessionInfo>('/api/session').then(
    (info) => set(info),
    () => set(null),
  )
  return loading
}

export function useSession(): SessionState {
  const [s, setS] = useState(state)
  useEffect(() => {
    listeners.add(setS)
    setS(state)
    void loadSession()
    return () => void listeners.delete(setS)
  }, [])
  return s
}

/** True for the roles that may change data. */
export function canEdit(user: SessionUser | null | undefined): boolean {
  return user?.role === 'editor' || user?.role === 'admin'
}

export async function signIn(name: string, password: string): Promise<SessionUser> {
  const info = await send<SessionInfo>('POST', '/api/session', { name, password })
  set(info)
  if (!info.user) throw new ApiError(401, 'unauthorized', 'wrong name or password')
  return info.user
}

export async function signOut(): Promise<void> {
  try {
    await send('DELETE', '/api/session')
  } finally {
    set(null)
  }
}
