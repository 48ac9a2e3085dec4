/**
 * @module A row of editing buttons, each opening its form below the row (one at a time). The
 * open form gets the focus; closing it (Cancel, Escape, or saving) gives the focus back to its
 * button, and a saved change is announced beside the row.
 */
import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef, useState } from 'preact/hooks'

export interface Tool {
  key: string
  label: string
  /** The form; `close(message)` closes it, announcing `message` when given. */
  render: (close: (message?: string) => void) => ComponentChildren
  danger?: boolean
}

export function Tools({ label, items, compact = false, testId }: { label: string; items: Tool[]; compact?: boolean; testId?: string }) {
  const [open, setOpen] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const panel = useRef<HTMLDivElement>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const panelId = useId().replace(/[^A-Za-z0-9_-]/g, '') + '-panel'

  useEffect(() => {
    if (!open) return
    const first = panel.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea, button')
    first?.focus()
  }, [open])

  const close = (key: string) => (msg?: string) => {
    setOpen(null)
    setMessage(msg ?? null)
    setTimeout(() => buttons.current.get(key)?.focus(), 0)
  }
  const current = items.find((i) => i.key === open)

  return (
    <div class={`tools${compact ? ' compact' : ''}`} data-testid={testId}>
      <div class="tool-row" role="group" aria-label={label}>
        {items.map((i) => (
          <button
            type="button"
            key={i.key}
            class={`tool${i.danger ? ' danger' : ''}`}
            aria-expanded={open === i.key}
            aria-controls={open === i.key ? panelId : undefined}
            ref={(el) => {
              if (el) buttons.current.set(i.key, el)
              else buttons.current.delete(i.key)
            }}
            onClick={() => {
              setMessage(null)
              setOpen(open === i.key ? null : i.key)
            }}
          >
            {i.label}
          </button>
        ))}
        <span class="tool-status" role="status" aria-live="polite">
          {message ? <span class="saved">✓ {message}</span> : null}
        </span>
      </div>
      {current ? (
        <div
          class="edit-panel"
          id={panelId}
          ref={panel}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.defaultPrevented) {
              e.preventDefault()
              close(current.key)()
            }
          }}
        >
          {current.render(close(current.key))}
        </div>
      ) : null}
    </div>
  )
}
