/**
 * @module The address links and snippets that leave the tracker start from: the tracker's canonical
 * address (TRACKER_PUBLIC_URL via /api/config; else this page's origin) — or, in a published copy,
 * the copy's own address, so an Embed snippet copied from a copy frames and shows the copy's own
 * embeds and images: its --base-url (the page's `data-url`); in a release's copy, the address its
 * /api/config was written with (/releases/<version>/site at the canonical address); else where the
 * copy is being read.
 */
import { basePath, isStatic, staticRelease, staticUrl } from '../staticMode.ts'
import { useApi } from '../useApi.ts'

interface PublicConfig {
  public_url: string | null
}

/** The base address without a trailing slash; undefined until /api/config has answered. */
export function usePublicUrl(): string | undefined {
  const asked = !isStatic || (!staticUrl && staticRelease !== null)
  const config = useApi<PublicConfig>(asked ? '/api/config' : null)
  const here = typeof window === 'undefined' ? '' : window.location.origin
  if (isStatic && !asked) return (staticUrl ?? here + basePath).replace(/\/+$/, '')
  if (!config.data && !config.error) return undefined
  return (config.data?.public_url ?? here + basePath).replace(/\/+$/, '')
}
