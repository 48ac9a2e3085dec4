/**
 * @module The report's text with each proposal's evidence marked (<mark>); the selected
 * proposal's marks stand out, and clicking a mark selects its proposal.
 */
import type { Ref } from 'preact'
import { segments, type EvidenceSpan } from './segments.ts'

export function Article({ text, spans, selected, onPick, boxRef }: { text: string; spans: EvidenceSpan[]; selected: number | null; onPick: (id: number) => void; boxRef: Ref<HTMLDivElement> }) {
  const parts = segments(text, spans)
  return (
    <div class="article-text" ref={boxRef} data-testid="article">
      {parts.map((s, i) =>
        s.ids.length === 0 ? (
          s.text
        ) : (
          <mark
            key={i}
            class={selected !== null && s.ids.includes(selected) ? 'current' : undefined}
            data-proposals={s.ids.join(' ')}
            data-starts={s.starts.length ? s.starts.join(' ') : undefined}
            onClick={() => onPick(selected !== null && s.ids.includes(selected) ? selected : s.ids[0]!)}
          >
            {s.text}
          </mark>
        ),
      )}
    </div>
  )
}
