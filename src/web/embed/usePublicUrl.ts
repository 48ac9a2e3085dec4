/**
 * @module The address links and snippets that leave the tracker start from: the tracker's canonical
 * address (TRACKER_PUBLIC_URL via /api/config; else this page's origin) — or, in a published copy,
 * the copy's own address (its --base-url, else where it is being read), so an Embed snippet copied
 * from a copy frames and shows the copy's own embeds and images.
 */
import { basePath, isStatic, staticUrl } from '../staticMode.ts'
import { useApi } from '../useApi.ts'

interface PublicConfig {
  public_url: string | null
}

/** The base address without a trailing slash; undefined until /api/config has answered. */
export function usePublicUrl(): string | undefined {
  const config = useApi<PublicConfig>(isStatic ? null : '/api/config')
  if (isStatic) return (staticUrl ?? window.location.origin + basePath).replace(/\/+$/, '')
  if (!config.data && !config.error) return undefined
  return (config.data?.public_url ?? window.location.origin).replace(/\/+$/, '')
}
