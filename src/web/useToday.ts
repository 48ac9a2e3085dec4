/**
 * @module The date the web app takes as today (YYYY-MM-DD): the server's TRACKER_TODAY when it is
 * set (from /api/config, so a pretended date holds in the browser too), else the reader's clock.
 */
import { today } from '../model/partialDate.ts'
import { useApi } from './useApi.ts'

interface PublicConfig {
  today?: string | null
}

/** Today, or undefined while /api/config has not answered (a failed answer falls back to the clock). */
export function useToday(): string | undefined {
  const config = useApi<PublicConfig>('/api/config')
  if (!config.data && !config.error) return undefined
  const set = config.data?.today
  return set && /^\d{4}-\d{2}-\d{2}$/.test(set) ? set : today()
}
