/**
 * @module The event a new report most likely tells of, for the "What happened" default: the step
 * of the lifecycle after the latest one the project has (announced → groundbreaking → completion →
 * inauguration → production start), so a project that broke ground does not offer groundbreaking.
 */
import type { EventType } from '../../model/vocab.ts'

/** The lifecycle of a project in order; visits, construction stages and others can happen at any time. */
export const lifecycle: readonly EventType[] = ['announced', 'groundbreaking', 'completion', 'inauguration', 'production_start']

/** The next lifecycle step after the events a project has; groundbreaking when it has none, a leader visit once it is complete. */
export function nextEventType(types: Iterable<string>): EventType {
  let latest = -1
  for (const type of types) latest = Math.max(latest, lifecycle.indexOf(type as EventType))
  if (latest < 0) return 'groundbreaking'
  return lifecycle[latest + 1] ?? 'leader_visit'
}
