/** @module The tracker's canonical address (TRACKER_PUBLIC_URL via /api/config; else this page's origin), for links and snippets that leave the tracker. */
import { useApi } from '../useApi.ts'

interface PublicConfig {
  public_url: string | null
}

/** The canonical base address without a trailing slash; undefined until /api/config has answered. */
export function usePublicUrl(): string | undefined {
  const config = useApi<PublicConfig>('/api/config')
  if (!config.data && !config.error) return undefined
  return (config.data?.public_url ?? window.location.origin).replace(/\/+$/, '')
}
