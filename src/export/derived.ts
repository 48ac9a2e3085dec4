/** @module Derived columns of exported tables (status, key dates, locality names), computed from a snapshot. */
import { keyDates } from '../analysis/keyDates.ts'
import { projectStatus } from '../analysis/projectStatus.ts'
import type { Event } from '../model/event.ts'
import { precisionOf } from '../model/partialDate.ts'
import type { Project } from '../model/project.ts'
import type { Snapshot } from '../model/snapshot.ts'

export function projectDerived(snapshot: Snapshot, p: Project, asOf?: string): Record<string, unknown> {
  const l = snapshot.localities.get(p.locality_id)
  const k = keyDates(snapshot.eventsByProject.get(p.id) ?? [], asOf)
  return {
    locality: l?.plain,
    hangul: l?.hangul,
    province_id: l?.province,
    status: projectStatus(snapshot, p, asOf).status,
    groundbreaking: k.groundbreaking,
    finished: k.finished,
    lat: l?.coord?.lat,
    lon: l?.coord?.lon,
  }
}

export function eventDerived(e: Event): Record<string, unknown> {
  return { precision: precisionOf(e.date) }
}
