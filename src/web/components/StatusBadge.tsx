/** @module A status as a coloured, patterned chip with its letter and its name (never colour alone). */
import { lookOf } from '../status.ts'

export function StatusBadge({ status, short = false }: { status: string | null | undefined; short?: boolean }) {
  const look = lookOf(status)
  return (
    <span class={`badge st-${look.key}`} title={look.label}>
      <span class="badge-chip" aria-hidden="true">
        {look.letter}
      </span>
      {short ? <span class="visually-hidden">{look.label}</span> : <span class="badge-text">{look.label}</span>}
    </span>
  )
}
