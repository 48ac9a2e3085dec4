/**
 * @module How current the record is: the most recent report (source) it holds, who published
 * it and how many days ago — so a reader never takes silence for no news.
 */
import { daysBetween, rangeOf } from '../model/partialDate.ts'

export interface Freshness {
  sourceId: string
  publisher: string
  /** The report's publication date, with its precision (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string
  /** Whole days since it was published (since the last day it may mean, for a month or a year); never below 0. */
  days: number
}

/** From the newest source (GET /api/sources?sort=-published&limit=1) and today (YYYY-MM-DD). */
export function freshnessOf(latest: { id: string; publisher: string; published: string | null } | undefined, today: string): Freshness | null {
  if (!latest?.published) return null
  return { sourceId: latest.id, publisher: latest.publisher, date: latest.published, days: Math.max(0, daysBetween(rangeOf(latest.published).end, today)) }
}

/** The API path that holds the newest report. */
export const latestSourcePath = '/api/sources?sort=-published&limit=1'
